package testapp

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/files"
	"dukcapil-daring/server/internal/nik"
	"dukcapil-daring/server/internal/workflow"
)

// RegisterHooks registers on app the record hooks that main.go registers
// on the server: the NIK rules of users, the application workflow and the
// document checks. New and Factory leave them out so that the tests of the
// API rules see the rules alone.
func RegisterHooks(app core.App) {
	nik.Register(app)
	workflow.Register(app)
	files.Register(app)
}

// NewWithHooks is New with the server's record hooks registered.
func NewWithHooks(t testing.TB) *tests.TestApp {
	t.Helper()

	app := New(t)
	RegisterHooks(app)
	return app
}

// FactoryWithHooks is a tests.ApiScenario TestAppFactory like Factory, with
// the server's record hooks registered.
func FactoryWithHooks(t testing.TB) *tests.TestApp {
	t.Helper()

	app := Factory(t)
	RegisterHooks(app)
	return app
}
