package seed_test

import (
	"bytes"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/nik"
	"dukcapil-daring/server/internal/seed"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// emptyApp returns a test app with the schema but without any superuser,
// like a fresh data dir.
func emptyApp(t *testing.T) *tests.TestApp {
	t.Helper()

	app := testapp.New(t)
	// PocketBase refuses to delete the last superuser through the model API
	if _, err := app.DB().Delete(core.CollectionNameSuperusers, nil).Execute(); err != nil {
		t.Fatal(err)
	}
	nik.Register(app)
	return app
}

// serve triggers the app's serve hooks as `pocketbase serve --http addr` would.
func serve(t *testing.T, app core.App, addr string) {
	t.Helper()

	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	e := &core.ServeEvent{Router: router, Server: &http.Server{Addr: addr}}
	e.App = app
	if err := app.OnServe().Trigger(e, func(*core.ServeEvent) error { return nil }); err != nil {
		t.Fatalf("serve hooks: %v", err)
	}
}

var passwordLine = regexp.MustCompile(`(?m)^\s+(Staff \(superuser\)|Demo resident):\s+(\S+)\s+password: (\S+)$`)

func TestSeedOnFirstServeOnly(t *testing.T) {
	app := emptyApp(t)
	out := new(bytes.Buffer)
	seed.Register(app, seed.Config{Enabled: true, Output: out})

	serve(t, app, "127.0.0.1:8095")
	first := out.String()

	for _, want := range []string{"http://127.0.0.1:8095/", "http://127.0.0.1:8095/_/", seed.StaffEmail, seed.ResidentEmail, "shown ONCE"} {
		if !strings.Contains(first, want) {
			t.Errorf("expected %q in the first start output:\n%s", want, first)
		}
	}

	passwords := map[string]string{}
	for _, m := range passwordLine.FindAllStringSubmatch(first, -1) {
		passwords[m[2]] = m[3]
	}
	if len(passwords) != 2 {
		t.Fatalf("expected two printed credentials, got %v in:\n%s", passwords, first)
	}

	staff, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, seed.StaffEmail)
	if err != nil {
		t.Fatalf("staff superuser not created: %v", err)
	}
	if p := passwords[seed.StaffEmail]; len(p) < 16 || !staff.ValidatePassword(p) {
		t.Errorf("the printed staff password %q does not sign in", p)
	}

	resident, err := app.FindAuthRecordByEmail("users", seed.ResidentEmail)
	if err != nil {
		t.Fatalf("demo resident not created: %v", err)
	}
	if p := passwords[seed.ResidentEmail]; len(p) < 16 || !resident.ValidatePassword(p) {
		t.Errorf("the printed resident password %q does not sign in", p)
	}
	if passwords[seed.StaffEmail] == passwords[seed.ResidentEmail] {
		t.Error("the two accounts must get different passwords")
	}
	if !resident.Verified() || resident.GetString("name") != seed.ResidentName || resident.GetString("nik") != seed.ResidentNIK ||
		resident.GetString("phone") != seed.ResidentPhone || resident.GetString("locale") != "id" {
		t.Errorf("unexpected demo resident %v", resident.PublicExport())
	}

	// second start: nothing new, no password
	out.Reset()
	serve(t, app, "127.0.0.1:8095")
	second := out.String()
	if !strings.Contains(second, "already seeded") || !strings.Contains(second, "http://127.0.0.1:8095/_/") {
		t.Errorf("expected the URLs and 'already seeded' on the second start:\n%s", second)
	}
	if strings.Contains(second, "password: ") || strings.Contains(second, passwords[seed.StaffEmail]) {
		t.Errorf("no password may be printed on the second start:\n%s", second)
	}
	total, err := app.CountRecords(core.CollectionNameSuperusers)
	if err != nil || total != 1 {
		t.Errorf("expected still one superuser, got %d (%v)", total, err)
	}
}

func TestSeedDisabled(t *testing.T) {
	app := emptyApp(t)
	out := new(bytes.Buffer)
	seed.Register(app, seed.Config{Enabled: false, Output: out})

	serve(t, app, "127.0.0.1:8095")

	if out.Len() != 0 {
		t.Errorf("nothing may be printed with --demo=false, got:\n%s", out.String())
	}
	if total, _ := app.CountRecords(core.CollectionNameSuperusers); total != 0 {
		t.Errorf("no superuser may be created with --demo=false, got %d", total)
	}
	if _, err := app.FindAuthRecordByEmail("users", seed.ResidentEmail); err == nil {
		t.Error("no demo resident may be created with --demo=false")
	}
}

func TestSeedSkipsWhenASuperuserExists(t *testing.T) {
	app := testapp.New(t) // has the fixture staff superuser, as after `superuser upsert`
	out := new(bytes.Buffer)
	seed.Register(app, seed.Config{Enabled: true, Output: out})

	serve(t, app, "0.0.0.0:8090")

	if !strings.Contains(out.String(), "no demo accounts were created") || !strings.Contains(out.String(), "http://127.0.0.1:8090/") {
		t.Errorf("unexpected output:\n%s", out.String())
	}
	if _, err := app.FindAuthRecordByEmail("users", seed.ResidentEmail); err == nil {
		t.Error("no demo resident may be created next to an existing superuser")
	}
}

func TestNewPassword(t *testing.T) {
	a, b := seed.NewPassword(), seed.NewPassword()
	if len(a) < 16 || a == b {
		t.Errorf("weak or repeated passwords: %q %q", a, b)
	}
}
