package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"dukcapil-daring/server/internal/catalog"
)

func init() {
	m.Register(func(app core.App) error {
		// the office's catalog settings (src/lib/catalog/settings.ts): a row
		// per point the office confirms, entered by staff in the dashboard;
		// a setting without a row keeps its default. A setting added to the
		// catalog later needs a migration adding it to the name's values
		// (internal/catalogsettings tests that they match).
		names := make([]string, 0, len(catalog.Settings()))
		for _, s := range catalog.Settings() {
			names = append(names, s.Name)
		}
		c := core.NewBaseCollection("catalog_settings")
		c.Fields.Add(
			&core.SelectField{Name: "name", Required: true, MaxSelect: 1, Values: names, Presentable: true},
			&core.TextField{
				Name:     "value",
				Required: true,
				Max:      40,
				Help:     "An option of the setting (e.g. always, visum_or_kelurahan) or a whole number of days. README: For the office to confirm.",
			},
			&core.TextField{Name: "note", Max: 500, Help: "Who confirmed it, and where it is written."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_catalog_settings_name", true, "`name`", "")

		// public: the app applies the same settings, offline too
		c.ListRule = rule()
		c.ViewRule = rule()
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "catalog_settings")
	})
}
