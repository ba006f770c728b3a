// Command pocketbase is the Dukcapil Daring server: PocketBase with the
// schema migrations compiled in, the NIK rules, the demo seed, and the
// built PWA served from the same origin.
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/osutils"

	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/seed"
	"dukcapil-daring/server/internal/server"
	"dukcapil-daring/server/internal/visits"
	"dukcapil-daring/server/internal/web"
	_ "dukcapil-daring/server/migrations"
)

func main() {
	app := pocketbase.New()

	// ---------------------------------------------------------------
	// Flags
	// ---------------------------------------------------------------

	var publicDir string
	app.RootCmd.PersistentFlags().StringVar(
		&publicDir,
		"publicDir",
		defaultPublicDir(),
		"the directory of the built app (the SvelteKit static build)",
	)

	var indexFallback bool
	app.RootCmd.PersistentFlags().BoolVar(
		&indexFallback,
		"indexFallback",
		true,
		"serve index.html for client routes (paths without a file extension outside /_app/)",
	)

	var demo bool
	app.RootCmd.PersistentFlags().BoolVar(
		&demo,
		"demo",
		true,
		"on the first start seed a demo staff superuser and resident and print their generated passwords;\nuse --demo=false in production and tests",
	)

	var intakeTime string
	app.RootCmd.PersistentFlags().StringVar(
		&intakeTime,
		"intakeTime",
		intake.IntakeTimeFromEnv(office.DefaultIntakeTime),
		"time of the morning intake, HH:MM in Asia/Makassar, taken from "+intake.EnvIntakeTime+" when set;\n\""+intake.Off+"\" turns the automatic intake off (POST "+intake.RoutePath+" still runs it)",
	)

	// the flag values are needed below, before the command runs
	_ = app.RootCmd.ParseFlags(os.Args[1:])

	// ---------------------------------------------------------------
	// Plugins and features
	// ---------------------------------------------------------------

	// `migrate` command; the migrations are Go files compiled in, and
	// schema changes made in the dashboard are not turned into files
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangGo,
		Automigrate:  false,
	})

	err := server.Register(app, server.Config{
		Web:    web.Config{PublicDir: publicDir, IndexFallback: indexFallback},
		Demo:   seed.Config{Enabled: demo},
		Intake: intake.Config{IntakeTime: intakeTime},
		Push:   push.ConfigFromEnv(),
		Visits: visits.DefaultConfig(),
	})
	if err != nil {
		log.Fatal(err)
	}

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// defaultPublicDir returns the SvelteKit build at the repository root, next
// to the directory of the executable (pocketbase/pocketbase → build).
func defaultPublicDir() string {
	if osutils.IsProbablyGoRun() {
		return "../build"
	}
	return filepath.Join(filepath.Dir(os.Args[0]), "..", "build")
}
