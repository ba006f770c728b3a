package catalog

import (
	"fmt"
	"strings"
	"time"
)

// SummaryRow is one answer of an application as staff read it: the
// question's Indonesian label and the answer written out (district names,
// "Laki-laki", "2 Desember 2026"), under the title of its step.
type SummaryRow struct {
	Step  string
	Name  string
	Label string
	Value string
}

// monthsID are the Indonesian month names.
var monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// FormatDateID writes a YYYY-MM-DD date as Indonesians write it
// ("2 Desember 2026"); anything else is returned as it is.
func FormatDateID(value string) string {
	if !isValidISODate(value) {
		return value
	}
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return value
	}
	return fmt.Sprintf("%d %s %d", d.Day(), monthsID[d.Month()-1], d.Year())
}

// Summary lists every shown question of the online service with its answer
// in Indonesian, step by step, like summaryRows of src/lib/journey/summary.ts
// (an unanswered question has an empty Value). An unknown service gives
// none.
func Summary(service string, answers map[string]any) []SummaryRow {
	s, ok := Online(service)
	if !ok {
		return nil
	}
	e := Validator{}.evaluation()
	var rows []SummaryRow
	for _, step := range s.Steps {
		for i := range step.Fields {
			f := &step.Fields[i]
			if !e.holds(f.When, answers) {
				continue
			}
			rows = append(rows, SummaryRow{Step: step.Title.ID, Name: f.Name, Label: f.Label.ID, Value: e.displayValue(f, answers[f.Name])})
		}
	}
	return rows
}

// DisplayValue writes an answer of the field in Indonesian words; an empty
// answer gives "".
func DisplayValue(f *Field, value any) string {
	return Validator{}.evaluation().displayValue(f, value)
}

func (e evaluation) displayValue(f *Field, value any) string {
	if value == nil || value == "" {
		return ""
	}
	text, isText := value.(string)
	switch f.Type {
	case "choice":
		for _, o := range f.Options {
			if isText && o.Value == text {
				return o.Label.ID
			}
		}
	case "yesno":
		switch text {
		case "yes":
			return "Ya"
		case "no":
			return "Tidak"
		}
		return ""
	case "date":
		return FormatDateID(text)
	case "number":
		n := fmt.Sprint(value)
		if isText {
			n = text
		}
		if f.Unit != nil {
			return n + " " + f.Unit.ID
		}
		return n
	case "person":
		person, _ := value.(map[string]any)
		part := func(key string) string { v, _ := person[key].(string); return jsTrim(v) }
		var parts []string
		add := func(s string) {
			if s != "" {
				parts = append(parts, s)
			}
		}
		add(part("name"))
		if nik := part("nik"); nik != "" {
			add("NIK " + nik)
		}
		add(FormatDateID(part("birth_date")))
		switch part("sex") {
		case "M":
			add("Laki-laki")
		case "F":
			add("Perempuan")
		}
		return strings.Join(parts, ", ")
	case "address":
		address, _ := value.(map[string]any)
		part := func(key string) string { v, _ := address[key].(string); return jsTrim(v) }
		var parts []string
		add := func(s string) {
			if s != "" {
				parts = append(parts, s)
			}
		}
		add(part("street"))
		if rt, rw := part("rt"), part("rw"); rt != "" || rw != "" {
			add("RT " + orDash(rt) + "/RW " + orDash(rw))
		}
		add(part("kelurahan"))
		for _, k := range kecamatan {
			if k.Code == part("kecamatan") {
				add("Kecamatan " + k.Name)
			}
		}
		return strings.Join(parts, ", ")
	case "group":
		items, _ := value.([]any)
		lines := make([]string, 0, len(items))
		for n, item := range items {
			answers, _ := item.(map[string]any)
			var parts []string
			for i := range f.Fields {
				child := &f.Fields[i]
				if !e.holds(child.When, answers) {
					continue
				}
				if v := e.displayValue(child, answers[child.Name]); v != "" {
					parts = append(parts, v)
				}
			}
			label := "Isian"
			if f.ItemLabel != nil {
				label = f.ItemLabel.ID
			}
			lines = append(lines, fmt.Sprintf("%s %d: %s", label, n+1, strings.Join(parts, ", ")))
		}
		return strings.Join(lines, "\n")
	}
	if isText {
		return text
	}
	return fmt.Sprint(value)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
