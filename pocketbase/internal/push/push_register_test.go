package push_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

func TestPublicKeyRoute(t *testing.T) {
	var dataDir string
	scenario := tests.ApiScenario{
		Name:   "the VAPID public key, to everyone",
		Method: http.MethodGet,
		URL:    push.PublicKeyPath,
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := testapp.Factory(t)
			dataDir = app.DataDir()
			push.Register(app, push.Config{Interval: -1})
			return app
		},
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"publicKey":"`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			path := filepath.Join(dataDir, push.KeyFileName)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatalf("no key file in the data dir: %v", err)
			}
			if info.Mode().Perm() != 0o600 {
				t.Errorf("key file mode %v, want 0600", info.Mode().Perm())
			}
			keys, created, err := push.LoadOrCreateKeyFile(path)
			if err != nil || created {
				t.Fatalf("reload the key file: created=%v err=%v", created, err)
			}
			var body push.PublicKeyResponse
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if body.PublicKey != keys.Public {
				t.Errorf("served %q, the key file holds %q", body.PublicKey, keys.Public)
			}
			if res.Header.Get("Cache-Control") != "no-cache" {
				t.Errorf("Cache-Control %q", res.Header.Get("Cache-Control"))
			}
		},
	}
	scenario.Test(t)
}

func TestKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", push.KeyFileName)

	first, created, err := push.LoadOrCreateKeyFile(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", info, err)
	}
	if _, err := push.ParseKeys(first.Public, first.Private); err != nil {
		t.Fatalf("generated pair: %v", err)
	}

	again, created, err := push.LoadOrCreateKeyFile(path)
	if err != nil || created || again != first {
		t.Fatalf("second start: created=%v err=%v same=%v", created, err, again == first)
	}

	// a file made readable by others is narrowed again
	_ = os.Chmod(path, 0o644)
	if _, _, err := push.LoadOrCreateKeyFile(path); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}

	if err := os.WriteFile(path, []byte(`{"publicKey":"x","privateKey":"y"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := push.LoadOrCreateKeyFile(path); err == nil {
		t.Error("a broken key file was accepted")
	}
}

func TestConfiguredKeys(t *testing.T) {
	app := testapp.New(t)
	pair, _ := push.GenerateKeys()
	other, _ := push.GenerateKeys()

	t.Setenv(push.EnvPublicKey, pair.Public+"=") // padded is accepted too
	t.Setenv(push.EnvPrivateKey, pair.Private)
	t.Setenv(push.EnvSubject, "https://disdukcapil.balikpapan.go.id/kontak")
	keys, err := push.ResolveKeys(app, push.ConfigFromEnv())
	if err != nil {
		t.Fatal(err)
	}
	if keys.Public != pair.Public || keys.Private != pair.Private || keys.Subject != "https://disdukcapil.balikpapan.go.id/kontak" {
		t.Errorf("resolved %+v", keys)
	}
	if _, err := os.Stat(filepath.Join(app.DataDir(), push.KeyFileName)); err == nil {
		t.Error("a key file was written although the keys were configured")
	}

	bad := []push.Config{
		{PublicKey: pair.Public},                            // one half
		{PublicKey: other.Public, PrivateKey: pair.Private}, // not a pair
		{PublicKey: pair.Public, PrivateKey: "not base64!"}, // not base64url
		{Subject: "disdukcapil@balikpapan.go.id"},           // not a URL
		{Subject: "http://disdukcapil.balikpapan.go.id"},    // not https
		{PublicKey: pair.Private, PrivateKey: pair.Private}, // swapped
	}
	for i, c := range bad {
		if _, err := push.ResolveKeys(app, c); err == nil {
			t.Errorf("config %d accepted: %+v", i, c)
		}
	}

	// the default subject
	keys, err = push.ResolveKeys(app, push.Config{PublicKey: pair.Public, PrivateKey: pair.Private})
	if err != nil || keys.Subject != push.DefaultSubject {
		t.Errorf("subject %q err %v", keys.Subject, err)
	}
}

// serve triggers the app's serve hooks as `serve` does (without listening).
func serve(t *testing.T, app *tests.TestApp) {
	t.Helper()
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}, func(e *core.ServeEvent) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewNotificationIsPushed(t *testing.T) {
	f := newFixture(t)
	config := f.config
	config.PublicKey, config.PrivateKey, config.Subject = f.keys.Public, f.keys.Private, f.keys.Subject
	config.Now = nil // the real clock: the loop runs by itself
	push.Register(f.app, config)
	serve(t, f.app)

	subscribe(t, f.app, testapp.ResidentA, f.svc.newDevice(t, "phone"))

	// created by server code without a delivery state, as the workflow does
	c, _ := f.app.FindCollectionByNameOrId(collections.Notifications)
	n := core.NewRecord(c)
	n.Load(map[string]any{"owner": testapp.ResidentA, "application": testapp.ApplicationA,
		"kind": "needs_revision", "title": "Perlu perbaikan", "body": "Foto KK kurang jelas."})
	if err := f.app.Save(n); err != nil {
		t.Fatal(err)
	}

	deadline := time.Now().Add(5 * time.Second)
	for {
		r, _ := f.app.FindRecordById(collections.Notifications, n.Id)
		if r != nil && r.GetString("delivery") == push.NotificationSent {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not delivered within 5 s (delivery %q)", r.GetString("delivery"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	ms := f.svc.messages("phone")
	checkAll(t, ms)
	if len(ms) != 1 || ms[0].payload.Body != "Foto KK kurang jelas." {
		t.Errorf("%d messages, want the notification once", len(ms))
	}
	// the fixtures' own notifications (delivery "none") were left alone
	if got := f.record(t, collections.Notifications, testapp.NotifA).GetString("delivery"); got != push.NotificationNone {
		t.Errorf("fixture notification delivery %q", got)
	}
}

func TestSubscribeChecks(t *testing.T) {
	d := newDeviceKeys(t, "browser", "")
	p256dh, auth := d.p256dh(), d.authKey()
	endpoint := "https://fcm.googleapis.com/fcm/send/dGVzdC1lbmRwb2ludA"

	body := func(owner, endpoint, p256dh, auth string) *strings.Reader {
		data, _ := json.Marshal(map[string]string{"owner": owner, "endpoint": endpoint, "p256dh": p256dh, "auth": auth})
		return strings.NewReader(string(data))
	}
	factory := func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		push.Register(app, push.Config{Interval: -1})
		return app
	}
	headers := func(id string) map[string]string {
		h := testapp.AuthHeader(t, id)
		return map[string]string{"Authorization": h["Authorization"], "Content-Type": "application/json"}
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "plain http endpoint",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentA, "http://fcm.googleapis.com/fcm/send/x", p256dh, auth),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"endpoint":{"code":"push_endpoint_not_allowed"`},
		},
		{
			Name:            "endpoint on an IP address",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentA, "https://127.0.0.1:8090/api/", p256dh, auth),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"push_endpoint_not_allowed"`},
		},
		{
			Name:            "keys that are not a P-256 point and a 16-byte secret",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentA, endpoint, "bm90LWEta2V5", "c2hvcnQ"),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"p256dh":{"code":"push_invalid_key"`, `"auth":{"code":"push_invalid_key"`},
		},
		{
			Name:            "another resident's owner is still refused by the rule",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentB, endpoint, p256dh, auth),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "a valid subscription",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentA, endpoint, p256dh, auth),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"endpoint":"` + endpoint + `"`},
			ExpectedEvents:  map[string]int{"OnRecordCreateRequest": 1, "OnRecordCreate": 1, "OnRecordDelete": 0},
		},
		{
			Name:            "the same endpoint again by its resident: kept, not unique",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentA, "https://push.example.test/a", p256dh, auth),
			Headers:         headers(testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"endpoint":{"code":"validation_not_unique"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById(collections.PushSubscriptions, testapp.SubA); err != nil {
					t.Error("the resident's own subscription was removed")
				}
			},
		},
		{
			Name:            "the endpoint of a resident who used the browser before: taken over",
			Method:          http.MethodPost,
			URL:             "/api/collections/push_subscriptions/records",
			Body:            body(testapp.ResidentB, "https://push.example.test/a", p256dh, auth),
			Headers:         headers(testapp.ResidentB),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"owner":"` + testapp.ResidentB + `"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById(collections.PushSubscriptions, testapp.SubA); err == nil {
					t.Error("resident A's subscription of the endpoint is still there")
				}
			},
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

func TestPayloadStaysSmall(t *testing.T) {
	c := core.NewBaseCollection(collections.Notifications)
	n := core.NewRecord(c)
	n.Id = "ntfaaaaaaaaaaaa"
	n.Load(map[string]any{
		"kind": "needs_revision", "application": testapp.ApplicationA,
		"title": strings.Repeat("Perbaikan <foto> ", 12),
		"body":  strings.Repeat("Foto KK kurang jelas — mohon unggah ulang “asli” 🙏. ", 60),
	})
	data, err := push.NewPayload(n, "BPN-20261128-0042").Encode()
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > push.MaxPayloadBytes {
		t.Fatalf("%d bytes, want at most %d", len(data), push.MaxPayloadBytes)
	}
	var p push.Payload
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(p.Body) || !strings.HasSuffix(p.Body, "…") || !strings.HasPrefix(p.Body, "Foto KK") {
		t.Errorf("body not shortened cleanly: …%q", p.Body[len(p.Body)-20:])
	}
	if p.Title != n.GetString("title") || p.Reference != "BPN-20261128-0042" {
		t.Errorf("title or reference changed: %+v", p)
	}
}

func TestKindOptionsAndTopic(t *testing.T) {
	cases := map[string]push.Options{
		"completed":       {TTL: 7 * 24 * time.Hour, Urgency: "high"},
		"needs_revision":  {TTL: 7 * 24 * time.Hour, Urgency: "high"},
		"rejected":        {TTL: 7 * 24 * time.Hour, Urgency: "high"},
		"queued":          {TTL: 12 * time.Hour, Urgency: "normal"},
		"morning_summary": {TTL: 12 * time.Hour, Urgency: "normal"},
		"info":            {TTL: 24 * time.Hour, Urgency: "low"},
		"":                {TTL: 24 * time.Hour, Urgency: "low"},
	}
	for kind, want := range cases {
		if got := push.KindOptions(kind); got != want {
			t.Errorf("%q: %+v, want %+v", kind, got, want)
		}
	}
	if got := push.Topic(testapp.ApplicationA); got != "app-"+testapp.ApplicationA {
		t.Errorf("topic %q", got)
	}
	if got := push.Topic(""); got != "" {
		t.Errorf("topic without application %q", got)
	}
	if got := push.Topic(strings.Repeat("a", 29)); got != "" {
		t.Errorf("a topic over 32 characters: %q", got)
	}
}

func TestDefaultEndpointPolicy(t *testing.T) {
	allowed := []string{
		"https://fcm.googleapis.com/fcm/send/abc",
		"https://updates.push.services.mozilla.com/wpush/v2/abc",
		"https://web.push.apple.com/QGabc",
		"https://wns2-par02p.notify.windows.com/w/?token=abc",
	}
	refused := []string{
		"http://fcm.googleapis.com/fcm/send/abc",
		"https://127.0.0.1/x", "https://[::1]/x", "https://localhost:8090/api/", "https://a.localhost/x", "ftp://x.test/",
	}
	for _, s := range allowed {
		u, _ := url.Parse(s)
		if err := push.DefaultEndpointPolicy(u); err != nil {
			t.Errorf("%s refused: %v", s, err)
		}
	}
	for _, s := range refused {
		u, _ := url.Parse(s)
		if err := push.DefaultEndpointPolicy(u); err == nil {
			t.Errorf("%s allowed", s)
		}
	}
}

func TestDeliveriesCollection(t *testing.T) {
	app := testapp.New(t)
	c, err := app.FindCollectionByNameOrId(collections.PushDeliveries)
	if err != nil {
		t.Fatal(err)
	}
	if c.ListRule != nil || c.ViewRule != nil || c.CreateRule != nil || c.UpdateRule != nil || c.DeleteRule != nil {
		t.Error("push_deliveries must be for superusers only")
	}
	for _, name := range []string{"notification", "subscription"} {
		f, _ := c.Fields.GetByName(name).(*core.RelationField)
		if f == nil || !f.Required || !f.CascadeDelete {
			t.Errorf("%s must be a required relation that cascades", name)
		}
	}

	row := func() error {
		r := core.NewRecord(c)
		r.Load(map[string]any{"notification": testapp.NotifA, "subscription": testapp.SubA, "state": "pending"})
		return app.Save(r)
	}
	if err := row(); err != nil {
		t.Fatal(err)
	}
	if err := row(); err == nil {
		t.Error("a second row of the same notification and subscription was accepted")
	}
}
