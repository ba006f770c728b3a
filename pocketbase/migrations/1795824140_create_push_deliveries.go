package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(func(app core.App) error {
		notifications, err := app.FindCollectionByNameOrId("notifications")
		if err != nil {
			return err
		}
		subscriptions, err := app.FindCollectionByNameOrId("push_subscriptions")
		if err != nil {
			return err
		}

		// one row per (notification, subscription): the push sender's record
		// of what it sent where, so that nothing is sent twice to a device;
		// a row goes with its notification or its subscription
		c := core.NewBaseCollection("push_deliveries")
		c.Fields.Add(
			&core.RelationField{
				Name:          "notification",
				Required:      true,
				CollectionId:  notifications.Id,
				MaxSelect:     1,
				CascadeDelete: true,
			},
			&core.RelationField{
				Name:          "subscription",
				Required:      true,
				CollectionId:  subscriptions.Id,
				MaxSelect:     1,
				CascadeDelete: true,
			},
			&core.SelectField{
				Name:      "state",
				Required:  true,
				MaxSelect: 1,
				Values:    []string{"pending", "sent", "failed"},
				Help:      "pending: to be sent at next_attempt; sent: accepted by the push service; failed: given up.",
			},
			&core.NumberField{Name: "attempts", OnlyInt: true, Min: float(0), Help: "Requests made to the push service."},
			&core.DateField{Name: "next_attempt", Help: "When a pending delivery is due."},
			&core.NumberField{Name: "last_status", OnlyInt: true, Min: float(0), Help: "HTTP status of the last answer (0: no answer)."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_push_deliveries_pair", true, "`notification`, `subscription`", "")
		c.AddIndex("idx_push_deliveries_due", false, "`state`, `next_attempt`", "")
		c.AddIndex("idx_push_deliveries_subscription", false, "`subscription`", "")

		// superusers only (the dashboard); the push sender writes it
		c.ListRule = nil
		c.ViewRule = nil
		c.CreateRule = nil
		c.UpdateRule = nil
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "push_deliveries")
	})
}
