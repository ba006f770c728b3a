package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Built-in backups: every night at 18:00 UTC (02:00 WITA, when nobody
// works), keeping the last two weeks. PocketBase's cron runs in UTC.
const (
	BackupsCron        = "0 18 * * *"
	BackupsCronMaxKeep = 14
)

func init() {
	m.Register(func(app core.App) error {
		settings := app.Settings()
		settings.Backups.Cron = BackupsCron
		settings.Backups.CronMaxKeep = BackupsCronMaxKeep
		return app.Save(settings)
	}, func(app core.App) error {
		settings := app.Settings()
		settings.Backups.Cron = ""
		settings.Backups.CronMaxKeep = 3
		return app.Save(settings)
	})
}
