package migrations_test

import (
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// as returns the headers of a request made by the fixture account id,
// merged with the extra headers.
func as(t testing.TB, id string, extra ...map[string]string) map[string]string {
	headers := maps.Clone(testapp.AuthHeader(t, id))
	for _, e := range extra {
		maps.Copy(headers, e)
	}
	return headers
}

func TestCollectionsExist(t *testing.T) {
	app := testapp.New(t)

	want := map[string][]string{
		"users":              {"name", "nik", "phone", "locale", "email", "password"},
		"applications":       {"id", "owner", "service", "status", "data", "subject_nik", "subject_name", "reference", "submitted", "process_date", "queue_no", "revision", "staff_note", "internal_note", "results", "created", "updated"},
		"documents":          {"application", "owner", "kind", "file", "sha256", "size"},
		"application_events": {"application", "from", "to", "actor", "actor_kind", "note", "created"},
		"notifications":      {"owner", "application", "kind", "title", "body", "read", "delivery", "attempts", "delivered_at", "created", "updated"},
		"push_subscriptions": {"owner", "endpoint", "p256dh", "auth", "user_agent", "failures"},
		"office_days":        {"date", "kind", "name"},
	}
	for name, fields := range want {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Errorf("missing collection %s: %v", name, err)
			continue
		}
		for _, f := range fields {
			if c.Fields.GetByName(f) == nil {
				t.Errorf("missing field %s.%s", name, f)
			}
		}
	}

	apps, _ := app.FindCollectionByNameOrId("applications")
	if f, _ := apps.Fields.GetByName("internal_note").(*core.TextField); f == nil || !f.Hidden {
		t.Error("applications.internal_note must be hidden")
	}
	if f, _ := apps.Fields.GetByName("results").(*core.FileField); f == nil || !f.Protected || !slices.Equal(f.MimeTypes, []string{"application/pdf"}) {
		t.Error("applications.results must be protected PDFs")
	}
	if apps.DeleteRule != nil {
		t.Error("applications may only be deleted by superusers")
	}

	users, _ := app.FindCollectionByNameOrId("users")
	if f, _ := users.Fields.GetByName("email").(*core.EmailField); f == nil || !f.Required {
		t.Error("users.email must be required")
	}
	if f, _ := users.Fields.GetByName("password").(*core.PasswordField); f == nil || f.Min != 8 {
		t.Error("users.password must have a minimum length of 8")
	}
}

func TestOfficeDays2026Seeded(t *testing.T) {
	app := testapp.New(t)

	holidays, err := app.CountRecords("office_days", dbx.HashExp{"kind": "holiday"})
	if err != nil {
		t.Fatal(err)
	}
	cuti, err := app.CountRecords("office_days", dbx.HashExp{"kind": "cuti_bersama"})
	if err != nil {
		t.Fatal(err)
	}
	if holidays != 17 || cuti != 8 {
		t.Errorf("expected 17 holidays and 8 cuti bersama, got %d and %d", holidays, cuti)
	}

	independence, err := app.FindFirstRecordByData("office_days", "date", "2026-08-17")
	if err != nil || independence.GetString("name") == "" {
		t.Errorf("expected a named 2026-08-17, got %v", err)
	}
}

func TestSettings(t *testing.T) {
	app := testapp.New(t)

	s := app.Settings()
	if s.Meta.AppName != "Dukcapil Daring — Kota Balikpapan" {
		t.Errorf("unexpected app name %q", s.Meta.AppName)
	}
	if !s.RateLimits.Enabled {
		t.Error("rate limits must be enabled")
	}
	for _, label := range []string{"*:auth", "users:create", "*:create", "/api/"} {
		if !slices.ContainsFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == label }) {
			t.Errorf("missing rate limit rule %s", label)
		}
	}
}

func TestMigrationsDown(t *testing.T) {
	app := testapp.New(t)

	list := core.MigrationsList{}
	list.Copy(core.AppMigrations)
	runner := core.NewMigrationsRunner(app, list)
	if _, err := runner.Down(len(list.Items())); err != nil {
		t.Fatalf("down: %v", err)
	}
	for _, name := range []string{"applications", "documents", "office_days"} {
		if _, err := app.FindCollectionByNameOrId(name); err == nil {
			t.Errorf("collection %s should be gone after down", name)
		}
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
