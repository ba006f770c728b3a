// Package deploy adapts the server to how it is deployed: behind a reverse
// proxy, PocketBase's trusted proxy setting makes the rate limits and the
// logs use the client's address (not the proxy's), and when the app is
// served over https every answer carries Strict-Transport-Security.
package deploy

import (
	"os"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Environment variables read by ConfigFromEnv (the flags of main.go take
// them as defaults).
const (
	// EnvTrustedProxyHeaders is a comma-separated list of headers that the
	// reverse proxy in front of the server sets to the client's address,
	// e.g. "X-Forwarded-For" or "X-Real-IP". Empty: no proxy is trusted.
	EnvTrustedProxyHeaders = "DUKCAPIL_TRUSTED_PROXY_HEADERS"
	// EnvTrustedProxyLeftmost, "1", takes the left-most address of
	// X-Forwarded-For instead of the right-most (only when the proxy
	// replaces, not appends to, a client-sent header).
	EnvTrustedProxyLeftmost = "DUKCAPIL_TRUSTED_PROXY_LEFTMOST"
)

// HSTS is the Strict-Transport-Security value sent over https.
const HSTS = "max-age=31536000; includeSubDomains"

// Config configures the deployment.
type Config struct {
	// TrustedProxyHeaders are the headers of a trusted reverse proxy that
	// carry the client's address. When set, they are written into
	// PocketBase's settings (trustedProxy) when the server starts.
	TrustedProxyHeaders []string
	// UseLeftmostIP takes the left-most address of those headers.
	UseLeftmostIP bool
}

// ConfigFromEnv returns the Config given by the environment.
func ConfigFromEnv() Config {
	return Config{
		TrustedProxyHeaders: ParseHeaders(os.Getenv(EnvTrustedProxyHeaders)),
		UseLeftmostIP:       os.Getenv(EnvTrustedProxyLeftmost) == "1",
	}
}

// ParseHeaders splits a comma-separated header list, dropping blanks.
func ParseHeaders(list string) []string {
	var out []string
	for _, h := range strings.Split(list, ",") {
		if h = strings.TrimSpace(h); h != "" {
			out = append(out, h)
		}
	}
	return out
}

const (
	serveHookId = "dukcapilDeploy"
	hstsHookId  = "dukcapilHSTS"
)

// Register applies config when the app serves: the trusted proxy headers
// (saved into the settings when they differ) and the HSTS header on every
// answer to a request that came over https (TLS here, or a trusted proxy's
// X-Forwarded-Proto: https).
func Register(app core.App, config Config) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: serveHookId,
		Func: func(e *core.ServeEvent) error {
			if len(config.TrustedProxyHeaders) > 0 {
				settings := e.App.Settings()
				if !slices.Equal(settings.TrustedProxy.Headers, config.TrustedProxyHeaders) ||
					settings.TrustedProxy.UseLeftmostIP != config.UseLeftmostIP {
					settings.TrustedProxy.Headers = config.TrustedProxyHeaders
					settings.TrustedProxy.UseLeftmostIP = config.UseLeftmostIP
					if err := e.App.Save(settings); err != nil {
						return err
					}
				}
			}
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:       hstsHookId,
				Priority: -1001, // before PocketBase's own middlewares answer
				Func: func(re *core.RequestEvent) error {
					if IsHTTPS(re) {
						re.Response.Header().Set("Strict-Transport-Security", HSTS)
					}
					return re.Next()
				},
			})
			return e.Next()
		},
	})
}

// IsHTTPS reports whether the request reached the client's end over
// https: a TLS connection to this server, or, behind a trusted proxy (the
// trustedProxy setting has headers), X-Forwarded-Proto: https.
func IsHTTPS(e *core.RequestEvent) bool {
	if e.Request.TLS != nil {
		return true
	}
	if len(e.App.Settings().TrustedProxy.Headers) == 0 {
		return false
	}
	proto := e.Request.Header.Get("X-Forwarded-Proto")
	if i := strings.IndexByte(proto, ','); i >= 0 {
		proto = proto[:i]
	}
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}
