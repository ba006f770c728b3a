// Package catalogsettings puts the office's catalog settings in force: the
// rows of the catalog_settings collection (entered by staff in the
// dashboard) are checked when saved and applied to the catalog's validator
// (catalog.ApplySettings) when the server starts and after every change, so
// that the server decides the documents an application needs as the app
// does. A setting without a row keeps its default.
package catalogsettings

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	validation "github.com/pocketbase/ozzo-validation/v4"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// CodeValueInvalid is the error code of a value that does not fit its setting.
const CodeValueInvalid = "catalog_setting_value"

// Register checks every saved setting and applies the settings at start and
// after each change.
func Register(app core.App) {
	app.OnRecordValidate(collections.CatalogSettings).Bind(&hook.Handler[*core.RecordEvent]{
		Id:   "catalogSettingsValidate",
		Func: validate,
	})
	apply := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		_, err := Load(e.App)
		return err
	}
	app.OnRecordAfterCreateSuccess(collections.CatalogSettings).BindFunc(apply)
	app.OnRecordAfterUpdateSuccess(collections.CatalogSettings).BindFunc(apply)
	app.OnRecordAfterDeleteSuccess(collections.CatalogSettings).BindFunc(apply)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		if _, err := Load(e.App); err != nil {
			return err
		}
		return e.Next()
	})
}

func validate(e *core.RecordEvent) error {
	name, text := e.Record.GetString("name"), e.Record.GetString("value")
	if err := e.Next(); err != nil {
		return err
	}
	if _, ok := catalog.SettingValue(name, text); !ok {
		return validation.Errors{"value": validation.NewError(CodeValueInvalid, "The value does not fit this setting: see README, For the office to confirm.")}
	}
	return nil
}

// Load reads the rows of catalog_settings and puts them in force; it returns
// the settings now in force. A row that does not fit is left out (the saving
// hook refuses such rows; one could only come from before a catalog change).
func Load(app core.App) (map[string]any, error) {
	records, err := app.FindAllRecords(collections.CatalogSettings)
	if err != nil {
		return nil, err
	}
	values := map[string]any{}
	for _, r := range records {
		if value, ok := catalog.SettingValue(r.GetString("name"), r.GetString("value")); ok {
			values[r.GetString("name")] = value
		}
	}
	return catalog.ApplySettings(values), nil
}
