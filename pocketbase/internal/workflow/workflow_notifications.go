package workflow

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/trail"
)

// DeliveryPending is the delivery state of a new notification: the push
// sender (internal/push) delivers every pending row.
const DeliveryPending = trail.DeliveryPending

// Locales are the languages of the app: every notification is written in
// each of them.
var Locales = []string{LocaleID, LocaleEN}

// TextsJSON is the texts column of a notification (trail.TextsJSON).
func TextsJSON(texts map[string]Text) types.JSONRaw { return trail.TextsJSON(texts) }

// WriteNotification appends a notifications row for owner about
// application (may be empty) with the given kind, unread and pending
// delivery: the title and body in the owner's locale (the push), and the
// texts of every locale (the inbox). textIn makes the text of a locale.
// Call it with the transaction app of the change it reports.
func WriteNotification(tx core.App, owner, application, kind string, textIn func(locale string) (Text, error)) error {
	texts := make(map[string]Text, len(Locales))
	for _, locale := range Locales {
		t, err := textIn(locale)
		if err != nil {
			return err
		}
		texts[locale] = t
	}
	text := texts[OwnerLocale(tx, owner)]
	return trail.WriteNotification(tx, trail.Notification{
		Owner: owner, About: "application", Subject: application, Kind: kind,
		Title: text.Title, Body: text.Body, Texts: TextsJSON(texts),
	})
}

// OwnerLocale returns the locale of the resident with the given id
// (users.locale): LocaleEN for "en", else LocaleID, also when the resident
// cannot be read.
func OwnerLocale(tx core.App, owner string) string {
	return NormaliseLocale(trail.OwnerLocale(tx, owner))
}
