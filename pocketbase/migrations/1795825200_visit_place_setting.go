package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"dukcapil-daring/server/internal/catalog"
)

// visitPlaceSetting is the catalog setting of the office's address shown on
// visit tickets (src/lib/catalog/settings.ts).
const visitPlaceSetting = "visit_place_address"

func init() {
	m.Register(func(app core.App) error {
		// the dashboard offers the new setting and takes an address as a value
		c, err := app.FindCollectionByNameOrId("catalog_settings")
		if err != nil {
			return err
		}
		names := make([]string, 0, len(catalog.Settings()))
		for _, s := range catalog.Settings() {
			names = append(names, s.Name)
		}
		c.Fields.GetByName("name").(*core.SelectField).Values = names
		value := c.Fields.GetByName("value").(*core.TextField)
		value.Max = 200
		value.Help = "An option of the setting (e.g. always, visum_or_kelurahan), a whole number of days, or the office's address for visits. README: For the office to confirm."
		if err := app.Save(c); err != nil {
			return err
		}

		// the address stands as a row, so that staff see what the tickets
		// show and correct it in place
		if found, _ := app.FindFirstRecordByData(c, "name", visitPlaceSetting); found != nil {
			return nil
		}
		row := core.NewRecord(c)
		row.Set("name", visitPlaceSetting)
		row.Set("value", catalog.SettingDefaults()[visitPlaceSetting])
		row.Set("note", "The app's default, from a local news report (cnbtv.co.id): not yet confirmed by the office.")
		return app.Save(row)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("catalog_settings")
		if err != nil {
			return err
		}
		if _, err := app.DB().Delete(c.Name, dbx.HashExp{"name": visitPlaceSetting}).Execute(); err != nil {
			return err
		}
		c.Fields.GetByName("value").(*core.TextField).Max = 40
		return app.Save(c)
	})
}
