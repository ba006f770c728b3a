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

		c := core.NewBaseCollection("push_subscriptions")
		c.Fields.Add(
			&core.RelationField{
				Name:          "owner",
				Required:      true,
				CollectionId:  users.Id,
				MaxSelect:     1,
				CascadeDelete: true,
			},
			&core.URLField{Name: "endpoint", Required: true, Help: "The push service URL of the browser subscription."},
			&core.TextField{Name: "p256dh", Required: true, Max: 200},
			&core.TextField{Name: "auth", Required: true, Max: 100},
			&core.TextField{Name: "user_agent", Max: 500},
			&core.NumberField{Name: "failures", OnlyInt: true, Min: float(0), Help: "Consecutive failed deliveries."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_push_subscriptions_endpoint", true, "`endpoint`", "")
		c.AddIndex("idx_push_subscriptions_owner", false, "`owner`", "")

		c.ListRule = rule(ruleOwner)
		c.ViewRule = rule(ruleOwner)
		c.CreateRule = rule(ruleSignedInResident, ruleBodyOwnerIsAuth, bodyUnset("failures"))
		c.UpdateRule = nil
		c.DeleteRule = rule(ruleOwner)

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "push_subscriptions")
	})
}
