package deploy_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/deploy"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// factory is a test app with deploy registered with config.
func factory(config deploy.Config) func(testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		deploy.Register(app, config)
		return app
	}
}

// hsts checks the Strict-Transport-Security header.
func hsts(want string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		if got := res.Header.Get("Strict-Transport-Security"); got != want {
			t.Errorf("Strict-Transport-Security %q, want %q", got, want)
		}
	}
}

func TestHSTSAndTrustedProxy(t *testing.T) {
	proxied := deploy.Config{TrustedProxyHeaders: []string{"X-Forwarded-For"}}
	scenarios := []tests.ApiScenario{
		{
			Name:            "plain http: no HSTS",
			Method:          http.MethodGet,
			URL:             "/api/health",
			Headers:         map[string]string{"X-Forwarded-Proto": "https"}, // no proxy trusted
			TestAppFactory:  factory(deploy.Config{}),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"code":200`},
			AfterTestFunc:   hsts(""),
		},
		{
			Name:            "behind a trusted proxy that says https: HSTS, and the settings trust its header",
			Method:          http.MethodGet,
			URL:             "/api/health",
			Headers:         map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-For": "114.4.1.2"},
			TestAppFactory:  factory(proxied),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"code":200`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				hsts(deploy.HSTS)(t, app, res)
				if got := app.Settings().TrustedProxy.Headers; len(got) != 1 || got[0] != "X-Forwarded-For" {
					t.Errorf("trusted proxy headers %v", got)
				}
			},
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// TestHSTSOverTLS: a request that came over TLS gets HSTS.
func TestHSTSOverTLS(t *testing.T) {
	app := testapp.New(t)
	deploy.Register(app, deploy.Config{})
	var got string
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.GET("/tls-probe", func(re *core.RequestEvent) error { return re.NoContent(http.StatusNoContent) })
		return e.Next()
	})
	router, err := apisRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "https://example.test/tls-probe", nil)
	req.TLS = &tls.ConnectionState{}
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	got = rec.Header().Get("Strict-Transport-Security")
	if got != deploy.HSTS {
		t.Errorf("Strict-Transport-Security %q over TLS", got)
	}
}

// apisRouter builds the app's router as `serve` does (OnServe included).
func apisRouter(app *tests.TestApp) (http.Handler, error) {
	r, err := apis.NewRouter(app)
	if err != nil {
		return nil, err
	}
	serveEvent := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(serveEvent, func(e *core.ServeEvent) error { return nil }); err != nil {
		return nil, err
	}
	return r.BuildMux()
}
