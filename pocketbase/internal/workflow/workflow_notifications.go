package workflow

import (
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// DeliveryPending is the delivery state of a new notification: the push
// sender (internal/push) delivers every pending row.
const DeliveryPending = "pending"

// WriteNotification appends a notifications row for owner about
// application (may be empty) with the given kind and text, unread and
// pending delivery. Call it with the transaction app of the change it
// reports.
func WriteNotification(tx core.App, owner, application, kind string, text Text) error {
	collection, err := tx.FindCachedCollectionByNameOrId(collections.Notifications)
	if err != nil {
		return err
	}
	n := core.NewRecord(collection)
	n.Set("owner", owner)
	n.Set("application", application)
	n.Set("kind", kind)
	n.Set("title", text.Title)
	n.Set("body", text.Body)
	n.Set("read", false)
	n.Set("delivery", DeliveryPending)
	return tx.Save(n)
}

// OwnerLocale returns the locale of the resident with the given id
// (users.locale): LocaleEN for "en", else LocaleID, also when the resident
// cannot be read.
func OwnerLocale(tx core.App, owner string) string {
	user, err := tx.FindRecordById(collections.Users, owner)
	if err != nil {
		return LocaleID
	}
	return NormaliseLocale(user.GetString("locale"))
}
