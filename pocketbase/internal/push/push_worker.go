package push

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Stats counts what one pass of the worker did.
type Stats struct {
	// Planned is the number of push_deliveries rows created.
	Planned int
	// Sent, Retried, Failed and Gone count the requests made by outcome:
	// accepted; to be retried; given up; subscription removed (404, 410).
	// Refused counts the subscriptions removed because their endpoint led
	// inward (an inward address after resolving, or a redirect).
	Sent, Retried, Failed, Gone, Refused int
	// Settled is the number of notifications whose delivery was settled.
	Settled int
	// Waiting is the number of notifications left pending at the end of
	// the pass (a delivery waits for its retry).
	Waiting int
}

// add adds o to s.
func (s *Stats) add(o Stats) {
	s.Planned += o.Planned
	s.Sent += o.Sent
	s.Retried += o.Retried
	s.Failed += o.Failed
	s.Gone += o.Gone
	s.Refused += o.Refused
	s.Settled += o.Settled
	s.Waiting += o.Waiting
}

// Worker delivers the pending notifications of one app. Passes never
// overlap: Start runs them on a ticker and on Trigger, RunOnce runs one.
type Worker struct {
	app    core.App
	keys   Keys
	config Config
	client *http.Client

	// subscriber is Keys.Subject as webpush-go wants it (it prefixes
	// "mailto:" to anything that is not an https: URL)
	subscriber string

	pass    sync.Mutex
	trigger chan struct{}

	loop   sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// NewWorker returns a stopped worker that sends the pending notifications
// of app signed with keys; config is completed with its defaults.
func NewWorker(app core.App, keys Keys, config Config) (*Worker, error) {
	if keys.Subject == "" {
		keys.Subject = DefaultSubject
	}
	if err := checkSubject(keys.Subject); err != nil {
		return nil, err
	}
	if _, err := ParseKeys(keys.Public, keys.Private); err != nil {
		return nil, err
	}

	config = withDefaults(config)
	w := &Worker{
		app:        app,
		keys:       keys,
		config:     config,
		client:     &http.Client{Timeout: config.Timeout, Transport: config.Transport, CheckRedirect: noRedirects},
		subscriber: webpushSubscriber(keys.Subject),
		trigger:    make(chan struct{}, 1),
	}
	return w, nil
}

// withDefaults fills the zero fields of c.
func withDefaults(c Config) Config {
	if c.Interval == 0 {
		c.Interval = DefaultInterval
	}
	if c.Workers <= 0 {
		c.Workers = DefaultWorkers
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.RetryBase <= 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.RetryMax <= 0 {
		c.RetryMax = DefaultRetryMax
	}
	if c.Transport == nil {
		c.Transport = GuardedTransport(c.Workers, c.AllowLoopback)
	}
	if c.AllowEndpoint == nil {
		c.AllowEndpoint = DefaultEndpointPolicy
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Jitter == nil {
		c.Jitter = equalJitter
	}
	return c
}

// equalJitter returns a random duration in [d/2, d].
func equalJitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2+1)
}

// Trigger asks the running worker for a pass soon; triggers that arrive
// during a pass are merged into one more pass.
func (w *Worker) Trigger() {
	select {
	case w.trigger <- struct{}{}:
	default:
	}
}

// Start runs a pass now, then on every Interval and on every Trigger,
// until Stop. Starting a started worker does nothing.
func (w *Worker) Start() {
	w.loop.Lock()
	defer w.loop.Unlock()
	if w.cancel != nil {
		return
	}

	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.done = make(chan struct{})
	w.Trigger()

	go func(done chan struct{}) {
		defer close(done)

		var tick <-chan time.Time
		if w.config.Interval > 0 {
			ticker := time.NewTicker(w.config.Interval)
			defer ticker.Stop()
			tick = ticker.C
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick:
			case <-w.trigger:
			}
			if _, err := w.RunOnce(ctx); err != nil && !errors.Is(err, context.Canceled) {
				w.app.Logger().Error("push: delivery pass", "error", err)
			}
		}
	}(w.done)
}

// Stop ends the loop started by Start and waits for the current pass:
// no new request is made, the requests in flight finish (within Timeout)
// and their outcome is recorded.
func (w *Worker) Stop() {
	w.loop.Lock()
	defer w.loop.Unlock()
	if w.cancel == nil {
		return
	}
	w.cancel()
	<-w.done
	w.cancel = nil
	w.done = nil
}

// RunOnce makes one pass: it creates the missing delivery rows of the
// pending notifications (and settles those with nothing left to send),
// sends every due pending delivery, and settles the notifications whose
// deliveries are all settled. Cancelling ctx stops it from starting new
// requests; the ones in flight are still recorded.
func (w *Worker) RunOnce(ctx context.Context) (stats Stats, err error) {
	w.pass.Lock()
	defer w.pass.Unlock()
	defer func() {
		if stats.Planned+stats.Sent+stats.Retried+stats.Failed+stats.Gone+stats.Refused+stats.Settled > 0 {
			w.app.Logger().Info("push: delivery pass",
				"planned", stats.Planned, "sent", stats.Sent, "retried", stats.Retried, "failed", stats.Failed,
				"gone", stats.Gone, "refused", stats.Refused, "settled", stats.Settled, "waiting", stats.Waiting)
		}
	}()

	planned, err := w.plan(ctx)
	stats.add(planned)
	stats.Waiting = planned.Waiting
	if err != nil || planned.Waiting == 0 {
		return stats, err
	}

	sent, err := w.sendDue(ctx)
	stats.add(sent)
	if err != nil {
		return stats, err
	}

	settled, err := w.plan(ctx)
	stats.add(settled)
	stats.Waiting = settled.Waiting
	return stats, err
}
