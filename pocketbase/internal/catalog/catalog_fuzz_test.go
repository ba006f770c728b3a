package catalog_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dukcapil-daring/server/internal/catalog"
)

// FuzzValidate: whatever the answers, the validator neither panics nor
// answers more than MaxErrors errors, each with a code of the closed list. Seeds: the shared valid answers and hostile shapes.
// A short run is part of npm test (scripts/fuzz.js); a longer one:
//
//	cd pocketbase && go test ./internal/catalog -run '^$' -fuzz '^FuzzValidate$' -fuzztime 10m
func FuzzValidate(f *testing.F) {
	var online []string
	for _, s := range catalog.Services() {
		if s.Mode == catalog.ModeOnline {
			online = append(online, s.Code)
		}
	}
	if raw, err := os.ReadFile(filepath.Join("..", "..", "..", "tests", "fixtures", "answers.json")); err == nil {
		var vectors struct {
			Services []struct {
				Valid map[string]json.RawMessage `json:"valid"`
			} `json:"services"`
		}
		if json.Unmarshal(raw, &vectors) == nil {
			for i, s := range vectors.Services {
				for _, answers := range s.Valid {
					f.Add(uint8(i), []byte(answers))
				}
			}
		}
	}
	for i := range online {
		f.Add(uint8(i), []byte(`{"members":[`+strings.Repeat(`{},`, 200)+`{}]}`))
		f.Add(uint8(i), []byte(`{"witnesses":[{"nik":[[[[[]]]]],"name":{"a":1}}],"child":{"birth":{"date":"9999-99-99"}}}`))
		f.Add(uint8(i), []byte(`{"a":null,"b":1e308,"c":"\u0000","movers":{"0":{}}}`))
	}

	f.Fuzz(func(t *testing.T, service uint8, raw []byte) {
		var answers map[string]any
		if json.Unmarshal(raw, &answers) != nil {
			return
		}
		code := online[int(service)%len(online)]
		errs := catalog.ValidateBounded(code, answers)
		if len(errs) > catalog.MaxErrors {
			t.Fatalf("%d errors for %d bytes of answers", len(errs), len(raw))
		}
		for path, c := range errs {
			if !catalog.IsAnswerCode(c) {
				t.Fatalf("%s: code %q is not in the closed list", path, c)
			}
		}
	})
}
