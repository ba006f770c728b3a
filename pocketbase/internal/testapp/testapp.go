// Package testapp builds PocketBase test apps that carry the Dukcapil Daring
// schema (all migrations applied) and a small set of fixture records: two
// residents with one record of every kind each, and a staff superuser.
//
// A template data dir is built once per test binary and cloned for every
// app, so that each test starts from the same state in a few milliseconds.
// Call Run from TestMain so that the template is removed afterwards.
package testapp

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/collections"
	_ "dukcapil-daring/server/migrations"
)

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error

	tokensMu sync.Mutex
	tokens   = map[string]string{}
)

// Run runs the tests of m and then removes the template data dir; use it
// as `func TestMain(m *testing.M) { os.Exit(testapp.Run(m)) }`.
func Run(m *testing.M) int {
	code := m.Run()
	if templateDir != "" {
		_ = os.RemoveAll(templateDir)
	}
	return code
}

// New returns a fresh test app with the schema and the fixtures; it is
// cleaned up when t ends unless the caller (e.g. tests.ApiScenario) does it.
func New(t testing.TB) *tests.TestApp {
	t.Helper()

	app := newApp(t)
	t.Cleanup(app.Cleanup)
	return app
}

// Factory is a tests.ApiScenario TestAppFactory that returns a fresh app
// (the scenario cleans it up).
func Factory(t testing.TB) *tests.TestApp {
	t.Helper()
	return newApp(t)
}

func newApp(t testing.TB) *tests.TestApp {
	t.Helper()

	templateOnce.Do(func() {
		templateDir, templateErr = buildTemplate()
	})
	if templateErr != nil {
		t.Fatalf("build the test data dir: %v", templateErr)
	}

	app, err := tests.NewTestApp(templateDir)
	if err != nil {
		t.Fatalf("create the test app: %v", err)
	}
	return app
}

// AuthHeader returns the Authorization header of the fixture user or
// superuser with the given id. The token stays valid in every app cloned
// from the template because the signing keys are part of the data dir.
func AuthHeader(t testing.TB, id string) map[string]string {
	t.Helper()

	tokensMu.Lock()
	defer tokensMu.Unlock()

	if token, ok := tokens[id]; ok {
		return map[string]string{"Authorization": token}
	}

	app := newApp(t)
	defer app.Cleanup()

	collection := collections.Users
	if id == Staff {
		collection = core.CollectionNameSuperusers
	}
	record, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Fatalf("find fixture %s/%s: %v", collection, id, err)
	}
	token, err := record.NewAuthToken()
	if err != nil {
		t.Fatalf("token for %s: %v", id, err)
	}
	tokens[id] = token
	return map[string]string{"Authorization": token}
}

func buildTemplate() (string, error) {
	dir, err := os.MkdirTemp("", "dukcapil_testdata_*")
	if err != nil {
		return "", err
	}

	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env"})
	if err := app.Bootstrap(); err != nil {
		return "", fmt.Errorf("bootstrap: %w", err)
	}
	defer app.ResetBootstrapState()

	if err := app.RunAllMigrations(); err != nil {
		return "", fmt.Errorf("migrations: %w", err)
	}
	if err := createFixtures(app); err != nil {
		return "", fmt.Errorf("fixtures: %w", err)
	}
	return dir, nil
}

// FileToken returns a protected-file token of the fixture user with the given id.
func FileToken(t testing.TB, id string) string {
	t.Helper()

	app := newApp(t)
	defer app.Cleanup()

	record, err := app.FindRecordById(collections.Users, id)
	if err != nil {
		t.Fatalf("find fixture user %s: %v", id, err)
	}
	token, err := record.NewFileToken()
	if err != nil {
		t.Fatalf("file token for %s: %v", id, err)
	}
	return token
}
