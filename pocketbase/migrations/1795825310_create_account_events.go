package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		// append-only audit trail of staff changes to residents' accounts,
		// written by server code in the transaction of the change
		// (internal/accounts); staff only: no API rule for residents
		c := core.NewBaseCollection("account_events")
		c.Fields.Add(
			&core.RelationField{
				Name:         "user",
				CollectionId: users.Id,
				MaxSelect:    1,
				Presentable:  true,
				Help:         "The resident whose account was changed.",
			},
			&core.SelectField{Name: "kind", Required: true, MaxSelect: 1, Values: []string{"nik_changed"}},
			&core.TextField{Name: "from", Max: 64, Help: "The value before the change (a NIK masked: region and serial only)."},
			&core.TextField{Name: "to", Max: 64, Help: "The value after the change (a NIK masked the same way)."},
			&core.TextField{Name: "actor", Max: 64, Help: "The id of the staff account (_superusers) that made the change."},
			&core.TextField{Name: "actor_email", Max: 255, Help: "Its e-mail at the time of the change."},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		c.AddIndex("idx_account_events_user", false, "`user`, `created`", "")
		c.ListRule = nil
		c.ViewRule = nil
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil
		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "account_events")
	})
}
