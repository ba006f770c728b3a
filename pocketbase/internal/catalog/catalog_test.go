package catalog

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// vectorsPath is the shared validation vectors, made by `npm run
// catalog:export` from the TypeScript validator (scripts/catalog/vectors.ts).
var vectorsPath = filepath.Join("..", "..", "..", "tests", "fixtures", "answers.json")

type vectorCase struct {
	Name      string            `json:"name"`
	Base      string            `json:"base"`
	Change    map[string]any    `json:"change"`
	Remove    []string          `json:"remove"`
	Errors    map[string]string `json:"errors"`
	Documents []string          `json:"documents"`
	Settings  map[string]any    `json:"settings"`
}

type vectors struct {
	Today        string `json:"today"`
	SettingTexts []struct {
		Name  string `json:"name"`
		Text  string `json:"text"`
		Value any    `json:"value"`
	} `json:"settingTexts"`
	Services []struct {
		Service string                    `json:"service"`
		Valid   map[string]map[string]any `json:"valid"`
		Cases   []vectorCase              `json:"cases"`
	} `json:"services"`
}

// caseAnswers builds the answers of a case as scripts/catalog/vectors.ts vectorAnswers does:
// the valid base, shallowly changed, without the removed keys.
func caseAnswers(base map[string]any, c vectorCase) map[string]any {
	answers := maps.Clone(base)
	maps.Copy(answers, c.Change)
	for _, key := range c.Remove {
		delete(answers, key)
	}
	return answers
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	raw, err := os.ReadFile(vectorsPath)
	if err != nil {
		t.Fatalf("read the shared vectors (run npm run catalog:export): %v", err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("parse %s: %v", vectorsPath, err)
	}
	return v
}

// TestSharedVectors runs every case of tests/fixtures/answers.json and
// expects exactly the errors and documents of the TypeScript validator.
func TestSharedVectors(t *testing.T) {
	v := loadVectors(t)
	if len(v.Services) == 0 {
		t.Fatal("no services in the vectors")
	}

	online := 0
	for _, s := range Services() {
		if s.Mode == ModeOnline {
			online++
		}
	}
	if len(v.Services) != online {
		t.Errorf("the vectors cover %d services, the catalog has %d online", len(v.Services), online)
	}

	// the documents are decided on the vectors' day, at noon in Balikpapan
	day, err := time.Parse(time.RFC3339, v.Today+"T12:00:00+08:00")
	if err != nil {
		t.Fatalf("the vectors' today %q: %v", v.Today, err)
	}
	total := 0
	for _, sv := range v.Services {
		t.Run(sv.Service, func(t *testing.T) {
			for _, c := range sv.Cases {
				base, ok := sv.Valid[c.Base]
				if !ok {
					t.Fatalf("%s: unknown base %q", c.Name, c.Base)
				}
				answers := caseAnswers(base, c)

				settings := c.Settings
				if settings == nil {
					settings = SettingDefaults()
				}
				got := Validator{Settings: settings}.Validate(sv.Service, answers)
				want := c.Errors
				if want == nil {
					want = map[string]string{}
				}
				if !maps.Equal(got, want) {
					t.Errorf("%s: errors\n got  %v\n want %v", c.Name, got, want)
				}

				var docs []string
				on := Validator{Now: func() time.Time { return day }, Settings: settings}
				for _, d := range on.DocumentsAskedFor(sv.Service, answers) {
					docs = append(docs, d.Code)
				}
				if !slices.Equal(docs, c.Documents) && !(len(docs) == 0 && len(c.Documents) == 0) {
					t.Errorf("%s: documents\n got  %v\n want %v", c.Name, docs, c.Documents)
				}
				total++
			}
		})
	}
	t.Logf("%d vectors of %d services agree with the TypeScript validator", total, len(v.Services))
}

// TestSettingValuesAsStaffTypeThem reads the setting values of the vectors
// as settings.ts settingValue does.
func TestSettingValuesAsStaffTypeThem(t *testing.T) {
	v := loadVectors(t)
	if len(v.SettingTexts) == 0 {
		t.Fatal("no setting texts in the vectors")
	}
	for _, c := range v.SettingTexts {
		got, ok := SettingValue(c.Name, c.Text)
		if !ok {
			got = nil
		}
		if got != c.Value {
			t.Errorf("%s = %q: got %v, want %v", c.Name, c.Text, got, c.Value)
		}
	}
}

// TestValidAnswersHaveASubject checks SubjectOf on every valid answers of the vectors.
func TestValidAnswersHaveASubject(t *testing.T) {
	for _, sv := range loadVectors(t).Services {
		for name, answers := range sv.Valid {
			nik, subject := SubjectOf(sv.Service, answers)
			if len(nik) != 16 || subject == "" {
				t.Errorf("%s/%s: subject %q %q", sv.Service, name, nik, subject)
			}
		}
	}
}

func TestSubjectOf(t *testing.T) {
	answers := map[string]any{"movers": []any{map[string]any{"nik": " 6471031708850003 ", "name": " Budi Santoso\u00a0"}}}
	nik, name := SubjectOf("pindah-keluar", answers)
	if nik != "6471031708850003" || name != "Budi Santoso" {
		t.Errorf("got %q %q", nik, name)
	}
	if nik, name := SubjectOf("pindah-keluar", map[string]any{"movers": "x"}); nik != "" || name != "" {
		t.Errorf("a missing subject: got %q %q", nik, name)
	}
	if nik, name := SubjectOf("ktp-rekam", answers); nik != "" || name != "" {
		t.Errorf("an in-person service: got %q %q", nik, name)
	}
}

// TestSubjectOfAFoundling names a birth by the baby and the family card,
// whether the mother is known or not (a foundling has none).
func TestSubjectOfAFoundling(t *testing.T) {
	answers := map[string]any{
		"child_found": "yes", "baby_name": "Siti Nurjanah", "kk_number": "6471030101150007",
		"reporter": map[string]any{"nik": "6471062304750020"}, "mother": map[string]any{"nik": "6471055205920002"},
	}
	if nik, name := SubjectOf("akta-kelahiran", answers); nik != "6471030101150007" || name != "Siti Nurjanah" {
		t.Errorf("a foundling: got %q %q", nik, name)
	}
	answers["child_found"] = "no"
	if nik, _ := SubjectOf("akta-kelahiran", answers); nik != "6471030101150007" {
		t.Errorf("a child of known parents: got %q", nik)
	}
}

func TestUnknownService(t *testing.T) {
	for _, code := range []string{"", "paspor", "ktp-rekam", "pengaduan"} {
		got := Validate(code, map[string]any{})
		if !maps.Equal(got, map[string]string{"service": CodeServiceUnknown}) {
			t.Errorf("%q: got %v", code, got)
		}
		if docs := DocumentsAskedFor(code, map[string]any{}); docs != nil {
			t.Errorf("%q: documents %v", code, docs)
		}
	}
}

// TestDateFutureUsesTheOfficeDay checks that "today" is the date in
// Asia/Makassar (UTC+8) and that the clock is injectable.
func TestDateFutureUsesTheOfficeDay(t *testing.T) {
	birth := map[string]any{
		"reporter": map[string]any{"nik": "6471051205900001", "name": "Ahmad Fauzi"}, "reporter_relation": "father",
		"on_behalf": "no", "baby_name": "Nur Aisyah", "baby_sex": "F", "birth_date": "2026-11-29", "birth_time": "14.30",
		"birth_place_kind": "hospital", "birth_place_name": "RSUD Beriman", "birth_type": "single", "birth_order": "1",
		"weight_grams": "3200", "length_cm": "49,5", "child_found": "no",
		"mother":                     map[string]any{"nik": "6471055205920002", "name": "Siti Rahmawati", "birth_date": "1992-05-12"},
		"father":                     map[string]any{"nik": "6471051205900001", "name": "Ahmad Fauzi", "birth_date": "1990-05-12"},
		"parents_married_registered": "yes", "has_birth_letter": "yes", "witnesses": []any{}, "kk_number": "6471050101200001",
		"address": map[string]any{"kecamatan": "64.71.05", "kelurahan": "Sepinggan", "rt": "012", "rw": "003", "street": "Jl. Marsma R. Iswahyudi No. 10"},
	}
	at := func(utc string) Validator {
		now, err := time.Parse(time.RFC3339, utc)
		if err != nil {
			t.Fatal(err)
		}
		return Validator{Now: func() time.Time { return now }}
	}
	// 2026-11-28 15:59 UTC is 23:59 WITA on the 28th: the 29th is tomorrow
	if got := at("2026-11-28T15:59:00Z").Validate("akta-kelahiran", birth); got["birth_date"] != "date_future" {
		t.Errorf("at 23:59 WITA on the 28th: %v", got)
	}
	// 2026-11-28 16:00 UTC is 00:00 WITA on the 29th
	if got := at("2026-11-28T16:00:00Z").Validate("akta-kelahiran", birth); len(got) != 0 {
		t.Errorf("at 00:00 WITA on the 29th: %v", got)
	}
}

// TestAnswerCodes fails when Validate can give a code outside the closed
// list (answerCodes, from src/lib/catalog/codes.ts), or when a code of the
// list has no English text here or no message in messages/id.json and
// messages/en.json (err_f_<code>).
func TestAnswerCodes(t *testing.T) {
	if len(answerCodes) == 0 {
		t.Fatal("catalog.json has no answerCodes")
	}
	if got := slices.Sorted(maps.Keys(messages)); !slices.Equal(got, slices.Sorted(slices.Values(answerCodes))) {
		t.Errorf("the English texts cover %v, the list is %v", got, answerCodes)
	}
	for _, locale := range []string{"id", "en"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "..", "messages", locale+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var texts map[string]any
		if err := json.Unmarshal(raw, &texts); err != nil {
			t.Fatal(err)
		}
		for _, code := range answerCodes {
			if text, _ := texts["err_f_"+code].(string); strings.TrimSpace(text) == "" {
				t.Errorf("messages/%s.json has no err_f_%s", locale, code)
			}
		}
	}

	// every code the validator gives, for the shared vectors and for odd
	// answers of every JSON type at every field, is in the list
	given := map[string]bool{}
	note := func(errs map[string]string) {
		for _, code := range errs {
			given[code] = true
		}
	}
	v := loadVectors(t)
	for _, sv := range v.Services {
		for _, c := range sv.Cases {
			note(Validate(sv.Service, caseAnswers(sv.Valid[c.Base], c)))
		}
	}
	odd := []any{nil, true, 0.0, -1.5, "", " ", strings.Repeat("x", 3000), "😀", []any{}, []any{nil}, []any{map[string]any{}},
		map[string]any{}, map[string]any{"nik": 1.0}, map[string]any{"kecamatan": []any{}}}
	for _, s := range Services() {
		if s.Mode != ModeOnline {
			continue
		}
		for _, step := range s.Steps {
			for _, f := range step.Fields {
				for _, value := range odd {
					note(Validate(s.Code, map[string]any{f.Name: value}))
				}
			}
		}
	}
	note(Validate("no-such-service", nil))
	for code := range given {
		if !slices.Contains(answerCodes, code) {
			t.Errorf("Validate gives %q, which is not in the closed list", code)
		}
		if strings.HasPrefix(code, "Invalid ") {
			t.Errorf("a valibot default message: %q", code)
		}
	}
	if !given[CodeType] || !given[CodeRequired] || !given[CodeServiceUnknown] {
		t.Errorf("the odd answers should give type, required and service_unknown: %v", given)
	}
}

func TestCatalog(t *testing.T) {
	if _, ok := Online("kk-baru"); !ok {
		t.Error("kk-baru is online")
	}
	if s, ok := Lookup("ktp-rekam"); !ok || s.Mode != ModeInPerson {
		t.Error("ktp-rekam is in person")
	}
	if _, ok := Online("ktp-rekam"); ok {
		t.Error("ktp-rekam is not online")
	}
	if got := KelurahanOf("64.71.01"); !slices.Contains(got, "Manggar") {
		t.Errorf("kelurahan of 64.71.01: %v", got)
	}
	if got := KelurahanOf("64.72.01"); got != nil {
		t.Errorf("kelurahan of an unknown kecamatan: %v", got)
	}
	if len(kecamatan) != 6 {
		t.Errorf("Balikpapan has 6 kecamatan, got %d", len(kecamatan))
	}
}
