package nik

import "strings"

// Mask returns a NIK with its date of birth hidden, for logs and audit
// rows: the region (digits 1-6) and the serial (digits 13-16) stay, the
// six digits of the date of birth (and sex) become "*"
// ("6471051205900001" → "647105******0001"). A value that is not 16
// characters long is hidden whole, keeping only its length.
func Mask(value string) string {
	if len(value) != Length {
		return strings.Repeat("*", len(value))
	}
	return value[:6] + strings.Repeat("*", 6) + value[12:]
}
