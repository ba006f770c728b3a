package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/web"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// bootstrapScript stands in for SvelteKit's inline SPA bootstrap.
const bootstrapScript = `
				{
					__sveltekit_1x2y3z = { base: "" };
					const element = document.currentScript.parentElement;
					Promise.all([import("/_app/immutable/entry/start.abc.js")]).then(([kit]) => kit.start(element));
				}
			`

const secondScript = `window.dataLayer = [];`

func writeBuild(t *testing.T) string {
	t.Helper()

	dir := t.TempDir()
	files := map[string]string{
		"index.html": `<!doctype html><html lang="id"><head><meta charset="utf-8">` +
			`<link rel="manifest" href="/manifest.webmanifest">` +
			`<script type="module" src="/_app/immutable/entry/start.abc.js"></script>` +
			`<script>` + secondScript + `</script></head>` +
			`<body><div style="display: contents"><script>` + bootstrapScript + `</script></div></body></html>`,
		"_app/immutable/entry/start.abc.js": `export function start() {}`,
		"_app/version.json":                 `{"version":"1"}`,
		"service-worker.js":                 `self.addEventListener("install", () => {});`,
		"manifest.webmanifest":              `{"name":"Dukcapil Daring"}`,
		"favicon.png":                       "\x89PNG\r\n\x1a\n",
		"icons/app.svg":                     "<svg/>",
		"docs/index.html":                   "<!doctype html><p>docs page</p>",
		"blank.html":                        "<!doctype html><title>blank</title>",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func hashOf(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// expectHeaders returns an AfterTestFunc checking the given response headers
// ("" means the header must be absent).
func expectHeaders(want map[string]string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		for name, value := range want {
			if got := res.Header.Get(name); got != value {
				t.Errorf("header %s: expected %q, got %q", name, value, got)
			}
		}
	}
}

func TestStaticApp(t *testing.T) {
	publicDir := writeBuild(t)
	factory := func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		web.Register(app, web.Config{PublicDir: publicDir, IndexFallback: true})
		return app
	}

	csp := "default-src 'self'; script-src 'self' " + hashOf(secondScript) + " " + hashOf(bootstrapScript) +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'" +
		"; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	page := map[string]string{
		"Content-Security-Policy": csp,
		"Cache-Control":           "no-cache",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "the root is index.html with the CSP",
			Method:          http.MethodGet,
			URL:             "/",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"__sveltekit_1x2y3z"},
			AfterTestFunc:   expectHeaders(page),
		},
		{
			Name:            "a client route falls back to index.html",
			Method:          http.MethodGet,
			URL:             "/akun",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"__sveltekit_1x2y3z"},
			AfterTestFunc:   expectHeaders(page),
		},
		{
			Name:            "a nested client route falls back to index.html",
			Method:          http.MethodGet,
			URL:             "/permohonan/abc123def456ghi?step=2",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"__sveltekit_1x2y3z"},
			AfterTestFunc:   expectHeaders(page),
		},
		{
			Name:            "a client route named like an asset folder falls back to index.html",
			Method:          http.MethodGet,
			URL:             "/icons",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"__sveltekit_1x2y3z"},
			AfterTestFunc:   expectHeaders(page),
		},
		{
			Name:            "a folder with its own index.html is served with it",
			Method:          http.MethodGet,
			URL:             "/docs/",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"docs page"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control":           "no-cache",
				"Content-Security-Policy": strings.Replace(csp, "script-src 'self' "+hashOf(secondScript)+" "+hashOf(bootstrapScript), "script-src 'self'", 1),
			}),
		},
		{
			Name:               "a page of the build is served without its extension, as the service worker precaches it",
			Method:             http.MethodGet,
			URL:                "/blank",
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"<title>blank</title>"},
			NotExpectedContent: []string{"__sveltekit"},
			AfterTestFunc:      expectHeaders(map[string]string{"Cache-Control": "no-cache", "Content-Type": "text/html; charset=utf-8"}),
		},
		{
			Name:            "hashed assets are immutable",
			Method:          http.MethodGet,
			URL:             "/_app/immutable/entry/start.abc.js",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"export function start"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control":           "public, max-age=31536000, immutable",
				"X-Content-Type-Options":  "nosniff",
				"Content-Security-Policy": "",
				// headers of documents only: not worth their bytes on every script
				"X-Frame-Options":  "",
				"X-Xss-Protection": "",
				"Referrer-Policy":  "",
			}),
		},
		{
			Name:            "a hashed asset carries no header it does not need, also for a module script's request (with Origin)",
			Method:          http.MethodGet,
			URL:             "/_app/immutable/entry/start.abc.js",
			Headers:         map[string]string{"Origin": "http://127.0.0.1:8090"},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"export function start"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectHeaders(map[string]string{
					"Content-Length": strconv.Itoa(len(`export function start() {}`)),
					"Content-Type":   "text/javascript; charset=utf-8",
					// no ranges, no CORS on a same-origin file
					"Accept-Ranges":               "",
					"Access-Control-Allow-Origin": "",
				})(t, app, res)
				// one Vary, without Origin: the page's module request (with Origin) and the service
				// worker's precache request (without) must share the browser's cache entry
				if vary := res.Header.Values("Vary"); len(vary) != 1 || vary[0] != "Accept-Encoding" {
					t.Errorf("Vary: expected only Accept-Encoding, got %q", vary)
				}
			},
		},
		{
			Name:           "a hashed asset is revalidated with a 304 (the worker's install revalidates the chunks it imports)",
			Method:         http.MethodGet,
			URL:            "/_app/immutable/entry/start.abc.js",
			Headers:        map[string]string{"If-Modified-Since": time.Now().UTC().Add(time.Hour).Format(http.TimeFormat), "Accept-Encoding": "br"},
			ExpectedStatus: http.StatusNotModified,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectHeaders(map[string]string{"Cache-Control": "public, max-age=31536000, immutable", "Content-Encoding": "", "Content-Type": ""})(t, app, res)
				if body, _ := io.ReadAll(res.Body); len(body) != 0 {
					t.Errorf("304: expected no body, got %q", body)
				}
			},
		},
		{
			Name:            "a hashed asset changed since the date asked about is sent whole",
			Method:          http.MethodGet,
			URL:             "/_app/immutable/entry/start.abc.js",
			Headers:         map[string]string{"If-Modified-Since": time.Now().UTC().Add(-48 * time.Hour).Format(http.TimeFormat)},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"export function start"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if res.Header.Get("Last-Modified") == "" {
					t.Error("expected a Last-Modified header")
				}
			},
		},
		{
			Name:           "a hashed asset answers HEAD without a body",
			Method:         http.MethodHead,
			URL:            "/_app/immutable/entry/start.abc.js",
			ExpectedStatus: http.StatusOK,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectHeaders(map[string]string{"Content-Length": strconv.Itoa(len(`export function start() {}`))})(t, app, res)
				if body, _ := io.ReadAll(res.Body); len(body) != 0 {
					t.Errorf("HEAD: expected no body, got %q", body)
				}
			},
		},
		{
			Name:            "the service worker is not cached per Origin either",
			Method:          http.MethodGet,
			URL:             "/service-worker.js",
			Headers:         map[string]string{"Origin": "http://127.0.0.1:8090"},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"addEventListener"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectHeaders(map[string]string{"Access-Control-Allow-Origin": ""})(t, app, res)
				if vary := res.Header.Values("Vary"); len(vary) != 1 || vary[0] != "Accept-Encoding" {
					t.Errorf("Vary: expected only Accept-Encoding, got %q", vary)
				}
			},
		},
		{
			Name:               "a missing asset under /_app/ is a 404, not index.html",
			Method:             http.MethodGet,
			URL:                "/_app/immutable/entry/start.old.js",
			ExpectedStatus:     http.StatusNotFound,
			NotExpectedContent: []string{"__sveltekit"},
		},
		{
			Name:               "a missing file with an extension is a 404",
			Method:             http.MethodGet,
			URL:                "/icons/missing.png",
			ExpectedStatus:     http.StatusNotFound,
			NotExpectedContent: []string{"__sveltekit"},
		},
		{
			Name:            "the service worker is revalidated",
			Method:          http.MethodGet,
			URL:             "/service-worker.js",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"addEventListener"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control":          "no-cache",
				"X-Content-Type-Options": "nosniff",
				"X-Frame-Options":        "",
				"Referrer-Policy":        "",
			}),
		},
		{
			Name:            "the manifest is revalidated",
			Method:          http.MethodGet,
			URL:             "/manifest.webmanifest",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"Dukcapil Daring"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control": "no-cache",
				"Content-Type":  "application/manifest+json",
			}),
		},
		{
			Name:            "the build version is revalidated",
			Method:          http.MethodGet,
			URL:             "/_app/version.json",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"version":"1"`},
			AfterTestFunc:   expectHeaders(map[string]string{"Cache-Control": "no-cache"}),
		},
		{
			Name:            "other files get a short cache",
			Method:          http.MethodGet,
			URL:             "/favicon.png",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"PNG"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control":           "public, max-age=600",
				"Content-Security-Policy": "",
				"Referrer-Policy":         "",
			}),
		},
		{
			Name:            "an SVG keeps the headers of a document (opened on its own, it is one)",
			Method:          http.MethodGet,
			URL:             "/icons/app.svg",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"<svg/>"},
			AfterTestFunc: expectHeaders(map[string]string{
				"Cache-Control":   "public, max-age=600",
				"Referrer-Policy": "strict-origin-when-cross-origin",
			}),
		},
		{
			Name:            "the API is untouched",
			Method:          http.MethodGet,
			URL:             "/api/health",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"code":200`},
			AfterTestFunc: expectHeaders(map[string]string{
				"Content-Security-Policy": "",
				"Cache-Control":           "",
				"Referrer-Policy":         "",
			}),
		},
		{
			Name:               "an unknown API path is a JSON 404, not the app",
			Method:             http.MethodGet,
			URL:                "/api/nothing-here",
			ExpectedStatus:     http.StatusNotFound,
			NotExpectedContent: []string{"__sveltekit"},
			AfterTestFunc:      expectHeaders(map[string]string{"Content-Security-Policy": ""}),
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Test(t)
	}
}

func TestCSPFollowsARebuild(t *testing.T) {
	publicDir := writeBuild(t)
	const rebuilt = `console.log("rebuilt")`

	scenario := tests.ApiScenario{
		Name:            "index.html changed after start",
		Method:          http.MethodGet,
		URL:             "/akun",
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{"rebuilt"},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := testapp.Factory(t)
			web.Register(app, web.Config{PublicDir: publicDir, IndexFallback: true})
			return app
		},
		BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			page := `<!doctype html><html><body><script>` + rebuilt + `</script><p>extra</p></body></html>`
			if err := os.WriteFile(filepath.Join(publicDir, "index.html"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			csp := res.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self' "+hashOf(rebuilt)+";") {
				t.Errorf("the CSP should allow only the rebuilt script, got %q", csp)
			}
		},
	}
	scenario.Test(t)
}

func TestMissingBuildWarnsAndStillServes(t *testing.T) {
	out := new(bytes.Buffer)

	scenario := tests.ApiScenario{
		Name:            "no build: the API still answers",
		Method:          http.MethodGet,
		URL:             "/api/health",
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"code":200`},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := testapp.Factory(t)
			web.Register(app, web.Config{PublicDir: filepath.Join(t.TempDir(), "build"), IndexFallback: true, Output: out})
			return app
		},
	}
	scenario.Test(t)

	if !strings.Contains(out.String(), "WARNING: the app is not built") || !strings.Contains(out.String(), "index.html") {
		t.Errorf("expected a clear warning, got %q", out.String())
	}

	notFound := tests.ApiScenario{
		Name:               "no build: a page is a 404",
		Method:             http.MethodGet,
		URL:                "/akun",
		ExpectedStatus:     http.StatusNotFound,
		NotExpectedContent: []string{"<html"},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := testapp.Factory(t)
			web.Register(app, web.Config{PublicDir: filepath.Join(t.TempDir(), "build"), IndexFallback: true, Output: new(bytes.Buffer)})
			return app
		},
	}
	notFound.Test(t)
}
