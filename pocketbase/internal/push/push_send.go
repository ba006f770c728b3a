package push

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/SherClockHolmes/webpush-go"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// job is one request to make: a due delivery row with what it needs.
type job struct {
	delivery delivery

	subscription string
	endpoint     string
	p256dh       string
	auth         string
	failures     int // the subscription's failures when the job was made

	payload []byte
	options Options
	topic   string
}

// kind of the outcome of a request.
type kind int

const (
	outcomeSent    kind = iota // 2xx
	outcomeGone                // 404, 410: the subscription is no more
	outcomeRetry               // 408, 429, 5xx, timeout, network error
	outcomeFailed              // any other answer, or nothing to send
	outcomeSkipped             // its subscription went in this pass
	outcomeRefused             // the endpoint led inward or redirected: the subscription goes
)

// result is the outcome of a job.
type result struct {
	job        *job
	kind       kind
	status     int           // HTTP status (0: no answer)
	retryAfter time.Duration // the push service's Retry-After
	err        error
}

// sendDue sends every due pending delivery with at most Workers requests
// in flight and records each outcome.
func (w *Worker) sendDue(ctx context.Context) (Stats, error) {
	jobs := make(chan *job)
	results := make(chan result, w.config.Workers)

	// subscriptions answered 404/410 in this pass: their other jobs are
	// dropped (their rows go with the subscription)
	var gone sync.Map

	var senders sync.WaitGroup
	for range w.config.Workers {
		senders.Go(func() {
			for j := range jobs {
				if _, ok := gone.Load(j.subscription); ok {
					results <- result{job: j, kind: outcomeSkipped}
					continue
				}
				r := w.deliver(j)
				if r.kind == outcomeGone || r.kind == outcomeRefused {
					gone.Store(j.subscription, true)
				}
				results <- r
			}
		})
	}

	type recorded struct {
		stats Stats
		err   error
	}
	writer := make(chan recorded, 1)
	go func() {
		stats, err := w.record(results)
		writer <- recorded{stats, err}
	}()

	produceErr := w.produce(ctx, jobs)
	close(jobs)
	senders.Wait()
	close(results)
	rec := <-writer

	if rec.err != nil {
		return rec.stats, rec.err
	}
	if produceErr != nil && !errors.Is(produceErr, context.Canceled) {
		return rec.stats, produceErr
	}
	return rec.stats, ctx.Err()
}

// produce reads the due pending deliveries page by page and hands them to
// the senders, until there are none or ctx is cancelled.
func (w *Worker) produce(ctx context.Context, jobs chan<- *job) error {
	now := dbTime(w.config.Now())

	last := ""
	for {
		if err := ctx.Err(); err != nil {
			return err
		}

		var rows []delivery
		err := selectDeliveries(w.app).
			Where(dbx.HashExp{"state": DeliveryPending}).
			AndWhere(dbx.NewExp("[[next_attempt]] <= {:now}", dbx.Params{"now": now})).
			AndWhere(dbx.NewExp("[[id]] > {:last}", dbx.Params{"last": last})).
			OrderBy("id").
			Limit(pageSize).
			All(&rows)
		if err != nil {
			return fmt.Errorf("read the due deliveries: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		last = rows[len(rows)-1].Id

		page, err := w.jobs(rows)
		if err != nil {
			return err
		}
		for _, j := range page {
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

// jobs turns delivery rows into jobs, reading their subscriptions,
// notifications and applications in one query each. Rows whose
// subscription or notification no longer exists are removed.
func (w *Worker) jobs(rows []delivery) ([]*job, error) {
	subIds := make([]string, len(rows))
	noteIds := make([]string, len(rows))
	for i, r := range rows {
		subIds[i], noteIds[i] = r.Subscription, r.Notification
	}
	subs, err := w.byId(collections.PushSubscriptions, subIds)
	if err != nil {
		return nil, err
	}
	notes, err := w.byId(collections.Notifications, noteIds)
	if err != nil {
		return nil, err
	}
	appIds := make([]string, 0, len(notes))
	for _, n := range notes {
		appIds = append(appIds, n.GetString("application"))
	}
	apps, err := w.byId(collections.Applications, appIds)
	if err != nil {
		return nil, err
	}

	payloads := map[string][]byte{}
	out := make([]*job, 0, len(rows))
	var orphans []any
	for _, r := range rows {
		s, n := subs[r.Subscription], notes[r.Notification]
		if s == nil || n == nil {
			orphans = append(orphans, r.Id)
			continue
		}

		payload, ok := payloads[n.Id]
		if !ok {
			reference := ""
			if a := apps[n.GetString("application")]; a != nil {
				reference = a.GetString("reference")
			}
			if payload, err = NewPayload(n, reference).Encode(); err != nil {
				return nil, fmt.Errorf("encode the payload of %s: %w", n.Id, err)
			}
			payloads[n.Id] = payload
		}

		out = append(out, &job{
			delivery:     r,
			subscription: s.Id,
			endpoint:     s.GetString("endpoint"),
			p256dh:       s.GetString("p256dh"),
			auth:         s.GetString("auth"),
			failures:     s.GetInt("failures"),
			payload:      payload,
			options:      KindOptions(n.GetString("kind")),
			topic:        Topic(n.GetString("application")),
		})
	}

	// a row whose subscription or notification went without the cascade
	// (deleted by SQL) would stay pending and hold its notification back
	if len(orphans) > 0 {
		if _, err := w.app.DB().Delete(collections.PushDeliveries, dbx.In("id", orphans...)).Execute(); err != nil {
			return nil, fmt.Errorf("remove %d orphaned deliveries: %w", len(orphans), err)
		}
	}
	return out, nil
}

// byId reads the records of collection with the given ids ("" and
// repeats are skipped).
func (w *Worker) byId(collection string, ids []string) (map[string]*core.Record, error) {
	unique := make([]string, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			unique = append(unique, id)
		}
	}
	out := make(map[string]*core.Record, len(unique))
	if len(unique) == 0 {
		return out, nil
	}
	records, err := w.app.FindRecordsByIds(collection, unique)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", collection, err)
	}
	for _, r := range records {
		out[r.Id] = r
	}
	return out, nil
}

// deliver makes the request of j through webpush-go (RFC 8291 encryption,
// RFC 8292 VAPID) and classifies the answer.
func (w *Worker) deliver(j *job) result {
	u, err := url.Parse(j.endpoint)
	if err == nil {
		err = w.config.AllowEndpoint(u)
	}
	if err != nil {
		return result{job: j, kind: outcomeFailed, err: fmt.Errorf("endpoint refused: %w", err)}
	}

	// not tied to the pass: Stop lets a request in flight finish so that
	// its answer is recorded; the client timeout bounds it
	// webpush-go pads the message by appending to the slice it is given,
	// which would write into a payload shared by the jobs of the other
	// devices: each request gets its own copy
	message := bytes.Clone(j.payload)
	resp, err := webpush.SendNotificationWithContext(context.Background(), message, &webpush.Subscription{
		Endpoint: j.endpoint,
		Keys:     webpush.Keys{P256dh: j.p256dh, Auth: j.auth},
	}, &webpush.Options{
		HTTPClient:      w.client,
		Subscriber:      w.subscriber,
		Topic:           j.topic,
		TTL:             int(j.options.TTL / time.Second),
		Urgency:         j.options.Urgency,
		VAPIDPublicKey:  w.keys.Public,
		VAPIDPrivateKey: w.keys.Private,
	})
	if err != nil {
		if errors.Is(err, ErrInwardAddress) {
			return result{job: j, kind: outcomeRefused, err: err}
		}
		var netErr *url.Error
		if errors.As(err, &netErr) {
			// the request was made and got no answer: timeout, refused, reset
			return result{job: j, kind: outcomeRetry, err: err}
		}
		// nothing was sent: the subscription's keys cannot be used
		return result{job: j, kind: outcomeFailed, err: err}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()

	r := result{job: j, status: resp.StatusCode}
	switch s := resp.StatusCode; {
	case s >= 200 && s < 300:
		r.kind = outcomeSent
	case s == http.StatusNotFound || s == http.StatusGone:
		r.kind = outcomeGone
	case s >= 300 && s < 400:
		r.kind = outcomeRefused
		r.err = fmt.Errorf("%w (%d)", ErrRedirect, s)
	case s == http.StatusRequestTimeout || s == http.StatusTooManyRequests || s >= 500:
		r.kind = outcomeRetry
		r.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), w.config.Now())
	default:
		r.kind = outcomeFailed
	}
	return r
}

// parseRetryAfter reads a Retry-After header (seconds or an HTTP date).
func parseRetryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if s, err := strconv.Atoi(value); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(value); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// backoff returns the wait before the next request of a delivery that has
// had attempts requests: RetryBase·2^(attempts-1), at least the push
// service's Retry-After, capped at RetryMax, with jitter.
func (w *Worker) backoff(attempts int, retryAfter time.Duration) time.Duration {
	d := w.config.RetryBase
	for i := 1; i < attempts && d < w.config.RetryMax; i++ {
		d *= 2
	}
	d = min(d, w.config.RetryMax)
	d = w.config.Jitter(d)
	if retryAfter > d {
		d = min(retryAfter, w.config.RetryMax)
	}
	return d
}

// webpushSubscriber returns subject in the form webpush-go expects for its
// "sub" claim: it prefixes "mailto:" to anything that does not start with
// "https:", so a mailto: subject is passed without its scheme.
func webpushSubscriber(subject string) string {
	return strings.TrimPrefix(subject, "mailto:")
}
