package push_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

func TestCheckAddress(t *testing.T) {
	refused := []string{
		"127.0.0.1", "127.1.2.3", "::1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254",
		"fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.251", "ff02::1", "0.0.0.0", "::", "100.64.0.1",
		"::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1", "255.255.255.255",
	}
	for _, s := range refused {
		if err := push.CheckAddress(netip.MustParseAddr(s), false); err == nil {
			t.Errorf("%s allowed, want refused", s)
		}
	}
	allowed := []string{"142.250.4.95", "2a00:1450:4001:80b::200a", "34.117.65.55"}
	for _, s := range allowed {
		if err := push.CheckAddress(netip.MustParseAddr(s), false); err != nil {
			t.Errorf("%s refused: %v", s, err)
		}
	}
	if err := push.CheckAddress(netip.MustParseAddr("127.0.0.1"), true); err != nil {
		t.Errorf("loopback refused with the test flag: %v", err)
	}
	if err := push.CheckAddress(netip.MustParseAddr("10.0.0.1"), true); err == nil {
		t.Error("the test flag must allow loopback only")
	}
}

// guardedFixture is a fixture whose worker uses the production transport
// (trusting the test certificate) instead of the plain test one.
// roots gives the TLS configuration (nil: the one of the fixture's push service).
func guardedFixture(t *testing.T, allowLoopback bool, roots *tls.Config) *fixture {
	t.Helper()
	f := newFixture(t)
	if roots == nil {
		roots = f.svc.server.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
		roots.ServerName = "example.com" // a name of the test certificate
	}
	transport := push.GuardedTransport(4, allowLoopback)
	transport.TLSClientConfig = roots
	f.config.Transport = transport
	f.worker = f.newWorker(t)
	return f
}

// TestRedirectIsNotFollowed: a push endpoint that redirects elsewhere (a
// second local server standing for 169.254.169.254 or an internal admin
// page) is not followed, and its subscription is removed.
func TestRedirectIsNotFollowed(t *testing.T) {
	var inside atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inside.Add(1)
	}))
	defer target.Close()
	redirector := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/latest/meta-data/", http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()

	// loopback allowed, so that only the redirect rule is under test
	f := guardedFixture(t, true, redirector.Client().Transport.(*http.Transport).TLSClientConfig.Clone())
	d := newDeviceKeys(t, "redirecting", redirector.URL+"/wpush/v2/x")
	sub := subscribe(t, f.app, testapp.ResidentA, d)

	f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
	stats := f.run(t)
	if stats.Refused != 1 || stats.Sent != 0 {
		t.Errorf("stats %+v, want 1 refused", stats)
	}
	if n := inside.Load(); n != 0 {
		t.Fatalf("the redirect target got %d requests", n)
	}
	if _, err := f.app.FindRecordById(collections.PushSubscriptions, sub.Id); err == nil {
		t.Error("the redirecting subscription is still there")
	}
}

// TestInwardResolvingHostIsRefused: an endpoint on a host name that passes
// the text check but resolves to the loopback address (here "localhost",
// as a DNS name pointed at 127.0.0.1 or 10.x would) is refused by the
// dialer, nothing reaches the local server, and the subscription goes.
// With the tests' loopback flag the same endpoint is delivered to.
func TestInwardResolvingHostIsRefused(t *testing.T) {
	for _, allowLoopback := range []bool{false, true} {
		name := map[bool]string{false: "default", true: "loopback flag"}[allowLoopback]
		t.Run(name, func(t *testing.T) {
			f := guardedFixture(t, allowLoopback, nil)
			// the text policy is fooled on purpose: only the dialer decides
			f.config.AllowEndpoint = func(*url.URL) error { return nil }
			f.worker = f.newWorker(t)

			d := f.svc.newDevice(t, "phone")
			d.endpoint = strings.Replace(d.endpoint, "127.0.0.1", "localhost", 1)
			sub := subscribe(t, f.app, testapp.ResidentA, d)

			f.notify(t, testapp.ResidentA, testapp.ApplicationA, "completed", "Selesai", "Dokumen siap.")
			stats := f.run(t)
			_, err := f.app.FindRecordById(collections.PushSubscriptions, sub.Id)
			if !allowLoopback {
				if stats.Refused != 1 || len(f.svc.messages("")) != 0 {
					t.Fatalf("stats %+v, %d requests arrived; want refused before connecting", stats, len(f.svc.messages("")))
				}
				if err == nil {
					t.Error("the inward subscription is still there")
				}
				return
			}
			if stats.Sent != 1 || err != nil {
				t.Fatalf("stats %+v (subscription: %v), want delivered with the loopback flag", stats, err)
			}
		})
	}
}
