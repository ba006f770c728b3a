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
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}

		// append-only audit trail, written by server code in the same
		// transaction as the status change
		c := core.NewBaseCollection("application_events")
		c.Fields.Add(
			&core.RelationField{
				Name:         "application",
				Required:     true,
				CollectionId: applications.Id,
				MaxSelect:    1,
			},
			&core.TextField{Name: "from", Max: 32, Help: "Status before the change (empty on creation)."},
			&core.TextField{Name: "to", Max: 32, Help: "Status after the change."},
			&core.RelationField{
				Name:         "actor",
				CollectionId: users.Id,
				MaxSelect:    1,
				Help:         "The resident who made the change; empty for staff and the system.",
			},
			&core.SelectField{Name: "actor_kind", MaxSelect: 1, Values: []string{"resident", "staff", "system"}},
			&core.TextField{Name: "note", Max: 5000},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		c.AddIndex("idx_application_events_application", false, "`application`, `created`", "")

		c.ListRule = rule("application.owner = @request.auth.id")
		c.ViewRule = rule("application.owner = @request.auth.id")
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "application_events")
	})
}
