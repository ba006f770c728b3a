package catalog

import (
	"strings"
	"sync"
	"time"

	// the zone database is embedded so that the binary does not depend on
	// the server's zoneinfo files
	_ "time/tzdata"
)

// TimeZone is the office's time zone: "today" for the date rules is the date
// there (as todayInBalikpapan in registry.ts).
const TimeZone = "Asia/Makassar"

// CodeServiceUnknown is the error code (under the key "service") of a
// service code that is not an online service of the catalog.
const CodeServiceUnknown = "service_unknown"

var officeLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(TimeZone)
	if err != nil {
		panic("catalog: load the time zone " + TimeZone + ": " + err.Error())
	}
	return loc
})

// Location returns the office's time zone (Asia/Makassar).
func Location() *time.Location {
	return officeLocation()
}

// Today returns the date (YYYY-MM-DD) of now in Asia/Makassar.
func Today(now time.Time) string {
	return now.In(officeLocation()).Format(time.DateOnly)
}

// Validator validates answers; Now is the clock of the date rules
// (time.Now when nil), injectable for tests.
type Validator struct {
	Now func() time.Time
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
// not checked. An empty map means the answers are valid. An unknown service
// gives {"service": "service_unknown"}.
func (v Validator) Validate(service string, answers map[string]any) map[string]string {
	s, ok := Online(service)
	if !ok {
		return map[string]string{"service": CodeServiceUnknown}
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	r := &rules{today: Today(now())}

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
	return errs
}

// conditionApplies is validate.ts conditionApplies: the condition holds and
// the field it reads is itself shown, and so on up the chain, so that the
// stale answer of a hidden field asks for nothing.
func (s *Service) conditionApplies(c *Condition, answers map[string]any) bool {
	seen := map[string]bool{}
	for current := c; current != nil; {
		if !conditionHolds(current, answers) {
			return false
		}
		name, _, _ := strings.Cut(current.Field, ".")
		if seen[name] {
			break
		}
		seen[name] = true
		field := s.topField(name)
		if field == nil {
			break
		}
		current = field.When
	}
	return true
}

// DocumentsAskedFor lists the document requirements of the online service
// with the given code that apply to these answers, in catalog order, like
// documentsAskedFor of validate.ts (the answers are compared as they are,
// untrimmed). An unknown service asks for nothing.
func DocumentsAskedFor(service string, answers map[string]any) []DocumentRequirement {
	s, ok := Online(service)
	if !ok {
		return nil
	}
	var asked []DocumentRequirement
	for _, d := range s.Documents {
		if s.conditionApplies(d.When, answers) {
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
	return read(s.Subject.NIK), read(s.Subject.Name)
}
