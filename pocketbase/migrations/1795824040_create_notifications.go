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

		// the resident's inbox and the outbox of the push sender
		c := core.NewBaseCollection("notifications")
		c.Fields.Add(
			&core.RelationField{
				Name:         "owner",
				Required:     true,
				CollectionId: users.Id,
				MaxSelect:    1,
			},
			&core.RelationField{
				Name:         "application",
				CollectionId: applications.Id,
				MaxSelect:    1,
			},
			&core.SelectField{
				Name:      "kind",
				MaxSelect: 1,
				Values:    []string{"queued", "morning_summary", "needs_revision", "completed", "rejected", "info"},
			},
			&core.TextField{Name: "title", Max: 200, Presentable: true},
			&core.TextField{Name: "body", Max: 2000},
			&core.BoolField{Name: "read"},
			&core.SelectField{
				Name:      "delivery",
				MaxSelect: 1,
				Values:    []string{"pending", "sent", "failed", "none"},
				Help:      "State of the push delivery.",
			},
			&core.NumberField{Name: "attempts", OnlyInt: true, Min: float(0)},
			&core.DateField{Name: "delivered_at"},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_notifications_owner", false, "`owner`, `created`", "")
		c.AddIndex("idx_notifications_delivery", false, "`delivery`", "")

		c.ListRule = rule(ruleOwner)
		c.ViewRule = rule(ruleOwner)
		c.CreateRule = nil
		// the resident may only mark a notification as read
		c.UpdateRule = rule(
			ruleOwner,
			bodyUnset("owner", "application", "kind", "title", "body", "delivery", "attempts", "delivered_at"),
		)
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "notifications")
	})
}
