package nik_test

import (
	"errors"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"

	"dukcapil-daring/server/internal/nik"
)

// FuzzNIK: whatever the value, the NIK rules do not panic, refuse with one
// of their codes, and a NIK they accept has a birth date and a sex that
// Compare can use (at most its two warnings). A longer run:
//
//	cd pocketbase && go test ./internal/nik -run '^$' -fuzz '^FuzzNIK$' -fuzztime 10m
func FuzzNIK(f *testing.F) {
	for _, seed := range []string{"6471051205900001", "6471034708850004", "", "0000000000000000", "64710512059000010", "64710x1205900001", "６４７１０５１２０５９００００１", "6471057205900001", "6471051213900001"} {
		f.Add(seed, "1990-05-12", "L")
	}
	codes := map[string]bool{nik.CodeLength: true, nik.CodeDigits: true, nik.CodeProvince: true, nik.CodeDay: true, nik.CodeMonth: true, nik.CodeSerial: true}

	f.Fuzz(func(t *testing.T, value, birth, sex string) {
		err := nik.Validate(value)
		if err != nil {
			var v validation.Error
			if !errors.As(err, &v) || !codes[v.Code()] {
				t.Fatalf("Validate(%q) = %v, not one of the NIK codes", value, err)
			}
			if nik.Compare(value, nik.Stated{BirthDate: birth, Sex: sex}) != nil {
				t.Fatalf("Compare of an invalid NIK %q gave warnings", value)
			}
			return
		}
		if _, err := nik.BirthOf(value); err != nil {
			t.Fatalf("valid NIK %q without a birth date: %v", value, err)
		}
		if _, err := nik.SexOf(value); err != nil {
			t.Fatalf("valid NIK %q without a sex: %v", value, err)
		}
		if w := nik.Compare(value, nik.Stated{BirthDate: birth, Sex: sex}); len(w) > 2 || w == nil {
			t.Fatalf("Compare(%q) = %v", value, w)
		}
	})
}
