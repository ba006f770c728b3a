// Package mail applies the SMTP settings and the app's public address (the
// links in the account e-mails) given by flags or environment variables,
// so that an instance can be set up without the dashboard and the tests
// can point the server at their own SMTP server.
package mail

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Environment variables read by ConfigFromEnv (the flags of main.go take
// their defaults from them).
const (
	EnvSMTPHost     = "DUKCAPIL_SMTP_HOST"
	EnvSMTPPort     = "DUKCAPIL_SMTP_PORT"
	EnvSMTPUsername = "DUKCAPIL_SMTP_USERNAME"
	EnvSMTPPassword = "DUKCAPIL_SMTP_PASSWORD"
	EnvSMTPTLS      = "DUKCAPIL_SMTP_TLS"
	EnvSender       = "DUKCAPIL_MAIL_SENDER"
	EnvAppURL       = "DUKCAPIL_APP_URL"
)

// Config is the mail setup. Empty values leave the dashboard's settings
// as they are.
type Config struct {
	// SMTPHost turns SMTP on when set; SMTPPort defaults to 587.
	SMTPHost     string
	SMTPPort     int
	SMTPUsername string
	SMTPPassword string
	// SMTPTLS uses implicit TLS (usually port 465); otherwise STARTTLS is
	// used when the server offers it.
	SMTPTLS bool
	// Sender is the From address of every e-mail.
	Sender string
	// AppURL is the public address of the app, e.g. https://dukcapil.balikpapan.go.id:
	// the links in the verification and password e-mails open it.
	AppURL string
}

// ConfigFromEnv reads Config from the environment.
func ConfigFromEnv() Config {
	port, _ := strconv.Atoi(os.Getenv(EnvSMTPPort))
	tls, _ := strconv.ParseBool(os.Getenv(EnvSMTPTLS))
	return Config{
		SMTPHost:     os.Getenv(EnvSMTPHost),
		SMTPPort:     port,
		SMTPUsername: os.Getenv(EnvSMTPUsername),
		SMTPPassword: os.Getenv(EnvSMTPPassword),
		SMTPTLS:      tls,
		Sender:       os.Getenv(EnvSender),
		AppURL:       os.Getenv(EnvAppURL),
	}
}

// CheckConfig refuses a malformed configuration.
func CheckConfig(config Config) error {
	if config.SMTPPort < 0 || config.SMTPPort > 65535 {
		return fmt.Errorf("SMTP port %d is out of range", config.SMTPPort)
	}
	if config.AppURL != "" && !strings.HasPrefix(config.AppURL, "http://") && !strings.HasPrefix(config.AppURL, "https://") {
		return fmt.Errorf("the app URL %q must start with http:// or https://", config.AppURL)
	}
	return nil
}

const hookId = "dukcapilMailConfig"

// Register applies config to the settings when the app starts serving.
func Register(app core.App, config Config) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: hookId,
		Func: func(e *core.ServeEvent) error {
			if err := Apply(e.App, config); err != nil {
				return fmt.Errorf("apply the mail settings: %w", err)
			}
			return e.Next()
		},
		Priority: -200,
	})
}

// Apply saves the non-empty values of config into the app's settings.
func Apply(app core.App, config Config) error {
	if config.SMTPHost == "" && config.Sender == "" && config.AppURL == "" {
		return nil
	}
	settings := app.Settings()
	if config.SMTPHost != "" {
		settings.SMTP.Enabled = true
		settings.SMTP.Host = config.SMTPHost
		settings.SMTP.Port = config.SMTPPort
		if settings.SMTP.Port == 0 {
			settings.SMTP.Port = 587
		}
		settings.SMTP.Username = config.SMTPUsername
		settings.SMTP.Password = config.SMTPPassword
		settings.SMTP.TLS = config.SMTPTLS
	}
	if config.Sender != "" {
		settings.Meta.SenderAddress = config.Sender
	}
	if config.AppURL != "" {
		settings.Meta.AppURL = strings.TrimRight(config.AppURL, "/")
	}
	return app.Save(settings)
}
