package nik

import "errors"

// Sex values as stored in forms and in the shared fixtures.
const (
	SexMale   = "M"
	SexFemale = "F"
)

// Birth is the date of birth a NIK encodes: the day and month, and the year
// only as its last two digits (the century is not part of a NIK).
type Birth struct {
	Day   int `json:"day"`
	Month int `json:"month"`
	YY    int `json:"yy"`
}

// ErrInvalid is returned by the derive functions for a NIK that fails Validate.
var ErrInvalid = errors.New("invalid NIK")

// SexOf returns SexFemale when the NIK's day of birth has 40 added to it, and
// SexMale otherwise.
func SexOf(value string) (string, error) {
	if check(value) != "" {
		return "", ErrInvalid
	}
	if number(value, 6, 8) > femaleDayOffset {
		return SexFemale, nil
	}
	return SexMale, nil
}

// BirthOf returns the date of birth encoded in digits 7-12 (DDMMYY), with the
// 40 added for women removed from the day.
func BirthOf(value string) (Birth, error) {
	if check(value) != "" {
		return Birth{}, ErrInvalid
	}
	day := number(value, 6, 8)
	if day > femaleDayOffset {
		day -= femaleDayOffset
	}
	return Birth{Day: day, Month: number(value, 8, 10), YY: number(value, 10, 12)}, nil
}
