package push

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/collections"
)

// The sender's own bookkeeping is written with plain SQL statements rather
// than record saves: push_deliveries is internal (superusers only, no API
// hooks), and the delivery fields of a notification and the failure count
// of a subscription are not the resident's business, so none of them needs
// record hooks or realtime events. One statement per row keeps a fan-out
// of tens of thousands of pushes well within its time, and a targeted
// UPDATE never overwrites a field that the resident changes meanwhile
// (a notification marked read). Removing a subscription goes through the
// records API so that PocketBase cascades the delete to its rows.

// delivery is a push_deliveries row as the sender reads it.
type delivery struct {
	Id           string `db:"id"`
	Notification string `db:"notification"`
	Subscription string `db:"subscription"`
	State        string `db:"state"`
	Attempts     int    `db:"attempts"`
}

// deliveryColumns are the columns read into a delivery.
var deliveryColumns = []string{"id", "notification", "subscription", "state", "attempts"}

// selectDeliveries returns a query of push_deliveries rows.
func selectDeliveries(app core.App) *dbx.SelectQuery {
	return app.DB().Select(deliveryColumns...).From(collections.PushDeliveries)
}

// dbTime formats t as PocketBase stores dates.
func dbTime(t time.Time) string {
	return t.UTC().Format(types.DefaultDateLayout)
}

// insertDelivery creates the pending row of (notification, subscription),
// due at now.
func insertDelivery(tx core.App, notification, subscription string, now time.Time) (delivery, error) {
	d := delivery{
		Id:           core.GenerateDefaultRandomId(),
		Notification: notification,
		Subscription: subscription,
		State:        DeliveryPending,
	}
	stamp := dbTime(now)
	_, err := tx.DB().Insert(collections.PushDeliveries, dbx.Params{
		"id":           d.Id,
		"notification": notification,
		"subscription": subscription,
		"state":        DeliveryPending,
		"attempts":     0,
		"next_attempt": stamp,
		"last_status":  0,
		"created":      stamp,
		"updated":      stamp,
	}).Execute()
	if err != nil {
		return d, fmt.Errorf("create the delivery of %s to %s: %w", notification, subscription, err)
	}
	return d, nil
}

// updateDelivery records the outcome of a request on the row id.
func updateDelivery(tx core.App, id, state string, attempts, lastStatus int, next time.Time, now time.Time) error {
	params := dbx.Params{
		"state":       state,
		"attempts":    attempts,
		"last_status": lastStatus,
		"updated":     dbTime(now),
	}
	if !next.IsZero() {
		params["next_attempt"] = dbTime(next)
	}
	if _, err := tx.DB().Update(collections.PushDeliveries, params, dbx.HashExp{"id": id}).Execute(); err != nil {
		return fmt.Errorf("record the delivery %s: %w", id, err)
	}
	return nil
}

// settleNotification sets the delivery state of a notification that is
// still pending; it tells whether it did.
func settleNotification(tx core.App, id, state string, attempts int, now time.Time) (bool, error) {
	stamp := dbTime(now)
	res, err := tx.DB().Update(collections.Notifications, dbx.Params{
		"delivery":     state,
		"attempts":     attempts,
		"delivered_at": stamp,
		"updated":      stamp,
	}, dbx.HashExp{"id": id, "delivery": NotificationPending}).Execute()
	if err != nil {
		return false, fmt.Errorf("settle the notification %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// updateFailures sets the count of consecutive failed deliveries of the
// subscription id.
func updateFailures(tx core.App, id string, failures int, now time.Time) error {
	_, err := tx.DB().Update(collections.PushSubscriptions, dbx.Params{
		"failures": failures,
		"updated":  dbTime(now),
	}, dbx.HashExp{"id": id}).Execute()
	if err != nil {
		return fmt.Errorf("record the failures of the subscription %s: %w", id, err)
	}
	return nil
}
