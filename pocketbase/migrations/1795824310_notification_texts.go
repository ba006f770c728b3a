package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// notificationServerFields are the fields of notifications that only the
// server writes (the resident only marks one as read).
var notificationServerFields = []string{"owner", "application", "kind", "title", "body", "texts", "delivery", "attempts", "delivered_at"}

func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("notifications")
		if err != nil {
			return err
		}
		c.Fields.Add(&core.JSONField{
			Name:    "texts",
			MaxSize: 64 << 10,
			Help:    "The title and body in every language of the app ({\"id\": {...}, \"en\": {...}}): the app shows the resident's choice.",
		})
		c.UpdateRule = rule(ruleOwner, bodyUnset(notificationServerFields...))
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("notifications")
		if err != nil {
			return err
		}
		c.Fields.RemoveByName("texts")
		c.UpdateRule = rule(ruleOwner, bodyUnset("owner", "application", "kind", "title", "body", "delivery", "attempts", "delivered_at"))
		return app.Save(c)
	})
}
