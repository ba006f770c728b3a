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
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/osutils"

	"dukcapil-daring/server/internal/accounts"
	"dukcapil-daring/server/internal/deploy"
	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/mail"
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
		false,
		"on the first start seed a demo staff superuser and resident and print their generated passwords\n(npm start turns it on; never in production)",
	)

	var requireVerifiedEmail bool
	app.RootCmd.PersistentFlags().BoolVar(
		&requireVerifiedEmail,
		"requireVerifiedEmail",
		accounts.RequireVerifiedEmailFromEnv(),
		"the office receives an application only once its resident's e-mail is verified;\ndefault from "+accounts.EnvRequireVerifiedEmail+" (\"false\" turns it off)",
	)

	mailConfig := mail.ConfigFromEnv()
	app.RootCmd.PersistentFlags().StringVar(&mailConfig.SMTPHost, "smtpHost", mailConfig.SMTPHost,
		"SMTP server for the account e-mails (default from "+mail.EnvSMTPHost+"; the password only from "+mail.EnvSMTPPassword+")")
	app.RootCmd.PersistentFlags().IntVar(&mailConfig.SMTPPort, "smtpPort", mailConfig.SMTPPort,
		"SMTP port (default from "+mail.EnvSMTPPort+", else 587)")
	app.RootCmd.PersistentFlags().StringVar(&mailConfig.Sender, "mailSender", mailConfig.Sender,
		"From address of the e-mails (default from "+mail.EnvSender+")")
	app.RootCmd.PersistentFlags().StringVar(&mailConfig.AppURL, "appURL", mailConfig.AppURL,
		"public address of the app, used in the links of the e-mails (default from "+mail.EnvAppURL+")")

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

	app.RootCmd.PersistentFlags().StringVar(&deployConfig.TLSCertFile, "tlsCert", deployConfig.TLSCertFile,
		"PEM file of the certificate (chain, leaf first) that `serve --https=ADDR` presents instead of\nasking Let's Encrypt (autocert); default from "+deploy.EnvTLSCertFile)
	app.RootCmd.PersistentFlags().StringVar(&deployConfig.TLSKeyFile, "tlsKey", deployConfig.TLSKeyFile,
		"PEM file of that certificate's private key; default from "+deploy.EnvTLSKeyFile)

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
			TLSCertFile:         deployConfig.TLSCertFile,
			TLSKeyFile:          deployConfig.TLSKeyFile,
		},
		Visits:   visits.DefaultConfig(),
		Accounts: accounts.Config{RequireVerifiedEmail: requireVerifiedEmail},
		Mail:     mailConfig,
	})
	if err != nil {
		log.Fatal(err)
	}

	// PocketBase prints a failed start of `serve` (e.g. an unreadable
	// certificate, a port in use) and still exits with 0; a service manager
	// should see the failure.
	var serveErr error
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "dukcapilServeExitCode",
		Priority: -9999, // first, so it sees every other hook's error
		Func: func(e *core.ServeEvent) error {
			serveErr = e.Next()
			return serveErr
		},
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
	if serveErr != nil {
		os.Exit(1)
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
