package catalog

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dukcapil-daring/server/internal/nik"
)

// The rules below mirror src/lib/catalog/registry.ts, including how valibot
// runs them: a rule yields an output value (strings trimmed), whether the
// value had the expected type ("typed"), and its issues. An untyped value
// stops the checks that come after it in the same pipe (a group's item
// count, an address's kelurahan check, a form's conditional fields), as in
// valibot.

// issue is one error: the path below the value that was checked, and its
// code, one of the closed list answerCodes (src/lib/catalog/codes.ts).
type issue struct {
	path []string
	code string
}

// outcome is the result of running a rule on a value.
type outcome struct {
	value  any
	typed  bool
	issues []issue
}

func (o *outcome) add(code string, path ...string) {
	o.issues = append(o.issues, issue{path: path, code: code})
}

// nest adds the issues of a child value found under key.
func (o *outcome) nest(key string, child outcome) {
	for _, is := range child.issues {
		o.issues = append(o.issues, issue{path: append([]string{key}, is.path...), code: is.code})
	}
}

// Codes of the rules' own issues (the others are the checks' codes below).
const (
	// CodeRequired is an empty required answer, or a key the answers lack.
	CodeRequired = "required"
	// CodeType is an answer of the wrong JSON type.
	CodeType = "type"
	// CodeUnknownKey is a key that the service's form does not have.
	CodeUnknownKey = "unknown_key"
)

// typeIssue is the issue of a value of the wrong type: it stops the checks
// after it, as an untyped value does in valibot.
func typeIssue(value any) outcome {
	return outcome{value: value, issues: []issue{{code: CodeType}}}
}

var (
	phonePattern  = regexp.MustCompile(`^(\+62|62|0)8[0-9]{7,12}$`)
	digits16      = regexp.MustCompile(`^[0-9]{16}$`)
	isoDate       = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	timePattern   = regexp.MustCompile(`^([01]\d|2[0-3])[:.]([0-5]\d)$`)
	rtRw          = regexp.MustCompile(`^[0-9]{1,3}$`)
	wholeNumber   = regexp.MustCompile(`^\d+$`)
	decimalNumber = regexp.MustCompile(`^\d+([.,]\d+)?$`)
)

// personParts are the parts of a person field, in the order they are asked.
var personParts = []string{"nik", "name", "birth_date", "sex"}

// addressParts are the parts of an address field.
var addressParts = []string{"kecamatan", "kelurahan", "rt", "rw", "street"}

// check is one test of a non-empty trimmed answer and the code it fails with.
type check struct {
	ok   func(string) bool
	code string
}

// rules runs the rules of a catalog; today (YYYY-MM-DD in Asia/Makassar)
// and the office's settings are what its conditions are evaluated against.
type rules struct {
	evaluation
}

// text is registry.ts text(): a string (else "type"), trimmed; empty
// passes unless required; the checks run in order on a non-empty answer and
// the first that fails gives the error.
func text(value any, required bool, requiredCode string, checks ...check) outcome {
	s, ok := value.(string)
	if !ok {
		return typeIssue(value)
	}
	o := outcome{value: jsTrim(s), typed: true}
	s = o.value.(string)
	if s == "" {
		if required {
			o.add(requiredCode)
		}
		return o
	}
	for _, c := range checks {
		if !c.ok(s) {
			o.add(c.code)
			break
		}
	}
	return o
}

func maxLength(max int) check {
	return check{func(s string) bool { return jsLength(s) <= max }, "too_long"}
}

func choice(value any, required bool, values []string) outcome {
	return text(value, required, "required_choice", check{func(s string) bool { return slices.Contains(values, s) }, "choice_invalid"})
}

// nikCheck is nikError of nik.ts. The length is counted in UTF-16 units
// like JavaScript's; the rest is internal/nik.
func nikCheck(s string) (code string) {
	if jsLength(s) != nik.Length {
		return nik.CodeLength
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nik.CodeDigits
		}
	}
	if err := nik.Validate(s); err != nil {
		if coded, ok := err.(interface{ Code() string }); ok {
			return coded.Code()
		}
		return nik.CodeDigits
	}
	return ""
}

func nikRule(value any, required bool) outcome {
	s, ok := value.(string)
	if !ok {
		return typeIssue(value)
	}
	o := outcome{value: jsTrim(s), typed: true}
	s = o.value.(string)
	if s == "" {
		if required {
			o.add(CodeRequired)
		}
		return o
	}
	if code := nikCheck(s); code != "" {
		o.add(code)
	}
	return o
}

// isValidISODate is registry.ts isValidIsoDate: YYYY-MM-DD, a day that
// exists, year 1900 or later.
func isValidISODate(s string) bool {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if year < 1900 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= daysIn(year, month)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (r *rules) date(value any, required, past bool) outcome {
	return text(value, required, "required",
		check{isValidISODate, "date_invalid"},
		check{func(s string) bool { return !past || s <= r.today }, "date_future"},
	)
}

// jsNumberValue is Number(value.replace(',', '.')) for an answer that
// already matched the number pattern.
func jsNumberValue(s string) float64 {
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil && !math.IsInf(f, 0) {
		return math.NaN()
	}
	return f
}

// field runs the rule of one field on its answer.
func (r *rules) field(f *Field, value any) outcome {
	required := f.IsRequired()
	switch f.Type {
	case "text", "textarea":
		max := 2000
		if f.Type == "text" {
			max = 200
		}
		if f.MaxLength != nil {
			max = *f.MaxLength
		}
		checks := []check{maxLength(max)}
		if f.Pattern != "" {
			re := patterns[f.Pattern]
			code := f.PatternCode
			if code == "" {
				code = "pattern"
			}
			checks = append(checks, check{re.MatchString, code})
		}
		return text(value, required, "required", checks...)
	case "nik":
		return nikRule(value, required)
	case "kk":
		return text(value, required, "required", check{digits16.MatchString, "kk_format"})
	case "phone":
		return text(value, required, "required", check{func(s string) bool {
			return phonePattern.MatchString(strings.Map(func(r rune) rune {
				if r == '-' || isJSSpace(r) {
					return -1
				}
				return r
			}, s))
		}, "phone"})
	case "date":
		return r.date(value, required, f.Past)
	case "time":
		return text(value, required, "required", check{timePattern.MatchString, "time_invalid"})
	case "number":
		pattern := wholeNumber
		if f.Decimals {
			pattern = decimalNumber
		}
		return text(value, required, "required",
			check{pattern.MatchString, "number_invalid"},
			check{func(s string) bool { return f.Min == nil || jsNumberValue(s) >= *f.Min }, "number_min"},
			check{func(s string) bool { return f.Max == nil || jsNumberValue(s) <= *f.Max }, "number_max"},
		)
	case "choice":
		values := make([]string, len(f.Options))
		for i, option := range f.Options {
			values[i] = option.Value
		}
		return choice(value, required, values)
	case "yesno":
		return choice(value, required, []string{"yes", "no"})
	case "person":
		return r.person(f, value, required)
	case "address":
		return r.address(value, required)
	case "group":
		return r.group(f, value, required)
	}
	// checkCatalog refuses unknown types when the catalog is loaded
	panic("catalog: unknown field type " + f.Type)
}

// object is valibot's v.object: every key must be present (else
// "required" at the key), each value is checked by its rule, and other keys
// are dropped.
func object(value any, keys []string, rule func(key string, value any) outcome) outcome {
	input, ok := asObject(value)
	if !ok {
		return typeIssue(value)
	}
	out := make(map[string]any, len(keys))
	o := outcome{value: out, typed: true}
	for _, key := range keys {
		v, present := input[key]
		if !present {
			o.add(CodeRequired, key)
			o.typed = false
			continue
		}
		child := rule(key, v)
		o.nest(key, child)
		if !child.typed {
			o.typed = false
		}
		out[key] = child.value
	}
	return o
}

func (r *rules) person(f *Field, value any, required bool) outcome {
	parts := f.Parts
	if len(parts) == 0 {
		parts = personParts
	}
	return object(value, parts, func(part string, v any) outcome {
		switch part {
		case "nik":
			return nikRule(v, required)
		case "name":
			return text(v, required, "required", maxLength(100))
		case "birth_date":
			return r.date(v, required, true)
		default: // sex
			return choice(v, required, []string{"M", "F"})
		}
	})
}

func (r *rules) address(value any, required bool) outcome {
	codes := make([]string, len(kecamatan))
	for i, k := range kecamatan {
		codes[i] = k.Code
	}
	rtRwCheck := check{rtRw.MatchString, "rt_rw"}
	o := object(value, addressParts, func(part string, v any) outcome {
		switch part {
		case "kecamatan":
			return choice(v, required, codes)
		case "kelurahan":
			return text(v, required, "required_choice")
		case "rt", "rw":
			return text(v, required, "required", rtRwCheck)
		default: // street
			return text(v, required, "required", maxLength(200))
		}
	})
	if o.typed {
		out := o.value.(map[string]any)
		kel, kec := out["kelurahan"].(string), out["kecamatan"].(string)
		if kel != "" && !slices.Contains(KelurahanOf(kec), kel) {
			o.add("kelurahan_mismatch", "kelurahan")
		}
	}
	return o
}

func (r *rules) group(f *Field, value any, required bool) outcome {
	items, ok := value.([]any)
	if !ok {
		return typeIssue(value)
	}
	out := make([]any, 0, len(items))
	o := outcome{typed: true}
	for i, item := range items {
		child := r.form(f.Fields, item)
		o.nest(strconv.Itoa(i), child)
		if !child.typed {
			o.typed = false
		}
		out = append(out, child.value)
	}
	o.value = out
	min, max := int(*f.Min), int(*f.Max)
	if required {
		min = maxInt(min, 1)
	}
	if o.typed && len(items) < min {
		o.add("group_min")
	}
	if o.typed && len(items) > max {
		o.add("group_max")
	}
	return o
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// form is registry.ts objectSchema: the fields always shown are checked by
// their rules (a missing key is an issue); the other keys are kept as they
// are; then, when every checked value had its type, each conditional field
// whose condition holds on that output is checked, its missing or null
// answer counting as blank. A hidden field is not checked at all.
func (r *rules) form(fields []Field, value any) outcome {
	input, ok := asObject(value)
	if !ok {
		return typeIssue(value)
	}
	out := make(map[string]any, len(input))
	o := outcome{value: out, typed: true}
	entries := make(map[string]bool, len(fields))
	for i := range fields {
		f := &fields[i]
		entries[f.Name] = true
		if f.When != nil {
			continue
		}
		v, present := input[f.Name]
		if !present {
			o.add(CodeRequired, f.Name)
			o.typed = false
			continue
		}
		child := r.field(f, v)
		o.nest(f.Name, child)
		if !child.typed {
			o.typed = false
		}
		out[f.Name] = child.value
	}
	for i := range fields {
		f := &fields[i]
		if v, present := input[f.Name]; f.When != nil && present {
			out[f.Name] = v
		}
	}
	for key, v := range input {
		if !entries[key] && isValidObjectKey(key) {
			out[key] = v
		}
	}
	if !o.typed {
		return o
	}
	for i := range fields {
		f := &fields[i]
		if f.When == nil || !r.holds(f.When, out) {
			continue
		}
		v := out[f.Name]
		if v == nil {
			v = emptyAnswer(f)
		}
		o.nest(f.Name, r.field(f, v))
	}
	return o
}

// unknownKeys is registry.ts unknownKeys: the paths of the keys that the
// form of these fields does not have, beside the fields, in a person or an
// address beside its parts, in an entry of a group beside the group's
// fields (and so on down). Every key counts, shown or hidden; a value that
// is not an object (or a list, for a group) is not looked into.
func unknownKeys(fields []Field, value any, path []string) [][]string {
	object, ok := value.(map[string]any)
	if !ok {
		return nil
	}
	var out [][]string
	for key, answer := range object {
		here := append(slices.Clone(path), key)
		i := slices.IndexFunc(fields, func(f Field) bool { return f.Name == key })
		if i < 0 {
			out = append(out, here)
			continue
		}
		f := &fields[i]
		switch f.Type {
		case "person", "address":
			parts := addressParts
			if f.Type == "person" {
				parts = f.Parts
				if len(parts) == 0 {
					parts = personParts
				}
			}
			if answer, ok := answer.(map[string]any); ok {
				for part := range answer {
					if !slices.Contains(parts, part) {
						out = append(out, append(slices.Clone(here), part))
					}
				}
			}
		case "group":
			if items, ok := answer.([]any); ok {
				for n, item := range items {
					out = append(out, unknownKeys(f.Fields, item, append(slices.Clone(here), strconv.Itoa(n)))...)
				}
			}
		}
	}
	return out
}

// emptyAnswer is registry.ts emptyAnswer: the blank answer of a field.
func emptyAnswer(f *Field) any {
	switch f.Type {
	case "person":
		parts := f.Parts
		if len(parts) == 0 {
			parts = personParts
		}
		m := make(map[string]any, len(parts))
		for _, part := range parts {
			m[part] = ""
		}
		return m
	case "address":
		m := make(map[string]any, len(addressParts))
		for _, part := range addressParts {
			m[part] = ""
		}
		return m
	case "group":
		items := make([]any, int(*f.Min))
		for i := range items {
			items[i] = emptyAnswers(f.Fields)
		}
		return items
	}
	return ""
}

func emptyAnswers(fields []Field) map[string]any {
	m := make(map[string]any, len(fields))
	for i := range fields {
		m[fields[i].Name] = emptyAnswer(&fields[i])
	}
	return m
}
