package push

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// Batching of the outcomes: one transaction per flushBatch outcomes, or
// after flushDelay, whichever comes first, so that an answer is on disk
// within moments of its arrival.
const (
	flushBatch = 128
	flushDelay = 50 * time.Millisecond
)

// record writes the outcomes arriving on results in batches until the
// channel is closed. After a failed write it keeps draining the channel
// (so that the senders finish) and returns the first error.
func (w *Worker) record(results <-chan result) (Stats, error) {
	var (
		stats    Stats
		firstErr error
		batch    = make([]result, 0, flushBatch)
		timer    = time.NewTimer(flushDelay)
		failures = map[string]int{} // subscription id → failures as last written
	)
	defer timer.Stop()

	flush := func() {
		if len(batch) == 0 {
			return
		}
		s, err := w.flush(batch, failures)
		stats.add(s)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		batch = batch[:0]
	}

	for {
		select {
		case r, ok := <-results:
			if !ok {
				flush()
				return stats, firstErr
			}
			batch = append(batch, r)
			if len(batch) >= flushBatch {
				flush()
			}
		case <-timer.C:
			flush()
			timer.Reset(flushDelay)
		}
	}
}

// flush writes a batch of outcomes in one transaction: the delivery rows,
// the subscriptions answered 404/410 (deleted, with their rows) and the
// subscriptions' counts of consecutive failures (a success resets it);
// failures holds the counts written earlier in the pass.
func (w *Worker) flush(batch []result, failures map[string]int) (Stats, error) {
	var stats Stats
	now := w.config.Now()

	err := w.app.RunInTransaction(func(tx core.App) error {
		stats = Stats{}
		removed := map[string]bool{}
		changed := map[string]bool{}

		for _, r := range batch {
			j := r.job
			if r.kind == outcomeSkipped || removed[j.subscription] {
				continue
			}

			if r.kind == outcomeGone || r.kind == outcomeRefused {
				if r.kind == outcomeGone {
					stats.Gone++
				} else {
					stats.Refused++
				}
				removed[j.subscription] = true
				sub, err := tx.FindRecordById(collections.PushSubscriptions, j.subscription)
				if err != nil {
					continue // already deleted
				}
				// the cascade removes its push_deliveries rows
				if err := tx.Delete(sub); err != nil {
					return fmt.Errorf("remove the subscription %s: %w", j.subscription, err)
				}
				if r.kind == outcomeGone {
					w.app.Logger().Info("push: removed a subscription the push service no longer knows",
						"subscription", j.subscription, "status", r.status)
				} else {
					w.app.Logger().Warn("push: removed a subscription whose endpoint leads inward",
						"subscription", j.subscription, "status", r.status, "error", errString(r.err))
				}
				continue
			}

			d := j.delivery
			attempts := d.Attempts + 1
			kind := r.kind
			if kind == outcomeRetry && attempts >= w.config.MaxAttempts {
				kind = outcomeFailed
			}
			current, ok := failures[j.subscription]
			if !ok {
				current = j.failures
			}

			state, next := DeliveryPending, time.Time{}
			switch kind {
			case outcomeSent:
				stats.Sent++
				state = DeliverySent
				if current != 0 {
					failures[j.subscription] = 0
					changed[j.subscription] = true
				}
			case outcomeRetry:
				stats.Retried++
				next = now.Add(w.backoff(attempts, r.retryAfter))
			default:
				stats.Failed++
				state = DeliveryFailed
				failures[j.subscription] = current + 1
				changed[j.subscription] = true
				w.app.Logger().Warn("push: gave up a delivery",
					"delivery", d.Id, "subscription", j.subscription,
					"attempts", attempts, "status", r.status, "error", errString(r.err))
			}
			if err := updateDelivery(tx, d.Id, state, attempts, r.status, next, now); err != nil {
				return err
			}
		}

		for id := range changed {
			if removed[id] {
				continue
			}
			if err := updateFailures(tx, id, failures[id], now); err != nil {
				return err
			}
		}
		return nil
	})
	return stats, err
}

// errString returns err's message, or "" for nil.
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
