package catalog

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// This file is src/lib/catalog/conditions.ts: the kinds of conditions of
// the catalog, evaluated against the answers, today in Balikpapan and the
// office's settings (catalog_settings.go). The shared vectors prove that
// both sides agree.

// evaluation is what a condition reads besides the answers.
type evaluation struct {
	today    string
	settings map[string]any
}

// holds is conditions.ts conditionHolds.
func (e evaluation) holds(c *Condition, answers any) bool {
	if c == nil {
		return true
	}
	switch {
	case c.Field != "":
		return includes(c.In, answerAt(answers, c.Field))
	case c.Setting != "":
		return includes(c.In, e.settings[c.Setting])
	case c.Birth != "":
		birth, okBirth := dateAt(answers, c.Birth)
		on, okOn := dateAt(answers, c.On)
		return okBirth && okOn && float64(ageOn(birth, on)) < *c.AgeUnder
	case c.DaysSince != "":
		from, okFrom := dateAt(answers, c.DaysSince)
		today, okToday := parseDate(e.today)
		days, okDays := c.AtLeastDays.(float64)
		if name, isName := c.AtLeastDays.(string); isName {
			days, okDays = e.settings[name].(float64)
		}
		return okFrom && okToday && okDays && float64(dayNumber(today)-dayNumber(from)) >= days
	case c.Any != nil:
		for i := range c.Any {
			if e.holds(&c.Any[i], answers) {
				return true
			}
		}
		return false
	case c.All != nil:
		for i := range c.All {
			if !e.holds(&c.All[i], answers) {
				return false
			}
		}
		return true
	}
	return false
}

// includes is Array.prototype.includes over the values a condition lists.
func includes(values []any, value any) bool {
	for _, want := range values {
		if sameValue(want, value) {
			return true
		}
	}
	return false
}

// dateAt reads the answer at a path as a valid YYYY-MM-DD date, trimmed.
func dateAt(answers any, path string) ([3]int, bool) {
	s, ok := answerAt(answers, path).(string)
	if !ok {
		return [3]int{}, false
	}
	return parseDate(jsTrim(s))
}

func parseDate(s string) ([3]int, bool) {
	if !isValidISODate(s) {
		return [3]int{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return [3]int{}, false
	}
	return [3]int{t.Year(), int(t.Month()), t.Day()}, true
}

// ageOn is conditions.ts ageOn: whole years, the birthday counting.
func ageOn(birth, on [3]int) int {
	age := on[0] - birth[0]
	if on[1] < birth[1] || (on[1] == birth[1] && on[2] < birth[2]) {
		age--
	}
	return age
}

func dayNumber(d [3]int) int {
	return int(time.Date(d[0], time.Month(d[1]), d[2], 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// conditionFields is conditions.ts conditionFields: the top-level field
// names that a condition reads.
func conditionFields(c *Condition) []string {
	top := func(path string) string { name, _, _ := strings.Cut(path, "."); return name }
	switch {
	case c.Field != "":
		return []string{top(c.Field)}
	case c.Birth != "":
		return []string{top(c.Birth), top(c.On)}
	case c.DaysSince != "":
		return []string{top(c.DaysSince)}
	}
	var names []string
	for i := range c.Any {
		names = append(names, conditionFields(&c.Any[i])...)
	}
	for i := range c.All {
		names = append(names, conditionFields(&c.All[i])...)
	}
	return names
}

// conditionApplies is validate.ts conditionApplies: the condition holds and
// the fields it reads are themselves shown, and so on up the chain, so that
// the stale answer of a hidden field asks for nothing; each part of Any and
// All is judged so.
func (s *Service) conditionApplies(e evaluation, c *Condition, answers map[string]any, seen map[string]bool) bool {
	if c == nil {
		return true
	}
	if c.Any != nil {
		for i := range c.Any {
			if s.conditionApplies(e, &c.Any[i], answers, seen) {
				return true
			}
		}
		return false
	}
	if c.All != nil {
		for i := range c.All {
			if !s.conditionApplies(e, &c.All[i], answers, seen) {
				return false
			}
		}
		return true
	}
	if !e.holds(c, answers) {
		return false
	}
	for _, name := range conditionFields(c) {
		if seen[name] {
			continue
		}
		field := s.topField(name)
		if field == nil || field.When == nil {
			continue
		}
		next := make(map[string]bool, len(seen)+1)
		for key := range seen {
			next[key] = true
		}
		next[name] = true
		if !s.conditionApplies(e, field.When, answers, next) {
			return false
		}
	}
	return true
}

// checkCondition verifies that a condition is of exactly one known kind,
// that its settings exist and that its values can match.
func checkCondition(where string, c *Condition) error {
	kinds := 0
	for _, set := range []bool{c.Field != "", c.Birth != "", c.DaysSince != "", c.Setting != "", c.Any != nil, c.All != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return fmt.Errorf("%s: a condition of %d kinds", where, kinds)
	}
	switch {
	case c.Field != "", c.Setting != "":
		if len(c.In) == 0 {
			return fmt.Errorf("%s: a condition without values", where)
		}
		if c.Setting != "" {
			if _, ok := settingByName(c.Setting); !ok {
				return fmt.Errorf("%s: unknown setting %q", where, c.Setting)
			}
		}
	case c.Birth != "":
		if c.On == "" || c.AgeUnder == nil || *c.AgeUnder != math.Trunc(*c.AgeUnder) {
			return fmt.Errorf("%s: an age condition needs on and a whole ageUnder", where)
		}
	case c.DaysSince != "":
		switch v := c.AtLeastDays.(type) {
		case float64:
		case string:
			if d, ok := settingByName(v); !ok || d.Type != "number" {
				return fmt.Errorf("%s: atLeastDays names no number setting: %q", where, v)
			}
		default:
			return fmt.Errorf("%s: atLeastDays is neither a number nor a setting", where)
		}
	}
	for i := range c.Any {
		if err := checkCondition(where, &c.Any[i]); err != nil {
			return err
		}
	}
	for i := range c.All {
		if err := checkCondition(where, &c.All[i]); err != nil {
			return err
		}
	}
	return nil
}
