package web

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

const indexPage = "index.html"

// reservedPrefixes belong to PocketBase and are never answered with the app.
var reservedPrefixes = []string{"api/", "_/"}

// site serves one static build.
type site struct {
	fsys          fs.FS
	indexFallback bool
	static        func(*core.RequestEvent) error

	mu   sync.Mutex
	csps map[string]cachedCSP
}

type cachedCSP struct {
	modTime time.Time
	size    int64
	value   string
}

func newSite(fsys fs.FS, indexFallback bool) *site {
	return &site{
		fsys:          fsys,
		indexFallback: indexFallback,
		// upstream's handler does the file serving itself (ranges,
		// conditional requests, redirects, no activity log on success)
		static: apis.Static(fsys, false),
		csps:   map[string]cachedCSP{},
	}
}

// serve answers GET /{path...}.
func (s *site) serve(e *core.RequestEvent) error {
	name := cleanName(e.Request.PathValue(apis.StaticWildcardParam))

	for _, prefix := range reservedPrefixes {
		if name+"/" == prefix || strings.HasPrefix(name, prefix) {
			return router.ErrFileNotFound
		}
	}

	header := e.Response.Header()
	header.Set("X-Content-Type-Options", "nosniff")
	header.Set("Referrer-Policy", "strict-origin-when-cross-origin")

	file, ok := s.resolve(name)
	if !ok {
		return router.ErrFileNotFound
	}

	header.Set("Cache-Control", cacheControl(file))
	trimAssetHeaders(header, file)
	dropCORSHeaders(header)
	if ct := contentType(file); ct != "" {
		header.Set("Content-Type", ct)
	}
	if path.Ext(file) == ".html" {
		csp, err := s.pageCSP(file)
		if err != nil {
			return router.ErrFileNotFound
		}
		header.Set("Content-Security-Policy", csp)
	}

	target := file
	if file == path.Join(name, indexPage) && s.isDir(name) {
		// let the file server redirect "/dir" to "/dir/" and serve its index
		target = name
	} else if isCompressible(file) {
		header.Add("Vary", "Accept-Encoding")
		if twin, encoding, ok := pickTwin(s.fsys, file, e.Request.Header.Get("Accept-Encoding")); ok {
			// the precompressed twin, typed as the file it encodes
			header.Set("Content-Type", typeOf(file))
			header.Set("Content-Encoding", encoding)
			target = twin
		}
	}
	if cacheControl(file) == cacheImmutable {
		return s.serveImmutable(e, target)
	}
	e.Request.SetPathValue(apis.StaticWildcardParam, target)
	return s.static(e)
}

// resolve returns the file that answers name: the file itself, the
// index.html of a directory, a page named without ".html", or the fallback
// page for a client route.
func (s *site) resolve(name string) (string, bool) {
	if name == "" {
		return indexPage, s.exists(indexPage)
	}

	info, err := fs.Stat(s.fsys, name)
	switch {
	case err == nil && !info.IsDir():
		return name, true
	case err == nil && s.exists(path.Join(name, indexPage)):
		return path.Join(name, indexPage), true
	case err != nil && path.Ext(name) == "" && s.exists(name+".html"):
		// a page of the build without its extension, as the service worker's precache names it
		// ("/blank" for blank.html)
		return name + ".html", true
	case s.fallsBack(name) && s.exists(indexPage):
		return indexPage, true
	}
	return "", false
}

// fallsBack reports whether a missing name is a client route that the
// SPA's index.html handles; assets (anything under _app/ or with a file
// extension) are answered 404 so that a broken asset never gets HTML.
func (s *site) fallsBack(name string) bool {
	if !s.indexFallback || name == "_app" || strings.HasPrefix(name, "_app/") {
		return false
	}
	ext := path.Ext(path.Base(name))
	return ext == "" || ext == ".html"
}

func (s *site) exists(name string) bool {
	info, err := fs.Stat(s.fsys, name)
	return err == nil && !info.IsDir()
}

func (s *site) isDir(name string) bool {
	info, err := fs.Stat(s.fsys, name)
	return err == nil && info.IsDir()
}

// pageCSP returns the Content-Security-Policy of the HTML file name,
// recomputed whenever the file changes (e.g. a rebuild while serving).
func (s *site) pageCSP(name string) (string, error) {
	info, err := fs.Stat(s.fsys, name)
	if err != nil {
		return "", err
	}
	if info.IsDir() {
		return "", errors.New(name + " is a directory")
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	if c, ok := s.csps[name]; ok && c.modTime.Equal(info.ModTime()) && c.size == info.Size() {
		return c.value, nil
	}

	page, err := fs.ReadFile(s.fsys, name)
	if err != nil {
		return "", err
	}
	value := contentSecurityPolicy(inlineScriptHashes(page))
	s.csps[name] = cachedCSP{modTime: info.ModTime(), size: info.Size(), value: value}
	return value, nil
}

// cleanName normalises the wildcard path into an fs.FS name ("" for the root).
func cleanName(raw string) string {
	name := path.Clean("/" + strings.TrimPrefix(raw, "/"))
	return strings.TrimPrefix(name, "/")
}
