package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// skipSuccessLog is PocketBase's request-event key that keeps a successful
// request out of the activity log (as its own static handler does: one log
// row per asset would be a database write per script).
const skipSuccessLog = "__skipSuccessActivityLogger"

// dropCORSHeaders removes what PocketBase's CORS middleware adds to every
// answer: the app's files are only ever loaded by its own origin, and
// "Vary: Origin" makes the browser's cache keep a file per Origin header, so
// the service worker's precache (no Origin) missed every file a page had just
// loaded as a module script (with Origin) and downloaded it a second time.
func dropCORSHeaders(header http.Header) {
	header.Del("Access-Control-Allow-Origin")
	vary := header.Values("Vary")
	header.Del("Vary")
	for _, value := range vary {
		for _, token := range strings.Split(value, ",") {
			if token = strings.TrimSpace(token); token != "" && !strings.EqualFold(token, "Origin") {
				header.Add("Vary", token)
			}
		}
	}
}

// serveImmutable sends a hashed asset (or its precompressed twin, name) with
// only the headers it needs: its name changes with its content, so no part of
// it is ever asked for (no Accept-Ranges) and it is sent whole with its
// length. It keeps Last-Modified: a browser installing the service worker
// revalidates every script the worker imports (the app's own chunks, just
// loaded by the page), and a 304 costs a few hundred bytes where the file
// costs tens of kilobytes. On a slow line every response's headers count.
func (s *site) serveImmutable(e *core.RequestEvent, name string) error {
	f, err := s.fsys.Open(name)
	if err != nil {
		return router.ErrFileNotFound
	}
	defer f.Close()

	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return router.ErrFileNotFound
	}

	if e.Get(skipSuccessLog) == nil {
		e.Set(skipSuccessLog, true)
	}

	header := e.Response.Header()
	modTime := info.ModTime().UTC().Truncate(time.Second)
	if since, err := http.ParseTime(e.Request.Header.Get("If-Modified-Since")); err == nil && !modTime.After(since) {
		header.Del("Content-Type")
		header.Del("Content-Encoding")
		e.Response.WriteHeader(http.StatusNotModified)
		return nil
	}
	header.Set("Last-Modified", modTime.Format(http.TimeFormat))
	if header.Get("Content-Type") == "" {
		header.Set("Content-Type", typeOf(name))
	}
	header.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	e.Response.WriteHeader(http.StatusOK)
	if e.Request.Method == http.MethodHead {
		return nil
	}
	_, err = io.Copy(e.Response, f)
	return err
}
