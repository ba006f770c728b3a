package push_test

import (
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

// TestFanOutBenchmark is the push figure of `npm run bench` (run by
// tests/bench/push.js): 10,000 pending notifications of 2,000 residents
// (5 each), every resident with 2 subscribed devices, so 20,000 encrypted
// pushes to a local HTTPS push service that checks the VAPID signature and
// decrypts every 10th message. It times the worker from start until every
// notification is settled, samples the peak Go heap of the process (the
// server side, the test app and the local push service together) and
// prints one line:
//
//	BENCH push_notifications=10000 push_pushes=20000 push_seconds=… push_peak_heap_mb=… push_delivered=…
//
// It runs only with DUKCAPIL_PUSH_BENCH=1; DUKCAPIL_PUSH_BENCH_N changes
// the number of notifications (a multiple of 5).
func TestFanOutBenchmark(t *testing.T) {
	if os.Getenv("DUKCAPIL_PUSH_BENCH") != "1" {
		t.Skip("set DUKCAPIL_PUSH_BENCH=1 to run the push fan-out benchmark")
	}
	const perResident, devicesPerResident = 5, 2
	total := 10_000
	if n, err := strconv.Atoi(os.Getenv("DUKCAPIL_PUSH_BENCH_N")); err == nil && n >= perResident {
		total = n - n%perResident
	}
	residents := total / perResident

	f := newFixture(t)
	f.svc.check = 10

	setupStart := time.Now()
	seedBench(t, f, residents, perResident, devicesPerResident)
	t.Logf("setup: %d residents, %d devices, %d notifications in %s",
		residents, residents*devicesPerResident, total, time.Since(setupStart).Round(time.Millisecond))

	config := f.config
	config.Workers = push.DefaultWorkers
	config.Timeout = push.DefaultTimeout
	config.Interval = push.DefaultInterval
	config.Transport = f.svc.transport(push.DefaultWorkers)
	config.AllowEndpoint = func(*url.URL) error { return nil }
	config.Now = nil // the real clock
	config.Jitter = nil
	w, err := push.NewWorker(f.app, f.keys, config)
	if err != nil {
		t.Fatal(err)
	}

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	peak.Store(base.HeapAlloc)
	stopSampling := make(chan struct{})
	var sampling sync.WaitGroup
	sampling.Go(func() {
		var m runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stopSampling:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	})

	start := time.Now()
	w.Start()
	deadline := start.Add(5 * time.Minute)
	for {
		pending, err := f.app.CountRecords(collections.Notifications, dbx.HashExp{"delivery": push.NotificationPending})
		if err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d notifications still pending after 5 minutes", pending)
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(start)
	w.Stop()
	close(stopSampling)
	sampling.Wait()

	sent, err := f.app.CountRecords(collections.Notifications, dbx.HashExp{"delivery": push.NotificationSent})
	if err != nil {
		t.Fatal(err)
	}
	delivered, err := f.app.CountRecords(collections.PushDeliveries, dbx.HashExp{"state": push.DeliverySent})
	if err != nil {
		t.Fatal(err)
	}
	pushes := total * devicesPerResident
	if int(sent) != total || int(delivered) != pushes {
		t.Errorf("%d of %d notifications sent, %d of %d pushes delivered", sent, total, delivered, pushes)
	}
	f.svc.mu.Lock()
	requests := f.svc.count
	f.svc.mu.Unlock()
	if requests != pushes {
		t.Errorf("the push service got %d requests for %d pushes", requests, pushes)
	}
	verified := f.svc.messages("")
	checkAll(t, verified)
	for _, m := range verified {
		if m.payload.Title != "Akta kelahiran siap diunduh" || m.payload.Reference != "BPN-20261128-0042" {
			t.Errorf("message to %s: %+v", m.device, m.payload)
			break
		}
	}

	mb := func(b uint64) string { return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) }
	fmt.Printf("BENCH push_notifications=%d push_pushes=%d push_seconds=%.2f push_peak_heap_mb=%s push_base_heap_mb=%s push_delivered=%d push_verified=%d\n",
		total, pushes, elapsed.Seconds(), mb(peak.Load()), mb(base.HeapAlloc), delivered, len(verified))
}

// seedBench creates the residents, their devices (subscribed on the local
// push service) and their pending notifications, in a few transactions.
func seedBench(t *testing.T, f *fixture, residents, perResident, devices int) {
	t.Helper()

	application := f.record(t, "applications", testapp.ApplicationA)
	application.Set("reference", "BPN-20261128-0042")
	if err := f.app.Save(application); err != nil {
		t.Fatal(err)
	}

	// every bench resident shares the fixture's password hash: no bcrypt
	fixture := f.record(t, "users", testapp.ResidentA)
	hash := fixture.GetString("password")

	users, _ := f.app.FindCollectionByNameOrId("users")
	subs, _ := f.app.FindCollectionByNameOrId(collections.PushSubscriptions)
	notes, _ := f.app.FindCollectionByNameOrId(collections.Notifications)

	const batch = 250
	for from := 0; from < residents; from += batch {
		err := f.app.RunInTransaction(func(tx core.App) error {
			for i := from; i < min(from+batch, residents); i++ {
				u := core.NewRecord(users)
				u.Id = fmt.Sprintf("bench%010d", i)
				u.SetEmail(fmt.Sprintf("warga%d@bench.dukcapil.test", i))
				u.SetRaw("password", hash)
				u.Set("name", fmt.Sprintf("Warga %d", i))
				u.Set("nik", fmt.Sprintf("647105%010d", i))
				u.Set("verified", true)
				u.RefreshTokenKey()
				if err := tx.SaveNoValidate(u); err != nil {
					return err
				}
				for d := range devices {
					dev := f.svc.newDevice(t, fmt.Sprintf("w%d-d%d", i, d))
					s := core.NewRecord(subs)
					s.Load(map[string]any{"owner": u.Id, "endpoint": dev.endpoint, "p256dh": dev.p256dh(), "auth": dev.authKey()})
					if err := tx.SaveNoValidate(s); err != nil {
						return err
					}
				}
				for k := range perResident {
					n := core.NewRecord(notes)
					n.Load(map[string]any{
						"owner": u.Id, "application": testapp.ApplicationA, "kind": "completed",
						"title":    "Akta kelahiran siap diunduh",
						"body":     fmt.Sprintf("Permohonan ke-%d Anda sudah selesai. Silakan unduh dokumennya di aplikasi.", k+1),
						"delivery": push.NotificationPending,
					})
					if err := tx.SaveNoValidate(n); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
}
