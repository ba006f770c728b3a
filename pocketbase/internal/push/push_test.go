package push_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// clock is a settable clock for the worker.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// fixture is a test app with a local push service and a worker on a
// settable clock (no jitter, RetryBase 10 s).
type fixture struct {
	app    *tests.TestApp
	svc    *pushService
	keys   push.Keys
	clock  *clock
	config push.Config
	worker *push.Worker
}

func newFixture(t *testing.T) *fixture {
	t.Helper()

	app := testapp.New(t)
	// the fixtures' subscriptions carry placeholder keys and hosts
	for _, id := range []string{testapp.SubA, testapp.SubB} {
		r, err := app.FindRecordById(collections.PushSubscriptions, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.Delete(r); err != nil {
			t.Fatal(err)
		}
	}

	keys, err := push.GenerateKeys()
	if err != nil {
		t.Fatal(err)
	}
	keys.Subject = push.DefaultSubject

	f := &fixture{app: app, keys: keys, clock: &clock{t: time.Date(2026, 11, 28, 0, 30, 0, 0, time.UTC)}}
	f.svc = newPushService(t, keys)
	f.config = push.Config{
		Interval:      -1,
		Workers:       4,
		Timeout:       2 * time.Second,
		RetryBase:     10 * time.Second,
		RetryMax:      10 * time.Minute,
		Transport:     f.svc.transport(4),
		AllowEndpoint: func(*url.URL) error { return nil }, // the local service is on 127.0.0.1
		Now:           f.clock.Now,
		Jitter:        func(d time.Duration) time.Duration { return d },
	}
	f.worker = f.newWorker(t)
	return f
}

func (f *fixture) newWorker(t *testing.T) *push.Worker {
	t.Helper()
	w, err := push.NewWorker(f.app, f.keys, f.config)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// run makes one pass of w (default: the fixture's worker).
func (f *fixture) run(t *testing.T, w ...*push.Worker) push.Stats {
	t.Helper()
	worker := f.worker
	if len(w) > 0 {
		worker = w[0]
	}
	stats, err := worker.RunOnce(context.Background())
	if err != nil {
		t.Fatalf("pass: %v", err)
	}
	return stats
}

// notify creates a pending notification for owner, as the workflow does.
func (f *fixture) notify(t *testing.T, owner, application, kind, title, body string) *core.Record {
	t.Helper()
	c, err := f.app.FindCollectionByNameOrId(collections.Notifications)
	if err != nil {
		t.Fatal(err)
	}
	n := core.NewRecord(c)
	n.Load(map[string]any{
		"owner": owner, "application": application, "kind": kind,
		"title": title, "body": body, "delivery": push.NotificationPending,
	})
	if err := f.app.Save(n); err != nil {
		t.Fatalf("create notification: %v", err)
	}
	return n
}

func (f *fixture) record(t *testing.T, collection, id string) *core.Record {
	t.Helper()
	r, err := f.app.FindRecordById(collection, id)
	if err != nil {
		t.Fatalf("find %s/%s: %v", collection, id, err)
	}
	return r
}

// deliveries returns the push_deliveries rows of a notification.
func (f *fixture) deliveries(t *testing.T, notification string) []*core.Record {
	t.Helper()
	rows, err := f.app.FindAllRecords(collections.PushDeliveries, dbx.HashExp{"notification": notification})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkAll fails t for every received message whose VAPID check or
// decryption failed.
func checkAll(t *testing.T, ms []message) {
	t.Helper()
	for _, m := range ms {
		if m.err != nil {
			t.Errorf("message to %s: %v", m.device, m.err)
		}
	}
}

func TestTextArrivesIntact(t *testing.T) {
	f := newFixture(t)

	app := f.record(t, "applications", testapp.ApplicationA)
	app.Set("reference", "BPN-20261128-0042")
	if err := f.app.Save(app); err != nil {
		t.Fatal(err)
	}
	phone := f.svc.newDevice(t, "phone")
	subscribe(t, f.app, testapp.ResidentA, phone)

	title := "Akta kelahiran siap diunduh"
	body := "Perlu perbaikan? Tidak — dokumen Anda sudah selesai. Silakan unduh di aplikasi “Dukcapil Daring” 🙏 <terima kasih> & salam"
	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", title, body)

	stats := f.run(t)
	if stats.Sent != 1 || stats.Settled != 1 {
		t.Fatalf("stats %+v, want 1 sent and 1 settled", stats)
	}

	ms := f.svc.messages("phone")
	if len(ms) != 1 {
		t.Fatalf("%d messages, want 1", len(ms))
	}
	checkAll(t, ms)
	got := ms[0].payload
	want := push.Payload{
		Id: n.Id, Kind: "completed", Title: title, Body: body,
		Application: testapp.ApplicationA, Reference: "BPN-20261128-0042",
		URL: "/permohonan/" + testapp.ApplicationA, Tag: "app-" + testapp.ApplicationA,
	}
	if got != want {
		t.Errorf("payload\n got %+v\nwant %+v", got, want)
	}
	h := ms[0].header
	if h.Get("TTL") != strconv.Itoa(7*24*3600) || h.Get("Urgency") != "high" || h.Get("Topic") != "app-"+testapp.ApplicationA {
		t.Errorf("headers TTL=%q Urgency=%q Topic=%q", h.Get("TTL"), h.Get("Urgency"), h.Get("Topic"))
	}

	n = f.record(t, collections.Notifications, n.Id)
	if n.GetString("delivery") != push.NotificationSent || n.GetInt("attempts") != 1 || n.GetDateTime("delivered_at").IsZero() {
		t.Errorf("notification delivery=%q attempts=%d delivered_at=%v",
			n.GetString("delivery"), n.GetInt("attempts"), n.GetDateTime("delivered_at"))
	}
	rows := f.deliveries(t, n.Id)
	if len(rows) != 1 || rows[0].GetString("state") != push.DeliverySent || rows[0].GetInt("last_status") != 201 {
		t.Errorf("delivery rows %v", rows)
	}
}

func TestNotificationWithoutApplication(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))

	n := f.notify(t, testapp.ResidentA, "", "info", "Layanan libur", "Kantor tutup pada 25 Desember.")
	f.run(t)

	ms := f.svc.messages("phone")
	if len(ms) != 1 {
		t.Fatalf("%d messages, want 1", len(ms))
	}
	checkAll(t, ms)
	p := ms[0].payload
	if p.URL != "/notifikasi" || p.Tag != "ntf-"+n.Id || p.Application != "" || p.Reference != "" {
		t.Errorf("payload %+v", p)
	}
	if h := ms[0].header; h.Get("Topic") != "" || h.Get("TTL") != "86400" || h.Get("Urgency") != "low" {
		t.Errorf("headers TTL=%q Urgency=%q Topic=%q", h.Get("TTL"), h.Get("Urgency"), h.Get("Topic"))
	}
}

func TestGoneRemovesSubscription(t *testing.T) {
	for _, status := range []int{http.StatusGone, http.StatusNotFound} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			f := newFixture(t)
			old := f.svc.newDevice(t, "old")
			phone := f.svc.newDevice(t, "phone")
			oldSub := subscribe(t, f.app, testapp.ResidentA, old)
			subscribe(t, f.app, testapp.ResidentA, phone)
			f.svc.answer("old", status)

			n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "needs_revision", "Perlu perbaikan", "Foto KK kurang jelas.")
			stats := f.run(t)
			if stats.Gone != 1 || stats.Sent != 1 {
				t.Errorf("stats %+v, want 1 gone and 1 sent", stats)
			}

			if _, err := f.app.FindRecordById(collections.PushSubscriptions, oldSub.Id); err == nil {
				t.Fatal("the subscription answered with", status, "is still there")
			}
			rows := f.deliveries(t, n.Id)
			if len(rows) != 1 || rows[0].GetString("state") != push.DeliverySent {
				t.Errorf("rows %v, want only the phone's, sent", rows)
			}
			if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationSent {
				t.Errorf("delivery %q, want sent", got)
			}

			// the next notification goes to the phone only
			f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
			f.clock.advance(time.Hour)
			f.run(t)
			if got := len(f.svc.messages("old")); got != 1 {
				t.Errorf("%d requests to the removed subscription, want 1", got)
			}
			if got := len(f.svc.messages("phone")); got != 2 {
				t.Errorf("%d messages to the phone, want 2", got)
			}
		})
	}
}

func TestOnlyDeviceGoneEndsNone(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "old"))
	f.svc.answer("old", http.StatusGone)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "queued", "Masuk antrean", "Nomor antrean 12.")
	f.run(t)
	if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationNone {
		t.Errorf("delivery %q, want none (no device left)", got)
	}
}

func TestServerErrorRetriedThenDeliveredOnce(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.answer("phone", 500, 500)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Akta kelahiran siap diunduh", "Silakan unduh.")

	// 1st request: 500, due again after RetryBase
	if s := f.run(t); s.Retried != 1 || s.Settled != 0 {
		t.Fatalf("pass 1: %+v", s)
	}
	row := f.deliveries(t, n.Id)[0]
	if row.GetString("state") != push.DeliveryPending || row.GetInt("attempts") != 1 || row.GetInt("last_status") != 500 {
		t.Fatalf("after 500: state=%q attempts=%d last_status=%d", row.GetString("state"), row.GetInt("attempts"), row.GetInt("last_status"))
	}
	if due := row.GetDateTime("next_attempt").Time(); !due.Equal(f.clock.Now().Add(10 * time.Second)) {
		t.Errorf("next attempt %s, want now+10s", due)
	}

	// not due yet: no request
	f.clock.advance(9 * time.Second)
	f.run(t)
	if got := len(f.svc.messages("phone")); got != 1 {
		t.Fatalf("%d requests before the backoff ended, want 1", got)
	}

	// 2nd request: 500 again, backoff doubles
	f.clock.advance(time.Second)
	if s := f.run(t); s.Retried != 1 {
		t.Fatalf("pass 2: %+v", s)
	}
	row = f.deliveries(t, n.Id)[0]
	if due := row.GetDateTime("next_attempt").Time(); !due.Equal(f.clock.Now().Add(20 * time.Second)) {
		t.Errorf("next attempt %s, want now+20s", due)
	}

	// 3rd request: 201
	f.clock.advance(20 * time.Second)
	if s := f.run(t); s.Sent != 1 || s.Settled != 1 {
		t.Fatalf("pass 3: %+v", s)
	}

	// and nothing more, however long we wait
	for range 3 {
		f.clock.advance(time.Hour)
		f.run(t)
	}

	ms := f.svc.messages("phone")
	checkAll(t, ms)
	if got := statusText(ms); got != "500,500,201" {
		t.Errorf("answers %s, want 500,500,201 (one accepted delivery)", got)
	}
	accepted := 0
	for _, m := range ms {
		if m.status == 201 && m.payload.Id == n.Id {
			accepted++
		}
	}
	if accepted != 1 {
		t.Errorf("%d accepted deliveries, want exactly 1", accepted)
	}
	n = f.record(t, collections.Notifications, n.Id)
	if n.GetString("delivery") != push.NotificationSent || n.GetInt("attempts") != 3 {
		t.Errorf("notification delivery=%q attempts=%d, want sent after 3", n.GetString("delivery"), n.GetInt("attempts"))
	}
}

func TestRetriesGiveUp(t *testing.T) {
	f := newFixture(t)
	f.config.MaxAttempts = 3
	f.worker = f.newWorker(t)
	sub := subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.answer("phone", 503, 429, 502)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	for range 5 {
		f.run(t)
		f.clock.advance(time.Hour)
	}

	if got := statusText(f.svc.messages("phone")); got != "503,429,502" {
		t.Errorf("answers %s, want 503,429,502 and then no more requests", got)
	}
	row := f.deliveries(t, n.Id)[0]
	if row.GetString("state") != push.DeliveryFailed || row.GetInt("attempts") != 3 {
		t.Errorf("row state=%q attempts=%d, want failed after 3", row.GetString("state"), row.GetInt("attempts"))
	}
	if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationFailed {
		t.Errorf("delivery %q, want failed", got)
	}
	if got := f.record(t, collections.PushSubscriptions, sub.Id).GetInt("failures"); got != 1 {
		t.Errorf("subscription failures %d, want 1", got)
	}

	// a later success resets the count of consecutive failures
	f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t)
	if got := f.record(t, collections.PushSubscriptions, sub.Id).GetInt("failures"); got != 0 {
		t.Errorf("subscription failures %d after a success, want 0", got)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.mu.Lock()
	f.svc.header = http.Header{"Retry-After": {"120"}}
	f.svc.mu.Unlock()

	n := f.notify(t, testapp.ResidentA, "", "info", "Halo", "Tes.")
	f.svc.answer("phone", http.StatusTooManyRequests)
	f.run(t)
	row := f.deliveries(t, n.Id)[0]
	if due := row.GetDateTime("next_attempt").Time(); !due.Equal(f.clock.Now().Add(120 * time.Second)) {
		t.Errorf("next attempt %s, want now+120s (Retry-After)", due)
	}
}

func TestTimeoutRetried(t *testing.T) {
	f := newFixture(t)
	f.config.Timeout = 200 * time.Millisecond
	f.worker = f.newWorker(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))

	f.svc.mu.Lock()
	f.svc.delay = 600 * time.Millisecond
	f.svc.mu.Unlock()

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	if s := f.run(t); s.Retried != 1 {
		t.Fatalf("pass with a slow push service: %+v, want 1 retried", s)
	}
	row := f.deliveries(t, n.Id)[0]
	if row.GetString("state") != push.DeliveryPending || row.GetInt("last_status") != 0 {
		t.Errorf("after a timeout: state=%q last_status=%d", row.GetString("state"), row.GetInt("last_status"))
	}

	f.svc.mu.Lock()
	f.svc.delay = 0
	f.svc.mu.Unlock()
	f.clock.advance(time.Minute)
	if s := f.run(t); s.Sent != 1 {
		t.Fatalf("pass after recovery: %+v, want 1 sent", s)
	}
}

func TestOtherClientErrorFails(t *testing.T) {
	f := newFixture(t)
	sub := subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.answer("phone", http.StatusRequestEntityTooLarge)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t)
	f.clock.advance(time.Hour)
	f.run(t)

	if got := len(f.svc.messages("phone")); got != 1 {
		t.Errorf("%d requests, want 1 (413 is not retried)", got)
	}
	row := f.deliveries(t, n.Id)[0]
	if row.GetString("state") != push.DeliveryFailed || row.GetInt("last_status") != 413 {
		t.Errorf("row state=%q last_status=%d", row.GetString("state"), row.GetInt("last_status"))
	}
	if f.record(t, collections.PushSubscriptions, sub.Id).GetInt("failures") != 1 {
		t.Error("the failure is not counted on the subscription")
	}
}

func TestEveryDeviceOfTheOwnerAndNoOther(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "a-phone"))
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "a-tablet"))
	subscribe(t, f.app, testapp.ResidentB, f.svc.newDevice(t, "b-phone"))

	na := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Untuk Budi", "Akta siap.")
	f.run(t)

	for _, d := range []string{"a-phone", "a-tablet"} {
		ms := f.svc.messages(d)
		checkAll(t, ms)
		if len(ms) != 1 || ms[0].payload.Id != na.Id || ms[0].payload.Title != "Untuk Budi" {
			t.Errorf("%s got %d messages, want the notification once", d, len(ms))
		}
	}
	if got := len(f.svc.messages("b-phone")); got != 0 {
		t.Errorf("resident B's phone got %d messages of resident A", got)
	}

	nb := f.notify(t, testapp.ResidentB, testapp.ApplicationB, "rejected", "Untuk Rina", "Permohonan ditolak.")
	f.run(t)
	if ms := f.svc.messages("b-phone"); len(ms) != 1 || ms[0].payload.Id != nb.Id {
		t.Errorf("resident B's phone got %d messages, want its own once", len(ms))
	}
	if got := len(f.svc.messages("")); got != 3 {
		t.Errorf("%d messages in all, want 3", got)
	}
}

func TestRestartDoesNotResend(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "tablet"))
	f.svc.answer("tablet", 503)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t) // phone: sent; tablet: to retry

	// a new worker (the server restarted) on the same data
	restarted := f.newWorker(t)
	f.clock.advance(time.Hour)
	for range 3 {
		f.run(t, restarted)
	}
	if got := len(f.svc.messages("phone")); got != 1 {
		t.Errorf("phone got %d messages after the restart, want 1", got)
	}
	if got := statusText(f.svc.messages("tablet")); got != "503,201" {
		t.Errorf("tablet answers %s, want 503,201", got)
	}
	if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationSent {
		t.Errorf("delivery %q, want sent", got)
	}

	// the running loop of another worker does not resend either
	again := f.newWorker(t)
	again.Start()
	again.Trigger()
	time.Sleep(200 * time.Millisecond)
	again.Stop()
	if got := len(f.svc.messages("")); got != 3 {
		t.Errorf("%d messages in all, want 3", got)
	}
}

func TestNoSubscriptionEndsNone(t *testing.T) {
	f := newFixture(t)
	n := f.notify(t, testapp.ResidentB, testapp.ApplicationB, "completed", "Selesai", "Dokumen siap.")

	if s := f.run(t); s.Settled != 1 || s.Planned != 0 {
		t.Errorf("stats %+v", s)
	}
	n = f.record(t, collections.Notifications, n.Id)
	if n.GetString("delivery") != push.NotificationNone || n.GetDateTime("delivered_at").IsZero() {
		t.Errorf("delivery=%q delivered_at=%v, want none and a time", n.GetString("delivery"), n.GetDateTime("delivered_at"))
	}
	if got := len(f.svc.messages("")); got != 0 {
		t.Errorf("%d messages, want none", got)
	}
}

func TestSettledNotificationNotSentToNewDevice(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t)

	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "tablet"))
	f.run(t)
	if got := len(f.svc.messages("tablet")); got != 0 {
		t.Errorf("a device subscribed later got %d old messages", got)
	}
}

func TestUnusableSubscriptionKeysFail(t *testing.T) {
	f := newFixture(t)
	// stored by server code, past the create-request checks
	d := f.svc.newDevice(t, "broken")
	sub := subscribe(t, f.app, testapp.ResidentA, d)
	sub.Set("p256dh", "bm90LWEta2V5")
	if err := f.app.Save(sub); err != nil {
		t.Fatal(err)
	}

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	if s := f.run(t); s.Failed != 1 {
		t.Errorf("stats %+v, want 1 failed", s)
	}
	if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationFailed {
		t.Errorf("delivery %q, want failed", got)
	}
	if got := len(f.svc.messages("")); got != 0 {
		t.Errorf("%d requests, want none", got)
	}
}

func TestSubscriptionDeletedMeanwhile(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	tablet := subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "tablet"))
	f.svc.answer("tablet", 503)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t) // phone sent, tablet waiting for its retry

	// removed behind PocketBase's back (no cascade): its row is orphaned
	if _, err := f.app.DB().Delete(collections.PushSubscriptions, dbx.HashExp{"id": tablet.Id}).Execute(); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(time.Hour)
	f.run(t)

	if rows := f.deliveries(t, n.Id); len(rows) != 1 {
		t.Errorf("%d rows, want the phone's only", len(rows))
	}
	if got := f.record(t, collections.Notifications, n.Id).GetString("delivery"); got != push.NotificationSent {
		t.Errorf("delivery %q, want sent", got)
	}
}

func TestReadKeptWhenSettled(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.answer("phone", 500)

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.run(t)

	// the resident reads it in the inbox before the push got through
	n = f.record(t, collections.Notifications, n.Id)
	n.Set("read", true)
	if err := f.app.Save(n); err != nil {
		t.Fatal(err)
	}
	f.clock.advance(time.Hour)
	f.run(t)

	n = f.record(t, collections.Notifications, n.Id)
	if n.GetString("delivery") != push.NotificationSent || !n.GetBool("read") {
		t.Errorf("delivery=%q read=%v, want sent and still read", n.GetString("delivery"), n.GetBool("read"))
	}
}

func TestStopRecordsRequestsInFlight(t *testing.T) {
	f := newFixture(t)
	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))
	f.svc.mu.Lock()
	f.svc.delay = 300 * time.Millisecond
	f.svc.mu.Unlock()

	n := f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	f.worker.Start()
	deadline := time.Now().Add(5 * time.Second)
	for {
		f.svc.mu.Lock()
		arrived := f.svc.count
		f.svc.mu.Unlock()
		if arrived > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no request within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	f.worker.Stop() // while the push service is still answering

	row := f.deliveries(t, n.Id)[0]
	if row.GetString("state") != push.DeliverySent || row.GetInt("last_status") != 201 {
		t.Errorf("after Stop: state=%q last_status=%d, want the answer recorded", row.GetString("state"), row.GetInt("last_status"))
	}
}
