package catalog

import (
	"strings"
	"time"

	"dukcapil-daring/server/internal/office"
)

// CodeServiceUnknown is the error code (under the key "service") of a
// service code that is not an online service of the catalog.
const CodeServiceUnknown = "service_unknown"

// Validator validates answers; Now is the clock of the date rules and the
// conditions (time.Now when nil) and Settings the office's settings
// (ActiveSettings when nil), injectable for tests.
type Validator struct {
	Now      func() time.Time
	Settings map[string]any
}

// evaluation is what the validator's conditions read.
func (v Validator) evaluation() evaluation {
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	settings := v.Settings
	if settings == nil {
		settings = ActiveSettings()
	}
	// "today" of the date rules and conditions is the office's (as todayInBalikpapan in registry.ts)
	return evaluation{today: office.Today(now()), settings: settings}
}

// Validate checks the answers of an application of the online service with
// the given code, today being the current date in Asia/Makassar. See
// Validator.Validate.
func Validate(service string, answers map[string]any) map[string]string {
	return Validator{}.Validate(service, answers)
}

// Validate checks the answers of an application of the online service with
// the given code like validateAnswers of src/lib/catalog/validate.ts, and
// returns the first error of every field path ("mother.nik",
// "witnesses.0.name") with the steps flattened: path → code (required,
// nik_province, kelurahan_mismatch, ...). A field hidden by its condition is
// not checked; a key the service's form does not have is "unknown_key" at
// its path. An empty map means the answers are valid. An unknown service
// gives {"service": "service_unknown"}.
func (v Validator) Validate(service string, answers map[string]any) map[string]string {
	s, ok := Online(service)
	if !ok {
		return map[string]string{"service": CodeServiceUnknown}
	}
	r := &rules{evaluation: v.evaluation()}

	var input any = answers
	if answers == nil {
		input = map[string]any{}
	}
	errs := map[string]string{}
	for i := range s.Steps {
		// like validateStep: the first issue of each path wins within a
		// step; like Object.assign over validateAnswers, later steps win
		stepErrs := map[string]string{}
		for _, is := range r.form(s.Steps[i].Fields, input).issues {
			path := strings.Join(is.path, ".")
			if _, seen := stepErrs[path]; !seen {
				stepErrs[path] = is.code
			}
		}
		for path, code := range stepErrs {
			errs[path] = code
		}
	}
	// like validateAnswerKeys after the steps: a key the form does not have
	var fields []Field
	for i := range s.Steps {
		fields = append(fields, s.Steps[i].Fields...)
	}
	for _, path := range unknownKeys(fields, input, nil) {
		errs[strings.Join(path, ".")] = CodeUnknownKey
	}
	return errs
}

// DocumentsAskedFor lists the document requirements of the online service
// with the given code that apply to these answers, today and with the
// settings in force. See Validator.DocumentsAskedFor.
func DocumentsAskedFor(service string, answers map[string]any) []DocumentRequirement {
	return Validator{}.DocumentsAskedFor(service, answers)
}

// DocumentsAskedFor lists the document requirements of the online service
// with the given code that apply to these answers, in catalog order, like
// documentsAskedFor of validate.ts (the answers are compared as they are,
// untrimmed; dates are trimmed). An unknown service asks for nothing.
func (v Validator) DocumentsAskedFor(service string, answers map[string]any) []DocumentRequirement {
	s, ok := Online(service)
	if !ok {
		return nil
	}
	e := v.evaluation()
	var asked []DocumentRequirement
	for _, d := range s.Documents {
		if s.conditionApplies(e, d.When, answers, nil) {
			asked = append(asked, d)
		}
	}
	return asked
}

// SubjectOf returns the NIK and the name of the person an application is
// about, read (and trimmed) at the service's subject paths; empty when the
// service is unknown or an answer is not a string.
func SubjectOf(service string, answers map[string]any) (nik, name string) {
	s, ok := Online(service)
	if !ok {
		return "", ""
	}
	read := func(path string) string {
		value, _ := answerAt(answers, path).(string)
		return jsTrim(value)
	}
	nikPath := s.Subject.NIK
	if s.Subject.NIKWhenHidden != "" {
		top, _, _ := strings.Cut(nikPath, ".")
		if f := s.topField(top); f != nil && !s.conditionApplies(Validator{}.evaluation(), f.When, answers, nil) {
			nikPath = s.Subject.NIKWhenHidden
		}
	}
	return read(nikPath), read(s.Subject.Name)
}
