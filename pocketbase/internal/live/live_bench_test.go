package live_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	"dukcapil-daring/server/internal/live"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// TestRealtimeBenchmark: 2,000 residents have the app open (2,000 realtime
// connections over HTTP, each following its resident's topic); staff make
// 100 changes that each notify one resident, while another resident's app
// lists its notifications over and over. It prints
//
//	BENCH live_connections=2000 live_notifications=100 live_p95_ms=… live_max_ms=… live_api_median_ms=… live_api_p95_ms=… live_delivered=…
//
// It runs only with DUKCAPIL_LIVE_BENCH=1 (npm run bench, tests/bench/live.js);
// DUKCAPIL_LIVE_BENCH_N changes the number of connections.
func TestRealtimeBenchmark(t *testing.T) {
	if os.Getenv("DUKCAPIL_LIVE_BENCH") != "1" {
		t.Skip("set DUKCAPIL_LIVE_BENCH=1 to run the realtime benchmark")
	}
	connections := 2000
	if n, err := strconv.Atoi(os.Getenv("DUKCAPIL_LIVE_BENCH_N")); err == nil && n >= 100 {
		connections = n
	}
	const notifications = 100

	app := testapp.New(t)
	users, _ := app.FindCollectionByNameOrId("users")
	raw, _ := bcrypt.GenerateFromPassword([]byte("rahasia-banget-123"), bcrypt.MinCost)
	hash := string(raw)
	ids := make([]string, connections)
	tokens := make([]string, connections)
	err := app.RunInTransaction(func(tx core.App) error {
		for i := range connections {
			u := core.NewRecord(users)
			u.SetEmail(fmt.Sprintf("live%05d@contoh.id", i))
			u.SetRaw("password", &core.PasswordFieldValue{Hash: hash})
			u.Set("name", "Warga")
			u.Set("nik", fmt.Sprintf("647105%02d0590%04d", 1+i%28, i))
			if err := tx.Save(u); err != nil {
				return err
			}
			ids[i] = u.Id
			token, err := u.NewAuthToken()
			if err != nil {
				return err
			}
			tokens[i] = token
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	servertest.RegisterHooks(app)
	srv := serve(t, app)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: connections + 10, MaxConnsPerHost: 0}}

	setup := time.Now()
	streams := make([]*stream, connections)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 50)
	for i := range connections {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			streams[i] = connect(t, client, srv.URL)
			if code := subscribe(client, srv.URL, streams[i], tokens[i], live.Topic(ids[i])); code != http.StatusNoContent {
				t.Errorf("subscribe %d: %d", i, code)
			}
		}()
	}
	wg.Wait()
	defer func() {
		for _, s := range streams {
			s.close()
		}
	}()
	t.Logf("%d connections in %s", connections, time.Since(setup).Round(time.Millisecond))

	// the API meanwhile: one resident's app lists its notifications
	stop := make(chan struct{})
	var latencies []time.Duration
	apiDone := make(chan struct{})
	go func() {
		defer close(apiDone)
		for {
			select {
			case <-stop:
				return
			default:
			}
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/collections/notifications/records?perPage=20", nil)
			req.Header.Set("Authorization", tokens[0])
			start := time.Now()
			res, err := client.Do(req)
			if err == nil {
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				latencies = append(latencies, time.Since(start))
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()

	// staff changes: each a notification for one resident (as the workflow writes them)
	notes, _ := app.FindCollectionByNameOrId("notifications")
	sent := make([]time.Time, notifications)
	for i := range notifications {
		n := core.NewRecord(notes)
		n.Load(map[string]any{"owner": ids[1+i*(connections-1)/notifications], "kind": "info",
			"title": "Perubahan status", "body": fmt.Sprintf("nomor %d", i), "delivery": "none"})
		sent[i] = time.Now()
		if err := app.Save(n); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}

	var delays []time.Duration
	for i := range notifications {
		s := streams[1+i*(connections-1)/notifications]
		select {
		case e := <-s.events:
			delays = append(delays, e.at.Sub(sent[i]))
		case <-time.After(10 * time.Second):
			t.Errorf("notification %d not delivered", i)
		}
	}
	close(stop)
	<-apiDone

	pct := func(d []time.Duration, p float64) float64 {
		if len(d) == 0 {
			return -1
		}
		s := slices.Clone(d)
		slices.Sort(s)
		return float64(s[min(len(s)-1, int(p*float64(len(s))))]) / float64(time.Millisecond)
	}
	fmt.Printf("BENCH live_connections=%d live_notifications=%d live_p95_ms=%.2f live_max_ms=%.2f live_api_median_ms=%.2f live_api_p95_ms=%.2f live_api_requests=%d live_delivered=%d\n",
		connections, notifications, pct(delays, 0.95), pct(delays, 1), pct(latencies, 0.5), pct(latencies, 0.95), len(latencies), len(delays))
}
