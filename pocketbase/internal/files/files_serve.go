package files

import (
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// servedTypes are the content types a stored file is served as, by its
// extension (which the upload made the one of its sniffed content).
var servedTypes = map[string]string{".jpg": TypeJPEG, ".jpeg": TypeJPEG, ".png": TypePNG, ".webp": TypeWebP, ".pdf": TypePDF}

// ServeHeaders sets the headers under which a resident's document or a
// result is served, before PocketBase serves it (it keeps headers already
// set): nosniff, so that no browser reads it as another type than the one
// given; the type of its extension (one of the accepted types) inline, and
// anything else (a file stored before the extension rule) as an
// application/octet-stream attachment, so nothing uploaded can run as a
// script or open as a page on the app's origin. download asks for an
// attachment whatever the type (PocketBase's ?download=1).
func ServeHeaders(h http.Header, servedName string, download bool) {
	h.Set("X-Content-Type-Options", "nosniff")
	name := mime.QEncoding.Encode("utf-8", filepath.Base(servedName))
	name = strings.NewReplacer(`"`, "", "\r", "", "\n", "").Replace(name)
	if t, ok := servedTypes[strings.ToLower(filepath.Ext(servedName))]; ok {
		disposition := "inline"
		if download {
			disposition = "attachment"
		}
		h.Set("Content-Type", t)
		h.Set("Content-Disposition", disposition+`; filename="`+name+`"`)
		return
	}
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
}

// onDownload sets ServeHeaders on every file of the documents and of the
// applications (the results) collections.
func onDownload(e *core.FileDownloadRequestEvent) error {
	if c := e.Collection; c != nil && (c.Name == collections.Documents || c.Name == collections.Applications) {
		download, _ := strconv.ParseBool(e.Request.URL.Query().Get("download"))
		ServeHeaders(e.Response.Header(), e.ServedName, download)
	}
	return e.Next()
}
