package main

import (
	"os"
	"testing"

	"github.com/pocketbase/pocketbase/tools/osutils"
)

// TestProductionModeByDefault: a test binary lives under the system's temp
// dir, where PocketBase would guess `go run` and dev mode; the server is
// in production mode unless --dev is given.
func TestProductionModeByDefault(t *testing.T) {
	if !osutils.IsProbablyGoRun() {
		t.Log("not under the temp dir: the guess is not exercised here")
	}
	args := os.Args
	t.Cleanup(func() { os.Args = args })

	os.Args = []string{args[0], "serve"}
	if newApp().IsDev() {
		t.Error("dev mode without --dev")
	}
	os.Args = []string{args[0], "serve", "--dev"}
	if !newApp().IsDev() {
		t.Error("no dev mode with --dev")
	}
}
