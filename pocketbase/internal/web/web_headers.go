package web

import (
	"path"
	"strings"
)

// Cache-Control values.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheNone      = "no-cache"
	cacheShort     = "public, max-age=600"
)

// revalidated are the entry points that must never be served stale: they
// name the hashed assets of the current build.
var revalidated = map[string]bool{
	"service-worker.js":    true,
	"manifest.webmanifest": true,
}

// cacheControl returns the Cache-Control header of a served file.
func cacheControl(file string) string {
	switch {
	case strings.HasPrefix(file, "_app/immutable/"):
		return cacheImmutable
	case path.Ext(file) == ".html", revalidated[file], strings.HasPrefix(file, "_app/"):
		// _app/version.json and friends change with every build
		return cacheNone
	default:
		return cacheShort
	}
}

// contentType returns the Content-Type of files whose extension Go's mime
// table may not know, or "" to let the file server decide.
func contentType(file string) string {
	switch path.Ext(file) {
	case ".webmanifest":
		return "application/manifest+json"
	default:
		return ""
	}
}
