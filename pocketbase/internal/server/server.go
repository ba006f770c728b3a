// Package server wires every feature of the Dukcapil Daring server onto a
// PocketBase app. main.go and the test apps (internal/testapp) both call
// Register, so a test app can never miss a hook that production has.
package server

import (
	"io"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/catalogsettings"
	"dukcapil-daring/server/internal/deploy"
	"dukcapil-daring/server/internal/files"
	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/limits"
	"dukcapil-daring/server/internal/live"
	"dukcapil-daring/server/internal/nik"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/quota"
	"dukcapil-daring/server/internal/seed"
	"dukcapil-daring/server/internal/uploads"
	"dukcapil-daring/server/internal/visits"
	"dukcapil-daring/server/internal/web"
	"dukcapil-daring/server/internal/workflow"
)

// Config is the configuration of every feature.
type Config struct {
	// Web is the static app serving (the built PWA).
	Web web.Config
	// Demo seeds the demo accounts on the first start.
	Demo seed.Config
	// Intake is the morning intake.
	Intake intake.Config
	// Push is Web Push delivery.
	Push push.Config
	// Deploy is the reverse proxy and https setup.
	Deploy deploy.Config
	// Quota is the per-resident caps and the removal of abandoned uploads.
	Quota quota.Config
	// Limits is the rate limits per account and per identity.
	Limits limits.Config
	// Uploads are the resumable document uploads (tus).
	Uploads uploads.Config
	// Visits is the booking of in-person visits (slots made ahead, reminders).
	Visits visits.Config
}

// Register registers every feature on app: the NIK rules of users, the
// office's catalog settings, the application workflow, the document checks, the morning intake, Web Push,
// the demo seed and the static app. It returns an error for an invalid
// configuration (e.g. a malformed intake time).
func Register(app core.App, config Config) error {
	if err := intake.CheckConfig(config.Intake); err != nil {
		return err
	}

	deploy.Register(app, config.Deploy)
	limits.Register(app, config.Limits)
	nik.Register(app)
	catalogsettings.Register(app)
	workflow.Register(app)
	files.Register(app)
	quota.Register(app, config.Quota)
	uploads.Register(app, config.Uploads)
	intake.Register(app, config.Intake)
	live.Register(app)
	push.Register(app, config.Push)
	visits.Register(app, config.Visits)
	seed.Register(app, config.Demo)
	web.Register(app, config.Web)
	return nil
}

// TestConfig is the configuration of the test apps: no automatic intake
// (tests run it by hand or through its route), no demo, no built app, and
// no push delivery worker (internal/push tests start their own).
func TestConfig() Config {
	return Config{
		Web:    web.Config{PublicDir: "", Output: io.Discard},
		Demo:   seed.Config{Enabled: false, Output: io.Discard},
		Intake: intake.Config{IntakeTime: intake.Off},
		Push:   push.Config{NoWorker: true},
		Visits: visits.Config{},
	}
}
