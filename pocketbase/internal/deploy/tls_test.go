package deploy_test

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/deploy"
	"dukcapil-daring/server/internal/devcert"
	"dukcapil-daring/server/internal/testapp"
)

// serveHTTPS runs PocketBase's own `serve` (apis.Serve) over https on a
// free loopback port with deploy registered with config, and returns the
// address and a channel with what Serve returned; the server is stopped
// when the test ends.
func serveHTTPS(t *testing.T, config deploy.Config) (*tests.TestApp, string, chan error) {
	t.Helper()
	app := testapp.New(t)
	deploy.Register(app, config)
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Listener = listener
		e.InstallerFunc = nil
		return e.Next()
	})
	done := make(chan error, 1)
	go func() { done <- apis.Serve(app, apis.ServeConfig{HttpsAddr: listener.Addr().String()}) }()
	t.Cleanup(func() {
		_ = app.OnTerminate().Trigger(&core.TerminateEvent{App: app})
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop")
		}
		_ = listener.Close()
	})
	return app, listener.Addr().String(), done
}

// writeCert writes a fresh test certificate into a temporary dir.
func writeCert(t *testing.T) (devcert.Cert, string, string) {
	t.Helper()
	cert, err := devcert.Generate(time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile, err := cert.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return cert, certFile, keyFile
}

// TestHTTPSWithCertificateFiles: a TLS client that trusts only the given
// certificate gets that certificate and HTTP/2 (ALPN h2), and a client that
// speaks only HTTP/1.1 is still served.
func TestHTTPSWithCertificateFiles(t *testing.T) {
	cert, certFile, keyFile := writeCert(t)
	_, addr, done := serveHTTPS(t, deploy.Config{TLSCertFile: certFile, TLSKeyFile: keyFile})

	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(cert.CertPEM) {
		t.Fatal("the test certificate does not parse")
	}
	h2 := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}, ForceAttemptHTTP2: true}}
	h1 := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: roots},
		TLSNextProto:    map[string]func(string, *tls.Conn) http.RoundTripper{}, // no h2
	}}
	url := "https://" + addr + "/api/health"

	var res *http.Response
	for i := 0; ; i++ {
		var err error
		if res, err = h2.Get(url); err == nil {
			break
		}
		select {
		case serveErr := <-done:
			t.Fatalf("the server stopped: %v", serveErr)
		default:
		}
		if i > 100 {
			t.Fatalf("no answer over https: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d", res.StatusCode)
	}
	if res.Proto != "HTTP/2.0" || res.TLS == nil || res.TLS.NegotiatedProtocol != "h2" {
		t.Errorf("protocol %s, ALPN %v: want HTTP/2 negotiated as h2", res.Proto, res.TLS)
	}
	if res.TLS != nil {
		block := res.TLS.PeerCertificates[0].Raw
		want, _ := tls.X509KeyPair(cert.CertPEM, cert.KeyPEM)
		if string(block) != string(want.Certificate[0]) {
			t.Error("the server presented another certificate than the file's")
		}
	}
	if got := res.Header.Get("Strict-Transport-Security"); got != deploy.HSTS {
		t.Errorf("Strict-Transport-Security %q", got)
	}

	res, err := h1.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.Proto != "HTTP/1.1" || res.StatusCode != http.StatusOK {
		t.Errorf("an HTTP/1.1-only client got %s %d", res.Proto, res.StatusCode)
	}
}

// TestHTTPSWithBadCertificateFiles: a certificate that cannot be used ends
// `serve` with an error that names what is wrong, before it listens.
func TestHTTPSWithBadCertificateFiles(t *testing.T) {
	_, certFile, keyFile := writeCert(t)
	_, _, otherKey := writeCert(t)
	garbage := filepath.Join(t.TempDir(), "garbage.pem")
	if err := os.WriteFile(garbage, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.pem")
	cases := []struct {
		name   string
		config deploy.Config
		want   []string
	}{
		{"missing certificate file", deploy.Config{TLSCertFile: missing, TLSKeyFile: keyFile}, []string{missing, "no such file"}},
		{"key of another certificate", deploy.Config{TLSCertFile: certFile, TLSKeyFile: otherKey}, []string{certFile, "does not match"}},
		{"not PEM", deploy.Config{TLSCertFile: garbage, TLSKeyFile: keyFile}, []string{garbage, "cannot be used"}},
		{"only the certificate", deploy.Config{TLSCertFile: certFile}, []string{deploy.EnvTLSKeyFile, "only one is set"}},
		{"only the key", deploy.Config{TLSKeyFile: keyFile}, []string{deploy.EnvTLSCertFile, "only one is set"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, done := serveHTTPS(t, c.config)
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("serve did not fail")
			}
			if err == nil || errors.Is(err, http.ErrServerClosed) {
				t.Fatalf("serve returned %v, want an error", err)
			}
			for _, want := range c.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			done <- err // for the cleanup
		})
	}
}
