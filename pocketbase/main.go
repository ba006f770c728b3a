// Command pocketbase is the Dukcapil Daring server: PocketBase with the
// schema migrations compiled in, the NIK rules, the demo seed, and the
// built PWA served from the same origin.
package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/osutils"

	"dukcapil-daring/server/internal/deploy"
	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/quota"
	"dukcapil-daring/server/internal/seed"
	"dukcapil-daring/server/internal/server"
	"dukcapil-daring/server/internal/visits"
	"dukcapil-daring/server/internal/web"
	_ "dukcapil-daring/server/migrations"
)

func main() {
	app := newApp()

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

	deployConfig := deploy.ConfigFromEnv()
	var trustedProxyHeaders string
	app.RootCmd.PersistentFlags().StringVar(
		&trustedProxyHeaders,
		"trustedProxyHeaders",
		strings.Join(deployConfig.TrustedProxyHeaders, ","),
		"comma-separated headers in which the reverse proxy in front of the server gives the client's address\n(e.g. X-Forwarded-For), so that rate limits count clients, not the proxy; taken from "+deploy.EnvTrustedProxyHeaders+" when set",
	)
	app.RootCmd.PersistentFlags().BoolVar(
		&deployConfig.UseLeftmostIP,
		"trustedProxyLeftmost",
		deployConfig.UseLeftmostIP,
		"take the left-most address of the trusted proxy headers ("+deploy.EnvTrustedProxyLeftmost+"=1)",
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
		Quota:  quota.ConfigFromEnv(),
		Deploy: deploy.Config{
			TrustedProxyHeaders: deploy.ParseHeaders(trustedProxyHeaders),
			UseLeftmostIP:       deployConfig.UseLeftmostIP,
		},
		Visits: visits.DefaultConfig(),
	})
	if err != nil {
		log.Fatal(err)
	}

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// newApp returns the PocketBase app in production mode unless --dev is
// given: PocketBase would otherwise guess dev mode (every SQL statement,
// with residents' answers, printed to the log) for any binary under the
// system's temp dir, as if started by `go run`.
func newApp() *pocketbase.PocketBase {
	return pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false})
}

// defaultPublicDir returns the SvelteKit build at the repository root, next
// to the directory of the executable (pocketbase/pocketbase → build).
func defaultPublicDir() string {
	if osutils.IsProbablyGoRun() {
		return "../build"
	}
	return filepath.Join(filepath.Dir(os.Args[0]), "..", "build")
}
