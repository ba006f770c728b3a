// Package seed creates the demo accounts on the first start of an empty
// instance: a staff superuser and a demo resident, each with a generated
// password that is printed once and stored nowhere else.
package seed

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Config configures the demo seed.
type Config struct {
	// Enabled is the value of the --demo flag; nothing is seeded or printed
	// when it is false.
	Enabled bool

	// Output receives the URLs and the credentials (default os.Stdout).
	Output io.Writer
}

const hookId = "dukcapilDemoSeed"

// Register seeds the demo when the app starts serving, before the listener
// opens and before PocketBase's installer checks for a first superuser (so
// the installer link is not shown once the demo staff account exists).
func Register(app core.App, config Config) {
	if config.Output == nil {
		config.Output = os.Stdout
	}

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: hookId,
		Func: func(e *core.ServeEvent) error {
			if !config.Enabled {
				return e.Next()
			}

			result, err := Seed(e.App)
			if err != nil {
				return fmt.Errorf("seed the demo: %w", err)
			}
			// printed before e.Next() so that the passwords are never lost,
			// even when the listener then fails to open
			printResult(config.Output, baseURL(e.Server), result)

			return e.Next()
		},
		// before most other serve hooks
		Priority: -100,
	})
}

// baseURL returns the URL of the HTTP server, e.g. "http://127.0.0.1:8090".
func baseURL(server *http.Server) string {
	addr := "127.0.0.1:8090"
	if server != nil && server.Addr != "" {
		addr = server.Addr
	}

	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}
