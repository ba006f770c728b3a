package nik

import "time"

// Warning codes: the NIK disagrees with what the person stated. Such NIKs
// exist and are never corrected, so a form warns and never rejects.
const (
	WarnBirthDateMismatch = "nik_birthdate_mismatch"
	WarnSexMismatch       = "nik_sex_mismatch"
)

// Stated is what a person declares about themselves on a form.
type Stated struct {
	// BirthDate is an ISO date (YYYY-MM-DD); empty when not stated.
	BirthDate string `json:"birthDate"`
	// Sex is SexMale or SexFemale; empty when not stated.
	Sex string `json:"sex"`
}

// Compare returns the warnings (never errors) for a valid NIK whose encoded
// date of birth or sex differs from the stated ones. It returns an empty,
// non-nil slice when everything agrees, and nil for an invalid NIK (Validate
// reports that). An unparsable stated date is not compared.
func Compare(value string, stated Stated) []string {
	birth, err := BirthOf(value)
	if err != nil {
		return nil
	}
	sex, _ := SexOf(value)

	warnings := []string{}
	if stated.BirthDate != "" {
		if date, err := time.Parse(time.DateOnly, stated.BirthDate); err == nil {
			if date.Day() != birth.Day || int(date.Month()) != birth.Month || date.Year()%100 != birth.YY {
				warnings = append(warnings, WarnBirthDateMismatch)
			}
		}
	}
	if stated.Sex != "" && stated.Sex != sex {
		warnings = append(warnings, WarnSexMismatch)
	}
	return warnings
}
