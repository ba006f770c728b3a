// Package servertest builds test apps (internal/testapp: the schema and the
// fixtures) with every feature of the server registered exactly as main.go
// registers it (server.Register), with server.TestConfig.
package servertest

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/server"
	"dukcapil-daring/server/internal/testapp"
)

// RegisterHooks registers on app every feature of the server.
func RegisterHooks(app core.App) {
	if err := server.Register(app, server.TestConfig()); err != nil {
		panic(err)
	}
}

// New is testapp.New with the server's features registered.
func New(t testing.TB) *tests.TestApp {
	t.Helper()

	app := testapp.New(t)
	RegisterHooks(app)
	return app
}

// Factory is a tests.ApiScenario TestAppFactory like testapp.Factory, with
// the server's features registered.
func Factory(t testing.TB) *tests.TestApp {
	t.Helper()

	app := testapp.Factory(t)
	RegisterHooks(app)
	return app
}
