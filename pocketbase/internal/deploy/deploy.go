// Package deploy adapts the server to how it is deployed: behind a reverse
// proxy, PocketBase's trusted proxy setting makes the rate limits and the
// logs use the client's address (not the proxy's), and when the app is
// served over https every answer carries Strict-Transport-Security; and
// `serve --https=...` can use the office's own certificate from files
// instead of PocketBase's autocert (Let's Encrypt).
package deploy

import (
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

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
	// EnvTLSCertFile and EnvTLSKeyFile are the PEM files of the
	// certificate (its chain, leaf first) and of its private key that
	// `serve --https=ADDR` presents instead of asking Let's Encrypt.
	EnvTLSCertFile = "DUKCAPIL_TLS_CERT_FILE"
	EnvTLSKeyFile  = "DUKCAPIL_TLS_KEY_FILE"
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
	// TLSCertFile and TLSKeyFile, both or neither, are the certificate
	// served over https (with `serve --https=ADDR`); empty: autocert.
	TLSCertFile string
	TLSKeyFile  string
}

// ConfigFromEnv returns the Config given by the environment.
func ConfigFromEnv() Config {
	return Config{
		TrustedProxyHeaders: ParseHeaders(os.Getenv(EnvTrustedProxyHeaders)),
		UseLeftmostIP:       os.Getenv(EnvTrustedProxyLeftmost) == "1",
		TLSCertFile:         os.Getenv(EnvTLSCertFile),
		TLSKeyFile:          os.Getenv(EnvTLSKeyFile),
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

// Register applies config when the app serves: the certificate files
// (a file that cannot be read ends the start with an error naming it),
// the trusted proxy headers (saved into the settings when they differ) and
// the HSTS header on every answer to a request that came over https (TLS
// here, or a trusted proxy's X-Forwarded-Proto: https).
func Register(app core.App, config Config) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: serveHookId,
		Func: func(e *core.ServeEvent) error {
			if err := useCertificateFiles(e, config); err != nil {
				return err
			}
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

// useCertificateFiles makes the https server present the certificate of
// config's files instead of autocert's: the files are read once, now (a
// renewed certificate takes a restart). The protocols offered stay h2 and
// http/1.1 (net/http adds them when serving TLS); autocert's ACME
// challenge protocol is dropped, as nothing answers it any more.
func useCertificateFiles(e *core.ServeEvent, config Config) error {
	if config.TLSCertFile == "" && config.TLSKeyFile == "" {
		return nil
	}
	if config.TLSCertFile == "" || config.TLSKeyFile == "" {
		return fmt.Errorf("https: both %s and %s (--tlsCert, --tlsKey) are needed, only one is set", EnvTLSCertFile, EnvTLSKeyFile)
	}
	cert, err := tls.LoadX509KeyPair(config.TLSCertFile, config.TLSKeyFile)
	if err != nil {
		return fmt.Errorf("https: the certificate %s with the key %s cannot be used: %w", config.TLSCertFile, config.TLSKeyFile, err)
	}
	if cert.Leaf == nil {
		return errors.New("https: the certificate file has no certificate")
	}
	if e.Server == nil {
		return errors.New("https: no server to give the certificate to")
	}
	if time.Now().After(cert.Leaf.NotAfter) {
		e.App.Logger().Warn("https: the certificate has expired: browsers will refuse it",
			"file", config.TLSCertFile, "notAfter", cert.Leaf.NotAfter)
	}
	if e.Server.TLSConfig == nil {
		e.Server.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	e.Server.TLSConfig.GetCertificate = nil
	e.Server.TLSConfig.Certificates = []tls.Certificate{cert}
	e.Server.TLSConfig.NextProtos = []string{"h2", "http/1.1"}
	e.App.Logger().Info("https: serving the certificate from files",
		"file", config.TLSCertFile, "subject", cert.Leaf.Subject.String(), "notAfter", cert.Leaf.NotAfter)
	return nil
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
