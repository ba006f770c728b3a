// Package web serves the built PWA (the SvelteKit static build) from the
// same origin as the API: client routes fall back to index.html, hashed
// assets are cached for a year, the entry points are always revalidated,
// and the app's pages carry a strict Content-Security-Policy.
package web

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Config configures the static app serving.
type Config struct {
	// PublicDir is the directory of the static build (index.html at its root).
	PublicDir string

	// IndexFallback serves index.html for paths that name no file and look
	// like client routes (no file extension, outside /_app/).
	IndexFallback bool

	// Output receives the startup warning when index.html is missing
	// (default os.Stderr).
	Output io.Writer
}

const (
	hookId    = "dukcapilWeb"
	routePath = "/{path...}"
)

// Register serves config.PublicDir on "/{path...}" when the app serves
// (unless another handler already claimed that route). The API ("/api/")
// and the dashboard ("/_/") are left untouched. A missing index.html is
// logged as a warning and does not stop the server.
func Register(app core.App, config Config) {
	if config.Output == nil {
		config.Output = os.Stderr
	}

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: hookId,
		Func: func(e *core.ServeEvent) error {
			s := newSite(os.DirFS(config.PublicDir), config.IndexFallback)

			if _, err := s.pageCSP(indexPage); err != nil {
				dir, _ := filepath.Abs(config.PublicDir)
				msg := fmt.Sprintf("the app is not built: %s was not found, so only the API and the dashboard are served (run the SvelteKit build or pass --publicDir)", filepath.Join(dir, indexPage))
				e.App.Logger().Warn(msg, "error", err)
				fmt.Fprintf(config.Output, "WARNING: %s\n", msg)
			}

			e.Router.Bind(apiCompression())

			if !e.Router.HasRoute(http.MethodGet, routePath) {
				e.Router.GET(routePath, s.serve)
			}
			return e.Next()
		},
		// run late so that routes registered by other hooks win
		Priority: 999,
	})
}
