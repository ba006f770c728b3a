package catalogsettings_test

import (
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/catalogsettings"
	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// restoreDefaults puts the defaults back in force after a test: the
// settings in force are the catalog package's, shared by every app.
func restoreDefaults(t *testing.T) {
	t.Cleanup(func() { catalog.ApplySettings(nil) })
}

// deathAtHome is a death report whose documents depend on home_death_letter.
var deathAtHome = map[string]any{"death_place_kind": "home", "deceased_has_ktp": "yes", "heir_on_deceased_kk": "yes", "reporter_relation": "child", "on_behalf": "no", "death_date": "2026-11-20"}

func codes(answers map[string]any) []string {
	var out []string
	for _, d := range catalog.DocumentsAskedFor("akta-kematian", answers) {
		out = append(out, d.Code)
	}
	return out
}

func TestStaffSettingIsInForceAtOnceAndGoneWithItsRow(t *testing.T) {
	restoreDefaults(t)
	app := servertest.New(t)
	defer app.Cleanup()

	if got := codes(deathAtHome); !slices.Contains(got, "visum-puskesmas") || slices.Contains(got, "surat-kematian-rumah") {
		t.Fatalf("by default the visum is asked: %v", got)
	}
	collection, err := app.FindCollectionByNameOrId(collections.CatalogSettings)
	if err != nil {
		t.Fatal(err)
	}
	record := core.NewRecord(collection)
	record.Set("name", "home_death_letter")
	record.Set("value", "visum_or_kelurahan")
	record.Set("note", "Dikonfirmasi Kabid Capil, 1 Desember 2026")
	if err := app.Save(record); err != nil {
		t.Fatal(err)
	}
	if got := codes(deathAtHome); !slices.Contains(got, "surat-kematian-rumah") || slices.Contains(got, "visum-puskesmas") {
		t.Errorf("after the office's setting, the visum or the kelurahan's letter is asked: %v", got)
	}
	if got := catalog.ActiveSettings()["home_death_letter"]; got != "visum_or_kelurahan" {
		t.Errorf("in force: %v", got)
	}

	days := core.NewRecord(collection)
	days.Set("name", "death_long_ago_days")
	days.Set("value", "730")
	if err := app.Save(days); err != nil {
		t.Fatal(err)
	}
	if got := catalog.ActiveSettings()["death_long_ago_days"]; got != float64(730) {
		t.Errorf("a number setting in force: %v", got)
	}

	if err := app.Delete(record); err != nil {
		t.Fatal(err)
	}
	if got := codes(deathAtHome); !slices.Contains(got, "visum-puskesmas") {
		t.Errorf("without its row the setting is back to its default: %v", got)
	}
}

func TestLoadAppliesTheRowsAtStart(t *testing.T) {
	restoreDefaults(t)
	app := servertest.New(t)
	defer app.Cleanup()

	collection, _ := app.FindCollectionByNameOrId(collections.CatalogSettings)
	record := core.NewRecord(collection)
	record.Set("name", "birth_witnesses")
	record.Set("value", "always")
	if err := app.Save(record); err != nil {
		t.Fatal(err)
	}
	catalog.ApplySettings(nil) // as a fresh start
	settings, err := catalogsettings.Load(app)
	if err != nil {
		t.Fatal(err)
	}
	if settings["birth_witnesses"] != "always" {
		t.Fatalf("loaded: %v", settings)
	}
	// the server then asks for the witnesses of a birth with a birth letter too
	errs := catalog.Validate("akta-kelahiran", map[string]any{"has_birth_letter": "yes", "witnesses": []any{}})
	if errs["witnesses"] != "group_min" {
		t.Errorf("witnesses for every birth: %v", errs["witnesses"])
	}
}

// TestTheVisitPlaceIsARowWithItsDefault checks the row of the office's
// address on visit tickets: there from the start with the app's default,
// corrected by staff in place, refused when it is not one line of at most
// 200 characters.
func TestTheVisitPlaceIsARowWithItsDefault(t *testing.T) {
	restoreDefaults(t)
	app := servertest.New(t)
	defer app.Cleanup()

	const want = "Jl. MT Haryono, Damai Baru, Balikpapan Selatan, Kota Balikpapan"
	if got := catalog.SettingDefaults()["visit_place_address"]; got != want {
		t.Fatalf("the catalog's default is %v", got)
	}
	row, err := app.FindFirstRecordByData(collections.CatalogSettings, "name", "visit_place_address")
	if err != nil {
		t.Fatal(err)
	}
	if row.GetString("value") != want || row.GetString("note") == "" {
		t.Fatalf("the default row: %q (note %q)", row.GetString("value"), row.GetString("note"))
	}
	settings, err := catalogsettings.Load(app)
	if err != nil || settings["visit_place_address"] != want {
		t.Fatalf("in force: %v %v", settings["visit_place_address"], err)
	}

	for _, bad := range []string{"Jl. A\nNo. 1", " Jl. A", strings.Repeat("a", 201)} {
		row.Set("value", bad)
		if err := app.Save(row); err == nil || !strings.Contains(err.Error(), "value") {
			t.Errorf("%q saved: %v", bad, err)
		}
	}
	confirmed := "Jl. Jend. Sudirman No. 1, Klandasan Ilir, Balikpapan Selatan"
	row.Set("value", confirmed)
	row.Set("note", "Dikonfirmasi Sekretariat, 1 Desember 2026")
	if err := app.Save(row); err != nil {
		t.Fatal(err)
	}
	if got := catalog.ActiveSettings()["visit_place_address"]; got != confirmed {
		t.Errorf("after the office's correction: %v", got)
	}
	if err := app.Delete(row); err != nil {
		t.Fatal(err)
	}
	if got := catalog.ActiveSettings()["visit_place_address"]; got != want {
		t.Errorf("without its row: %v", got)
	}
}

// TestEverySettingCanBeEntered checks that the dashboard offers every
// setting of the catalog, and no other.
func TestEverySettingCanBeEntered(t *testing.T) {
	app := servertest.New(t)
	defer app.Cleanup()
	collection, err := app.FindCollectionByNameOrId(collections.CatalogSettings)
	if err != nil {
		t.Fatal(err)
	}
	field, ok := collection.Fields.GetByName("name").(*core.SelectField)
	if !ok {
		t.Fatal("name is not a select field")
	}
	var names []string
	for _, s := range catalog.Settings() {
		names = append(names, s.Name)
	}
	if !slices.Equal(field.Values, names) {
		t.Errorf("the dashboard offers %v, the catalog has %v: add a migration", field.Values, names)
	}
}

func TestSettingRules(t *testing.T) {
	restoreDefaults(t)
	body := func(name, value string) *strings.Reader {
		return strings.NewReader(`{"name":"` + name + `","value":"` + value + `"}`)
	}
	scenarios := []tests.ApiScenario{
		{
			Name:            "staff cannot save a value that does not fit the setting",
			Method:          http.MethodPost,
			URL:             "/api/collections/catalog_settings/records",
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            body("home_death_letter", "surat_rt"),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"value":{"code":"catalog_setting_value"`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "staff cannot save days that are not a whole number in bounds",
			Method:          http.MethodPost,
			URL:             "/api/collections/catalog_settings/records",
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            body("skpwni_valid_days", "0"),
			ExpectedStatus:  400,
			ExpectedContent: []string{`catalog_setting_value`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "staff cannot name a setting the catalog does not have",
			Method:          http.MethodPost,
			URL:             "/api/collections/catalog_settings/records",
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            body("fee", "10000"),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"name":{"code":"validation_invalid_value"`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "staff save a setting that fits",
			Method:          http.MethodPost,
			URL:             "/api/collections/catalog_settings/records",
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            body("skpwni_valid_days", "140"),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"value":"140"`},
			ExpectedEvents:  map[string]int{"OnRecordValidate": 1, "OnRecordAfterCreateSuccess": 1},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "a resident cannot change a setting",
			Method:          http.MethodPost,
			URL:             "/api/collections/catalog_settings/records",
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			Body:            body("birth_witnesses", "always"),
			ExpectedStatus:  403,
			ExpectedContent: []string{`"data":{}`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "anyone reads the settings: the app applies them offline too",
			Method:          http.MethodGet,
			URL:             "/api/collections/catalog_settings/records",
			ExpectedStatus:  200,
			ExpectedContent: []string{`"totalItems":1`, `"name":"visit_place_address"`},
			TestAppFactory:  servertest.Factory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}
