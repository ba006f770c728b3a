// Package trail writes what a change of an application or an appointment
// leaves behind, in the transaction of the change: the event row of its
// audit trail (application_events, appointment_events) and the resident's
// notification. The workflow and the visits features both use it.
package trail

import (
	"encoding/json"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/collections"
)

// Kinds of actor of an event row (actor_kind).
const (
	ActorResident = "resident"
	ActorStaff    = "staff"
	ActorSystem   = "system"
)

// Actor is who makes a request: the resident's id (empty for staff and the
// system) and the kind.
type Actor struct {
	ID   string
	Kind string
}

// ActorOf returns the actor of a record request: staff for a superuser, the
// resident for an authenticated user, else the system.
func ActorOf(e *core.RecordRequestEvent) Actor {
	switch {
	case e.HasSuperuserAuth():
		return Actor{Kind: ActorStaff}
	case e.Auth != nil:
		return Actor{ID: e.Auth.Id, Kind: ActorResident}
	default:
		return Actor{Kind: ActorSystem}
	}
}

// InTransaction runs fn with e.App replaced by a transaction app, so that
// the record save of e.Next() and everything fn writes commit or roll back
// together; the response is written after the commit.
func InTransaction(e *core.RecordRequestEvent, fn func(tx core.App) error) error {
	app := e.App
	defer func() { e.App = app }()
	return app.RunInTransaction(func(tx core.App) error {
		e.App = tx
		return fn(tx)
	})
}

// AppendEvent appends a row to the events collection: field (e.g.
// "application", "appointment") is the record id, from and to the status
// change, who the actor, note free text. Call it with the transaction app
// of the change.
func AppendEvent(tx core.App, collection, field, id, from, to string, who Actor, note string) error {
	events, err := tx.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return err
	}
	event := core.NewRecord(events)
	event.Set(field, id)
	event.Set("from", from)
	event.Set("to", to)
	event.Set("actor", who.ID)
	event.Set("actor_kind", who.Kind)
	event.Set("note", note)
	return tx.Save(event)
}

// DeliveryPending is the delivery state of a new notification: the push
// sender (internal/push) delivers every pending row.
const DeliveryPending = "pending"

// Text is the title and body of a notification in one language.
type Text struct {
	Title string
	Body  string
}

// TextsJSON is the texts column of a notification: locale → {title, body},
// so that the app shows the inbox in the language the resident chose on the
// phone, whatever the language of the push.
func TextsJSON(texts map[string]Text) types.JSONRaw {
	out := make(map[string]map[string]string, len(texts))
	for locale, t := range texts {
		out[locale] = map[string]string{"title": t.Title, "body": t.Body}
	}
	raw, _ := json.Marshal(out)
	return raw
}

// Notification is a row of the notifications collection: for Owner, about
// the record Subject of the field About ("application", "appointment"; may
// be empty), with the title and body in the owner's locale (the push) and,
// when not nil, the texts of every locale (the inbox).
type Notification struct {
	Owner, About, Subject, Kind string
	Title, Body                 string
	Texts                       types.JSONRaw
}

// WriteNotification appends n, unread and pending delivery. Call it with the
// transaction app of the change it reports.
func WriteNotification(tx core.App, n Notification) error {
	collection, err := tx.FindCachedCollectionByNameOrId(collections.Notifications)
	if err != nil {
		return err
	}
	row := core.NewRecord(collection)
	row.Set("owner", n.Owner)
	if n.About != "" {
		row.Set(n.About, n.Subject)
	}
	row.Set("kind", n.Kind)
	row.Set("title", n.Title)
	row.Set("body", n.Body)
	if n.Texts != nil {
		row.Set("texts", n.Texts)
	}
	row.Set("read", false)
	row.Set("delivery", DeliveryPending)
	return tx.Save(row)
}

// OwnerLocale returns the locale of the resident with the given id
// (users.locale): "en" for "en", else "id", also when the resident cannot
// be read.
func OwnerLocale(tx core.App, owner string) string {
	user, err := tx.FindRecordById(collections.Users, owner)
	if err != nil || user.GetString("locale") != "en" {
		return "id"
	}
	return "en"
}
