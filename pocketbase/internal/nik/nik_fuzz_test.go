package nik_test

import (
	"errors"
	"strings"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"

	"dukcapil-daring/server/internal/nik"
)

// FuzzNIK: whatever the value, the NIK rules do not panic, refuse with one
// of their codes, and what they accept has the shape of a NIK (16 digits,
// a serial other than 0000). A longer run:
//
//	cd pocketbase && go test ./internal/nik -run '^$' -fuzz '^FuzzNIK$' -fuzztime 10m
func FuzzNIK(f *testing.F) {
	for _, seed := range []string{"6471051205900001", "6471034708850004", "", "0000000000000000", "64710512059000010", "64710x1205900001", "６４７１０５１２０５９００００１", "6471057205900001", "6471051213900001"} {
		f.Add(seed)
	}
	codes := map[string]bool{nik.CodeLength: true, nik.CodeDigits: true, nik.CodeProvince: true, nik.CodeDay: true, nik.CodeMonth: true, nik.CodeSerial: true}

	f.Fuzz(func(t *testing.T, value string) {
		err := nik.Validate(value)
		if err != nil {
			var v validation.Error
			if !errors.As(err, &v) || !codes[v.Code()] {
				t.Fatalf("Validate(%q) = %v, not one of the NIK codes", value, err)
			}
			return
		}
		if len(value) != 16 || strings.Trim(value, "0123456789") != "" || strings.HasSuffix(value, "0000") {
			t.Fatalf("Validate accepted %q", value)
		}
	})
}
