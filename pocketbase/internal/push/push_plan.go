package push

import (
	"context"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// pageSize is the number of records read (and written in one transaction)
// at a time.
const pageSize = 500

// plan walks the pending notifications page by page. For each it creates a
// pending push_deliveries row for every subscription of its owner that has
// none yet, and settles it when nothing is left to send: "none" when the
// owner has no subscription (left), "sent" when a device accepted it,
// "failed" otherwise. Stats.Waiting counts the ones left pending.
func (w *Worker) plan(ctx context.Context) (Stats, error) {
	var stats Stats
	last := ""
	for {
		if err := ctx.Err(); err != nil {
			return stats, err
		}

		var notes []*core.Record
		err := w.app.RecordQuery(collections.Notifications).
			AndWhere(dbx.HashExp{"delivery": NotificationPending}).
			AndWhere(dbx.NewExp("[[id]] > {:last}", dbx.Params{"last": last})).
			OrderBy("id").
			Limit(pageSize).
			All(&notes)
		if err != nil {
			return stats, fmt.Errorf("read the pending notifications: %w", err)
		}
		if len(notes) == 0 {
			return stats, nil
		}
		last = notes[len(notes)-1].Id

		page, err := w.planPage(notes)
		stats.add(page)
		if err != nil {
			return stats, err
		}
	}
}

// planPage plans and settles one page of pending notifications.
func (w *Worker) planPage(notes []*core.Record) (Stats, error) {
	owners := make([]any, 0, len(notes))
	ids := make([]any, len(notes))
	seen := map[string]bool{}
	for i, n := range notes {
		ids[i] = n.Id
		if owner := n.GetString("owner"); !seen[owner] {
			seen[owner] = true
			owners = append(owners, owner)
		}
	}

	var stats Stats
	now := w.config.Now()
	// read and write in one transaction: no subscription can go between
	// the read and the rows made for it
	err := w.app.RunInTransaction(func(tx core.App) error {
		stats = Stats{}

		var subs []*core.Record
		if err := tx.RecordQuery(collections.PushSubscriptions).
			AndWhere(dbx.In("owner", owners...)).
			OrderBy("id").
			All(&subs); err != nil {
			return fmt.Errorf("read the subscriptions: %w", err)
		}
		subsByOwner := map[string][]*core.Record{}
		for _, s := range subs {
			owner := s.GetString("owner")
			subsByOwner[owner] = append(subsByOwner[owner], s)
		}

		var rows []delivery
		if err := selectDeliveries(tx).
			Where(dbx.In("notification", ids...)).
			All(&rows); err != nil {
			return fmt.Errorf("read the deliveries: %w", err)
		}
		rowsByNote := map[string][]delivery{}
		for _, r := range rows {
			rowsByNote[r.Notification] = append(rowsByNote[r.Notification], r)
		}

		for _, n := range notes {
			noteRows := rowsByNote[n.Id]

			has := map[string]bool{}
			for _, r := range noteRows {
				has[r.Subscription] = true
			}
			for _, s := range subsByOwner[n.GetString("owner")] {
				if has[s.Id] {
					continue
				}
				r, err := insertDelivery(tx, n.Id, s.Id, now)
				if err != nil {
					return err
				}
				noteRows = append(noteRows, r)
				stats.Planned++
			}

			state, attempts, settled := outcome(noteRows)
			if !settled {
				stats.Waiting++
				continue
			}
			changed, err := settleNotification(tx, n.Id, state, attempts, now)
			if err != nil {
				return err
			}
			if changed {
				stats.Settled++
			}
		}
		return nil
	})
	return stats, err
}

// outcome returns the delivery state of a notification with the given
// delivery rows and the requests made for it; settled is false while a
// row is pending.
func outcome(rows []delivery) (state string, attempts int, settled bool) {
	if len(rows) == 0 {
		return NotificationNone, 0, true
	}
	state = NotificationFailed
	for _, r := range rows {
		attempts += r.Attempts
		switch r.State {
		case DeliveryPending:
			return "", 0, false
		case DeliverySent:
			state = NotificationSent
		}
	}
	return state, attempts, true
}
