package nik

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"
)

// fixtures mirrors tests/fixtures/nik.json, shared with the TypeScript tests.
type fixtures struct {
	Valid []struct {
		NIK  string `json:"nik"`
		Note string `json:"note"`
	} `json:"valid"`
	Invalid []struct {
		NIK  string `json:"nik"`
		Code string `json:"code"`
		Note string `json:"note"`
	} `json:"invalid"`
	// A warn-only NIK disagrees with the stated date of birth or sex (the
	// client warns); the server only has to accept it.
	WarnOnly []struct {
		NIK  string `json:"nik"`
		Note string `json:"note"`
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
		})
	}

	for _, v := range f.WarnOnly {
		t.Run("warnOnly "+v.Note, func(t *testing.T) {
			if err := Validate(v.NIK); err != nil {
				t.Fatalf("a warn-only NIK must stay valid, got %v", err)
			}
		})
	}
}

func TestNewErrorUnknownCode(t *testing.T) {
	if err := NewError("nik_unknown"); err.Code() != "nik_unknown" || err.Message() == "" {
		t.Errorf("unexpected error %v", err)
	}
}
