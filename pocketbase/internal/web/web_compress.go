package web

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// encodingTwin is a precompressed twin of a built file: the build writes
// "<file>.br" (Brotli, max quality) and "<file>.gz" (gzip) beside every
// compressible file (scripts/lib/precompress.js), so nothing is compressed
// at request time.
type encodingTwin struct {
	encoding string // the Content-Encoding token
	suffix   string // the twin's file name suffix
}

// twins in order of preference: Brotli is smaller than gzip.
var twins = []encodingTwin{{"br", ".br"}, {"gzip", ".gz"}}

// compressible are the extensions the build writes twins for.
var compressible = map[string]bool{
	".js": true, ".mjs": true, ".css": true, ".html": true, ".json": true, ".svg": true,
	".webmanifest": true, ".txt": true, ".xml": true, ".map": true, ".ico": true,
}

// isCompressible reports whether file may have precompressed twins, so that
// its responses vary by Accept-Encoding.
func isCompressible(file string) bool {
	return compressible[path.Ext(file)]
}

// pickTwin returns the name and Content-Encoding of the best twin of file
// that the Accept-Encoding header allows and that exists in fsys, or ok =
// false for the file itself (identity).
func pickTwin(fsys fs.FS, file, acceptEncoding string) (name, encoding string, ok bool) {
	if !isCompressible(file) {
		return "", "", false
	}
	accepted := acceptedEncodings(acceptEncoding)
	for _, twin := range twins {
		if !accepted(twin.encoding) {
			continue
		}
		if info, err := fs.Stat(fsys, file+twin.suffix); err == nil && !info.IsDir() {
			return file + twin.suffix, twin.encoding, true
		}
	}
	return "", "", false
}

// acceptedEncodings parses an Accept-Encoding header (RFC 9110 12.5.3) into
// a test of whether a coding is acceptable: listed (or matched by "*") with
// a q-value above zero.
func acceptedEncodings(header string) func(string) bool {
	q := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token == "" {
			continue
		}
		weight := 1.0
		for _, param := range strings.Split(params, ";") {
			key, value, found := strings.Cut(strings.TrimSpace(param), "=")
			if found && strings.EqualFold(strings.TrimSpace(key), "q") {
				if parsed, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
					weight = parsed
				} else {
					weight = 0
				}
			}
		}
		q[token] = weight
	}
	return func(coding string) bool {
		if weight, listed := q[coding]; listed {
			return weight > 0
		}
		weight, star := q["*"]
		return star && weight > 0
	}
}

// typeOf returns the Content-Type of the original file, which a twin's own
// extension (.br, .gz) would hide from the file server.
func typeOf(file string) string {
	if ct := contentType(file); ct != "" {
		return ct
	}
	if ct := mime.TypeByExtension(path.Ext(file)); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// documentOnlyHeaders only mean something on a document (a page), never on
// a script, a stylesheet, an image or the manifest: those are sent without
// them, as every response costs its headers on a slow line and the first
// visit loads dozens. (A script's Referrer-Policy would set the policy of the
// requests it makes; without it they have the browser's default, which is the
// same strict-origin-when-cross-origin.)
var documentOnlyHeaders = []string{"X-Frame-Options", "X-Xss-Protection", "Referrer-Policy"}

// trimAssetHeaders removes the document-only headers from the answer of any
// file a browser does not show as a page: everything but HTML and SVG (an SVG
// opened on its own is a document that can run script).
func trimAssetHeaders(header http.Header, file string) {
	if ext := path.Ext(file); ext == ".html" || ext == ".svg" {
		return
	}
	for _, name := range documentOnlyHeaders {
		header.Del(name)
	}
}
