// Package nik validates the Indonesian population number (Nomor Induk
// Kependudukan) and derives the facts it encodes, following the rules in
// shared/DOMAIN.md. The error codes are shared with the TypeScript client
// through tests/fixtures/nik.json.
package nik

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
)

// Error codes of a NIK that must be rejected, in the order they are checked.
const (
	CodeLength   = "nik_length"
	CodeDigits   = "nik_digits"
	CodeProvince = "nik_province"
	CodeDay      = "nik_day"
	CodeMonth    = "nik_month"
	CodeSerial   = "nik_serial"
)

// Length is the number of digits of a NIK (and of a KK number).
const Length = 16

// femaleDayOffset is added to the day of birth of women.
const femaleDayOffset = 40

var messages = map[string]string{
	CodeLength:   "A NIK has exactly 16 digits.",
	CodeDigits:   "A NIK contains digits only.",
	CodeProvince: "The first two digits of the NIK are not a province code.",
	CodeDay:      "Digits 7-8 of the NIK are not a valid day of birth (01-31, or 41-71 for women).",
	CodeMonth:    "Digits 9-10 of the NIK are not a valid month of birth (01-12).",
	CodeSerial:   "The last four digits of the NIK cannot be 0000.",
}

// provinces lists the province codes of the Kemendagri scheme. Old regency
// codes (digits 3-4) are never checked: such NIKs stay valid.
var provinces = map[int]bool{}

func init() {
	for _, span := range [][2]int{
		{11, 19}, {21, 21}, {31, 36}, {51, 53}, {61, 65}, {71, 76}, {81, 82}, {91, 96},
	} {
		for code := span[0]; code <= span[1]; code++ {
			provinces[code] = true
		}
	}
}

// Validate checks value as a NIK and returns nil when it is valid, or a
// validation.Error whose Code() is the first failing rule (nik_length,
// nik_digits, nik_province, nik_day, nik_month, nik_serial).
func Validate(value string) error {
	if code := check(value); code != "" {
		return NewError(code)
	}
	return nil
}

// NewError returns the validation.Error for a NIK error code, with an
// English message (clients translate by code).
func NewError(code string) validation.Error {
	msg, ok := messages[code]
	if !ok {
		msg = "Invalid NIK."
	}
	return validation.NewError(code, msg)
}

// check returns the code of the first failing rule, or "" when value is valid.
func check(value string) string {
	if len([]rune(value)) != Length {
		return CodeLength
	}
	for i := 0; i < len(value); i++ {
		if value[i] < '0' || value[i] > '9' {
			return CodeDigits
		}
	}
	if !provinces[number(value, 0, 2)] {
		return CodeProvince
	}
	day := number(value, 6, 8)
	if !(day >= 1 && day <= 31) && !(day >= 1+femaleDayOffset && day <= 31+femaleDayOffset) {
		return CodeDay
	}
	month := number(value, 8, 10)
	if month < 1 || month > 12 {
		return CodeMonth
	}
	if number(value, 12, 16) == 0 {
		return CodeSerial
	}
	return ""
}

// number parses the decimal digits value[from:to]; value must be all digits.
func number(value string, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		n = n*10 + int(value[i]-'0')
	}
	return n
}
