package nik

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"
)

// fixtures mirrors tests/fixtures/nik.json, shared with the TypeScript tests.
type fixtures struct {
	Valid []struct {
		NIK   string `json:"nik"`
		Sex   string `json:"sex"`
		Birth Birth  `json:"birth"`
		Note  string `json:"note"`
	} `json:"valid"`
	Invalid []struct {
		NIK  string `json:"nik"`
		Code string `json:"code"`
		Note string `json:"note"`
	} `json:"invalid"`
	WarnOnly []struct {
		NIK      string   `json:"nik"`
		Stated   Stated   `json:"stated"`
		Warnings []string `json:"warnings"`
		Note     string   `json:"note"`
	} `json:"warnOnly"`
}

func loadFixtures(t *testing.T) fixtures {
	t.Helper()

	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "tests", "fixtures", "nik.json"))
	if err != nil {
		t.Fatalf("read the shared NIK vectors: %v", err)
	}
	var f fixtures
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatalf("parse the shared NIK vectors: %v", err)
	}
	if len(f.Valid) == 0 || len(f.Invalid) == 0 || len(f.WarnOnly) == 0 {
		t.Fatal("the shared NIK vectors have an empty section")
	}
	return f
}

func TestValidateSharedVectors(t *testing.T) {
	f := loadFixtures(t)

	for _, v := range f.Valid {
		t.Run("valid "+v.NIK, func(t *testing.T) {
			if err := Validate(v.NIK); err != nil {
				t.Fatalf("%s: expected valid, got %v", v.Note, err)
			}
			sex, err := SexOf(v.NIK)
			if err != nil || sex != v.Sex {
				t.Errorf("%s: expected sex %q, got %q (%v)", v.Note, v.Sex, sex, err)
			}
			birth, err := BirthOf(v.NIK)
			if err != nil || birth != v.Birth {
				t.Errorf("%s: expected birth %+v, got %+v (%v)", v.Note, v.Birth, birth, err)
			}
		})
	}

	for _, v := range f.Invalid {
		t.Run("invalid "+v.Note, func(t *testing.T) {
			err := Validate(v.NIK)
			var verr validation.Error
			if !errors.As(err, &verr) {
				t.Fatalf("%q: expected a validation.Error, got %v", v.NIK, err)
			}
			if verr.Code() != v.Code {
				t.Errorf("%q: expected code %s, got %s", v.NIK, v.Code, verr.Code())
			}
			if verr.Message() == "" {
				t.Errorf("%q: expected a message", v.NIK)
			}
			if _, err := SexOf(v.NIK); !errors.Is(err, ErrInvalid) {
				t.Errorf("%q: SexOf should refuse an invalid NIK, got %v", v.NIK, err)
			}
			if _, err := BirthOf(v.NIK); !errors.Is(err, ErrInvalid) {
				t.Errorf("%q: BirthOf should refuse an invalid NIK, got %v", v.NIK, err)
			}
		})
	}

	for _, v := range f.WarnOnly {
		t.Run("warnOnly "+v.Note, func(t *testing.T) {
			if err := Validate(v.NIK); err != nil {
				t.Fatalf("a warn-only NIK must stay valid, got %v", err)
			}
			got := Compare(v.NIK, v.Stated)
			if !slices.Equal(got, v.Warnings) {
				t.Errorf("expected warnings %v, got %v", v.Warnings, got)
			}
		})
	}
}

func TestCompareEdgeCases(t *testing.T) {
	if got := Compare("6471051205900000", Stated{BirthDate: "1990-05-12"}); got != nil {
		t.Errorf("an invalid NIK should give nil warnings, got %v", got)
	}
	if got := Compare("6471051205900001", Stated{}); len(got) != 0 {
		t.Errorf("nothing stated should give no warnings, got %v", got)
	}
	if got := Compare("6471051205900001", Stated{BirthDate: "12/05/1990"}); len(got) != 0 {
		t.Errorf("an unparsable date is not compared, got %v", got)
	}
}

func TestNewErrorUnknownCode(t *testing.T) {
	if err := NewError("nik_unknown"); err.Code() != "nik_unknown" || err.Message() == "" {
		t.Errorf("unexpected error %v", err)
	}
}
