package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/web"
)

// writeTwins adds precompressed twins, as scripts/lib/precompress.js
// writes them, to a build: each twin's content names its encoding so that a
// test sees which file was sent.
func writeTwins(t *testing.T, dir string) {
	t.Helper()
	for name, content := range map[string]string{
		"_app/immutable/entry/start.abc.js.br": "BROTLI TWIN OF start.abc.js",
		"_app/immutable/entry/start.abc.js.gz": "GZIP TWIN OF start.abc.js",
		"index.html.br":                        "BROTLI TWIN OF index.html",
		"index.html.gz":                        "GZIP TWIN OF index.html",
		"manifest.webmanifest.br":              "BROTLI TWIN OF the manifest",
		"service-worker.js.gz":                 "GZIP TWIN OF the worker", // no .br: gzip is the best there is
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPrecompressedTwins(t *testing.T) {
	publicDir := writeBuild(t)
	writeTwins(t, publicDir)
	factory := func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		web.Register(app, web.Config{PublicDir: publicDir, IndexFallback: true})
		return app
	}
	const js = "/_app/immutable/entry/start.abc.js"
	immutableJS := func(encoding string) map[string]string {
		return map[string]string{
			"Content-Encoding": encoding,
			"Content-Type":     "text/javascript; charset=utf-8",
			"Vary":             "Accept-Encoding",
			"Cache-Control":    "public, max-age=31536000, immutable",
		}
	}
	get := func(name, url, acceptEncoding string, content string, headers map[string]string) tests.ApiScenario {
		s := tests.ApiScenario{
			Name:            name,
			Method:          http.MethodGet,
			URL:             url,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{content},
			AfterTestFunc:   expectHeaders(headers),
		}
		if acceptEncoding != "" {
			s.Headers = map[string]string{"Accept-Encoding": acceptEncoding}
		}
		return s
	}

	scenarios := []tests.ApiScenario{
		get("br and gzip accepted: the Brotli twin", js, "gzip, deflate, br, zstd", "BROTLI TWIN", immutableJS("br")),
		get("only br accepted", js, "br", "BROTLI TWIN", immutableJS("br")),
		get("only gzip accepted: the gzip twin", js, "gzip", "GZIP TWIN", immutableJS("gzip")),
		get("br refused by q=0: the gzip twin", js, "br;q=0, gzip;q=0.8", "GZIP TWIN", immutableJS("gzip")),
		get("any coding (*): the Brotli twin", js, "*", "BROTLI TWIN", immutableJS("br")),
		get("identity only: the file itself", js, "identity", "export function start", immutableJS("")),
		get("a client accepting neither (no header): the file itself", js, "", "export function start", immutableJS("")),
		get("a client accepting neither (deflate, zstd): the file itself", js, "deflate, zstd", "export function start", immutableJS("")),
		get("everything refused but identity (*;q=0)", js, "*;q=0, identity", "export function start", immutableJS("")),
		get("index.html in Brotli keeps its CSP and no-cache", "/", "br, gzip", "BROTLI TWIN OF index.html", map[string]string{
			"Content-Encoding": "br",
			"Content-Type":     "text/html; charset=utf-8",
			"Vary":             "Accept-Encoding",
			"Cache-Control":    "no-cache",
		}),
		get("a client route falls back to the gzip twin of index.html", "/akun/masuk", "gzip", "GZIP TWIN OF index.html", map[string]string{
			"Content-Encoding": "gzip",
			"Content-Type":     "text/html; charset=utf-8",
		}),
		get("the manifest keeps its type", "/manifest.webmanifest", "br", "BROTLI TWIN OF the manifest", map[string]string{
			"Content-Encoding": "br",
			"Content-Type":     "application/manifest+json",
			"Cache-Control":    "no-cache",
		}),
		get("no Brotli twin: gzip", "/service-worker.js", "br, gzip", "GZIP TWIN OF the worker", map[string]string{
			"Content-Encoding": "gzip",
			"Cache-Control":    "no-cache",
		}),
		get("no twin at all: the file, still varying", "/_app/version.json", "br, gzip", `"version":"1"`, map[string]string{
			"Content-Encoding": "",
			"Vary":             "Accept-Encoding",
		}),
		get("an image is never encoded", "/favicon.png", "br, gzip", "PNG", map[string]string{
			"Content-Encoding": "",
			"Vary":             "",
		}),
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Test(t)
	}
}

func TestAPICompression(t *testing.T) {
	publicDir := writeBuild(t)
	factory := func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		web.Register(app, web.Config{PublicDir: publicDir, IndexFallback: true})
		return app
	}
	staff := testapp.AuthHeader(t, testapp.Staff)
	with := func(headers map[string]string, acceptEncoding string) map[string]string {
		all := map[string]string{"Accept-Encoding": acceptEncoding}
		for k, v := range headers {
			all[k] = v
		}
		return all
	}
	gunzipped := func(wantEncoding string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			if got := res.Header.Get("Content-Encoding"); got != wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, wantEncoding)
			}
			if got := res.Header.Get("Vary"); !strings.Contains(got, "Accept-Encoding") && wantEncoding != "" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			if wantEncoding != "gzip" {
				return
			}
			body, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatalf("not gzip: %v", err)
			}
			plain, err := io.ReadAll(body)
			if err != nil || !bytes.Contains(plain, []byte(`"name":"applications"`)) {
				t.Errorf("gunzipped body: %v %.80q", err, plain)
			}
		}
	}

	scenarios := []tests.ApiScenario{
		{
			Name:           "a large JSON answer is gzipped",
			Method:         http.MethodGet,
			URL:            "/api/collections?perPage=50",
			Headers:        with(staff, "gzip, br"),
			ExpectedStatus: http.StatusOK,
			// the body is gzip: checked once gunzipped
			NotExpectedContent: []string{`"name":"applications"`},
			AfterTestFunc:      gunzipped("gzip"),
		},
		{
			Name:            "the same without gzip accepted is plain",
			Method:          http.MethodGet,
			URL:             "/api/collections?perPage=50",
			Headers:         with(staff, "br"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"name":"applications"`},
			AfterTestFunc:   gunzipped(""),
		},
		{
			Name:            "a small JSON answer stays plain",
			Method:          http.MethodGet,
			URL:             "/api/health",
			Headers:         map[string]string{"Accept-Encoding": "gzip"},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"code":200`},
			AfterTestFunc:   gunzipped(""),
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Test(t)
	}
}
