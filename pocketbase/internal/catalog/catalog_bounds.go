package catalog

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// MaxErrors is the most field errors a validation reports: whatever the
// input, a refusal stays a few kilobytes.
const MaxErrors = 50

// MaxGroupItems bounds a group without its own maximum in the catalog.
const MaxGroupItems = 100

// CheckBounds looks at the shape of the answers against the catalog's
// limits before anything walks them: a group with more items than its
// maximum is reported at once ("group_max" at its path) without looking
// at a single item, so the work of a validation is bounded by the catalog,
// not by the size of the request. It returns nil when the answers are
// within bounds (they may still be invalid).
func CheckBounds(service string, answers map[string]any) map[string]string {
	s, ok := Online(service)
	if !ok {
		return nil
	}
	errs := map[string]string{}
	for i := range s.Steps {
		checkFieldBounds(s.Steps[i].Fields, answers, nil, errs)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func checkFieldBounds(fields []Field, value any, path []string, errs map[string]string) {
	object, ok := value.(map[string]any)
	if !ok {
		return
	}
	for i := range fields {
		f := &fields[i]
		if f.Type != "group" || len(errs) >= MaxErrors {
			continue
		}
		items, ok := object[f.Name].([]any)
		if !ok {
			continue
		}
		max := MaxGroupItems
		if f.Max != nil && *f.Max >= 0 && int(*f.Max) < max {
			max = int(*f.Max)
		}
		here := append(append([]string{}, path...), f.Name)
		if len(items) > max {
			errs[strings.Join(here, ".")] = "group_max"
			continue
		}
		for n, item := range items {
			checkFieldBounds(f.Fields, item, append(here, strconv.Itoa(n)), errs)
		}
	}
}

// ValidateBounded is Validate with bounded work and output: CheckBounds
// first (a group over its maximum is reported without walking its items),
// then Validate, of whose errors at most MaxErrors are kept (the first by
// path, so the same input always gives the same answer).
func ValidateBounded(service string, answers map[string]any) map[string]string {
	if errs := CheckBounds(service, answers); errs != nil {
		return Truncate(errs, MaxErrors)
	}
	return Truncate(Validate(service, answers), MaxErrors)
}

// Truncate keeps the first max errors of errs by path.
func Truncate(errs map[string]string, max int) map[string]string {
	if len(errs) <= max {
		return errs
	}
	paths := make([]string, 0, len(errs))
	for p := range errs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make(map[string]string, max)
	for _, p := range paths[:max] {
		out[p] = errs[p]
	}
	return out
}

// IsAnswerCode tells whether code is in the closed list of codes that
// Validate may give (catalog.json answerCodes).
func IsAnswerCode(code string) bool {
	return code == CodeServiceUnknown || slices.Contains(answerCodes, code)
}
