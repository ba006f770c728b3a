package web

import (
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// apiGzipMinLength is the size from which an API answer is gzipped: below
// it the gzip header costs more than it saves.
const apiGzipMinLength = 1024

// uncompressedAPI are the API paths whose answers are left as they are: the
// realtime event stream, files (documents and results are JPEG, PNG, WebP
// or PDF, compressed already), backups (zip archives) and resumable uploads.
var uncompressedAPI = []string{"/api/realtime", "/api/files/", "/api/backups", "/api/uploads/"}

const apiGzipHookId = "dukcapilApiGzip"

// apiCompression returns the middleware that gzips the API's JSON answers
// of apiGzipMinLength bytes or more for clients that accept gzip
// (PocketBase's own gzip middleware, on /api/ only: the app's static files
// are precompressed at build time instead).
func apiCompression() *hook.Handler[*core.RequestEvent] {
	gzip := apis.GzipWithConfig(apis.GzipConfig{MinLength: apiGzipMinLength})
	return &hook.Handler[*core.RequestEvent]{
		Id: apiGzipHookId,
		Func: func(e *core.RequestEvent) error {
			path := e.Request.URL.Path
			if !strings.HasPrefix(path, "/api/") {
				return e.Next()
			}
			for _, prefix := range uncompressedAPI {
				if strings.HasPrefix(path, prefix) {
					return e.Next()
				}
			}
			return gzip.Func(e)
		},
		Priority: gzip.Priority,
	}
}
