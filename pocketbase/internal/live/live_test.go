package live_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/live"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// serve runs app's router on a local HTTP server.
func serve(t testing.TB, app core.App) *httptest.Server {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(*core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// event is one server-sent event.
type event struct {
	name string
	data []byte
	at   time.Time
}

// stream is an open realtime connection.
type stream struct {
	clientId string
	events   chan event
	close    func()
}

// connect opens the realtime stream and reads its PB_CONNECT.
func connect(t testing.TB, client *http.Client, base string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/realtime", nil)
	res, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	s := &stream{events: make(chan event, 64), close: func() { cancel(); res.Body.Close() }}
	connected := make(chan string, 1)
	go func() {
		reader := bufio.NewReader(res.Body)
		var name string
		for {
			line, err := reader.ReadString('\n')
			if err != nil {
				close(s.events)
				return
			}
			line = strings.TrimRight(line, "\r\n")
			switch {
			case strings.HasPrefix(line, "event:"):
				name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
			case strings.HasPrefix(line, "data:"):
				data := []byte(strings.TrimSpace(strings.TrimPrefix(line, "data:")))
				if name == "PB_CONNECT" {
					var c struct{ ClientId string }
					_ = json.Unmarshal(data, &c)
					connected <- c.ClientId
					continue
				}
				select {
				case s.events <- event{name: name, data: data, at: time.Now()}:
				default: // a slow reader loses events, as a phone would
				}
			}
		}
	}()
	select {
	case s.clientId = <-connected:
	case <-time.After(10 * time.Second):
		t.Fatal("no PB_CONNECT")
	}
	return s
}

// subscribe sets the stream's subscriptions as the holder of token.
func subscribe(client *http.Client, base string, s *stream, token string, topics ...string) int {
	body, _ := json.Marshal(map[string]any{"clientId": s.clientId, "subscriptions": topics})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/realtime", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := client.Do(req)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// next waits for the next event of s.
func next(t testing.TB, s *stream) (live.Message, map[string]any) {
	t.Helper()
	select {
	case e, ok := <-s.events:
		if !ok {
			t.Fatal("the stream closed")
		}
		var m struct {
			live.Message
			Record map[string]any `json:"record"`
		}
		if err := json.Unmarshal(e.data, &m); err != nil {
			t.Fatalf("%s: %v", e.data, err)
		}
		return m.Message, m.Record
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5 s")
	}
	return live.Message{}, nil
}

func token(t testing.TB, id string) string { return testapp.AuthHeader(t, id)["Authorization"] }

// TestOwnChangesOnly: a resident follows only their own topic; a staff
// change and the intake's bulk change reach their open app, with no
// hidden field; another resident's app hears nothing of it.
func TestOwnChangesOnly(t *testing.T) {
	app := servertest.New(t)
	srv := serve(t, app)
	client := &http.Client{}

	a := connect(t, client, srv.URL)
	defer a.close()
	b := connect(t, client, srv.URL)
	defer b.close()
	if code := subscribe(client, srv.URL, b, token(t, testapp.ResidentB), live.Topic(testapp.ResidentA)); code != http.StatusForbidden {
		t.Fatalf("B following A's topic: %d, want 403", code)
	}
	if code := subscribe(client, srv.URL, a, "", live.Topic(testapp.ResidentA)); code != http.StatusForbidden {
		t.Fatalf("a guest following A's topic: %d, want 403", code)
	}
	if code := subscribe(client, srv.URL, a, token(t, testapp.ResidentA), live.Topic(testapp.ResidentA)); code != http.StatusNoContent {
		t.Fatalf("A following its topic: %d", code)
	}
	if code := subscribe(client, srv.URL, b, token(t, testapp.ResidentB), live.Topic(testapp.ResidentB)); code != http.StatusNoContent {
		t.Fatalf("B following its topic: %d", code)
	}

	// a change by staff (saved by server code, as the dashboard's hooks do)
	r, _ := app.FindRecordById("applications", testapp.ApplicationA)
	r.Set("status", "submitted")
	r.Set("submitted", time.Now().Add(-time.Hour))
	r.Set("reference", "BPN-20261201-0001")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	m, record := next(t, a)
	if m.Collection != "applications" || m.Action != "update" || record["status"] != "submitted" {
		t.Fatalf("got %+v %v", m, record)
	}
	if _, leaked := record["internal_note"]; leaked {
		t.Fatal("the staff-only note reached the resident")
	}

	// the intake queues it by SQL: the queued application, its event and the summary arrive
	today := time.Now().In(time.FixedZone("WITA", 8*3600)).Format(time.DateOnly)
	if _, err := intake.Run(app, today, time.Now()); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for range 3 {
		m, record := next(t, a)
		got[m.Collection] = true
		if m.Collection == "applications" && record["status"] != "queued" {
			t.Errorf("intake: application %v", record["status"])
		}
	}
	if !got["applications"] || !got["application_events"] || !got["notifications"] {
		t.Errorf("intake: got %v, want the application, its event and the summary", got)
	}
	select {
	case e := <-b.events:
		t.Fatalf("B heard of A's change: %s", e.data)
	case <-time.After(200 * time.Millisecond):
	}
}
