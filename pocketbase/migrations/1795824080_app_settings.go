package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// AppName is the application name shown in the dashboard and in emails.
const AppName = "Dukcapil Daring — Kota Balikpapan"

// RateLimitRules are the rules set on a new instance: tighter limits on
// sign-in, registration and the requests that send emails, and PocketBase's
// defaults for the rest. Staff can change them in the dashboard.
var RateLimitRules = []core.RateLimitRule{
	{Label: "*:auth", MaxRequests: 10, Duration: 60},
	{Label: "users:create", MaxRequests: 10, Duration: 60},
	{Label: "*:requestOTP", MaxRequests: 5, Duration: 60},
	{Label: "*:requestPasswordReset", MaxRequests: 5, Duration: 60},
	{Label: "*:requestVerification", MaxRequests: 5, Duration: 60},
	{Label: "*:requestEmailChange", MaxRequests: 5, Duration: 60},
	{Label: "*:create", MaxRequests: 20, Duration: 5},
	{Label: "/api/batch", MaxRequests: 3, Duration: 1},
	{Label: "/api/", MaxRequests: 300, Duration: 10},
}

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		settings.Meta.AppName = AppName
		settings.Meta.SenderName = "Disdukcapil Kota Balikpapan"
		settings.RateLimits.Enabled = true
		settings.RateLimits.Rules = RateLimitRules
		settings.Batch.Enabled = false

		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		settings.Meta.AppName = "Acme"
		settings.Meta.SenderName = "Support"
		settings.RateLimits.Enabled = false

		return app.Save(settings)
	})
}
