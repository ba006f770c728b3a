// Package limits holds the rate limits that fit residents behind a mobile
// carrier's NAT, where hundreds of phones share one address: signed-in
// requests are counted per account, sign-in and account-recovery attempts
// per identity (the e-mail address tried), and PocketBase's own per-address
// rules (settings, migration 1795824500) stay only as high ceilings for
// guests and as the registration limit per address. The realtime stream
// (GET /api/realtime) is not counted: it is one long request per open app.
//
// Keys (for other features that apply a limit with Allow):
//
//	account:<users id>               every signed-in request (not the stream)
//	identity:<collection>:<e-mail>   auth-with-password, auth-with-otp,
//	                                 request-otp, request-password-reset,
//	                                 request-verification, confirm-password-reset
//
// A refused request is answered 429 with a Retry-After header, in
// PocketBase's error shape.
package limits

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Defaults of Config.
var (
	// DefaultAccount: a sync sends bursts (a create, documents, a
	// finalise, a pull); 200 at once and 10 a second after that is far
	// above what one phone does and far below what hurts the server.
	DefaultAccount = Rule{Every: 100 * time.Millisecond, Burst: 200}
	// DefaultIdentity: 10 attempts at once on one account, then one every
	// 30 s (120 an hour): password guessing stays slow whatever the
	// number of addresses, and nobody else's sign-in is touched.
	DefaultIdentity = Rule{Every: 30 * time.Second, Burst: 10}
)

// Config configures the limits.
type Config struct {
	// Account is the limit of each signed-in account (default DefaultAccount).
	Account Rule
	// Identity is the limit of the sign-in and recovery attempts on each
	// identity (default DefaultIdentity).
	Identity Rule
	// Disabled turns the limits off (tests of other features).
	Disabled bool
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Limiter is the limits of one app.
type Limiter struct {
	accounts   *Keyed
	identities *Keyed
}

// New returns the limiter of config.
func New(config Config) *Limiter {
	if config.Account.Burst <= 0 {
		config.Account = DefaultAccount
	}
	if config.Identity.Burst <= 0 {
		config.Identity = DefaultIdentity
	}
	return &Limiter{
		accounts:   NewKeyed(config.Account, config.Now),
		identities: NewKeyed(config.Identity, config.Now),
	}
}

// Allow takes a token for key (see the package doc for the keys).
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	if strings.HasPrefix(key, "identity:") {
		return l.identities.Allow(key)
	}
	return l.accounts.Allow(key)
}

// Take is Allow with a refund that gives the token back (Keyed.Take).
func (l *Limiter) Take(key string) (bool, time.Duration, func()) {
	if strings.HasPrefix(key, "identity:") {
		return l.identities.Take(key)
	}
	return l.accounts.Take(key)
}

const hookId = "dukcapilLimits"

// Priority of the middleware: after PocketBase loads the auth token and
// bounds the body, before any handler.
const Priority = apis.DefaultBodyLimitMiddlewarePriority + 5

// identityActions are the auth routes limited per identity.
var identityActions = map[string]bool{
	"auth-with-password": true, "auth-with-otp": true, "request-otp": true,
	"request-password-reset": true, "confirm-password-reset": true, "request-verification": true,
}

// Register installs the limits on every route of app, and the body limit
// of the residents' record requests (RegisterBodyLimit).
func Register(app core.App, config Config) *Limiter {
	RegisterBodyLimit(app)
	l := New(config)
	if config.Disabled {
		return l
	}
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: hookId,
		Func: func(e *core.ServeEvent) error {
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:       hookId,
				Priority: Priority,
				Func:     l.middleware,
			})
			return e.Next()
		},
	})
	return l
}

func (l *Limiter) middleware(e *core.RequestEvent) error {
	if e.HasSuperuserAuth() || !strings.HasPrefix(e.Request.URL.Path, "/api/") {
		return e.Next()
	}
	if !e.App.Settings().RateLimits.Enabled {
		// one switch for all rate limiting: the dashboard's Settings → Rate limits
		return e.Next()
	}
	if e.Request.Method == http.MethodGet && e.Request.URL.Path == "/api/realtime" {
		return e.Next() // the stream: one long request per open app
	}

	refund := func() {}
	if key := identityKey(e); key != "" {
		var err error
		if refund, err = l.check(e, key); err != nil {
			return err
		}
		if !signInAttempt(e.Request.URL.Path) {
			refund = func() {} // e-mails asked for count even when they are sent
		}
	}
	if e.Auth != nil {
		if _, err := l.check(e, "account:"+e.Auth.Id); err != nil {
			return err
		}
	}
	err := e.Next()
	if err == nil || errors.Is(err, apis.ErrMFA) {
		// a sign-in that succeeded (or passed its first factor: ErrMFA) is no guess: only
		// failed attempts use up an identity's allowance, so staff who sign in
		// often are never locked out by their own successes
		refund()
	}
	return err
}

// signInAttempt tells whether path is a sign-in with a secret (password or
// one-time code), whose failures alone count against the identity.
func signInAttempt(path string) bool {
	return strings.HasSuffix(path, "/auth-with-password") || strings.HasSuffix(path, "/auth-with-otp")
}

func (l *Limiter) check(e *core.RequestEvent, key string) (func(), error) {
	ok, wait, refund := l.Take(key)
	if ok {
		return refund, nil
	}
	e.Response.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	return func() {}, e.TooManyRequestsError("", errors.New("rate limited: "+strings.SplitN(key, ":", 2)[0]))
}

// identityKey returns the identity key of an auth route's request, or "".
func identityKey(e *core.RequestEvent) string {
	if e.Request.Method != http.MethodPost {
		return ""
	}
	parts := strings.Split(strings.TrimPrefix(e.Request.URL.Path, "/api/collections/"), "/")
	if len(parts) != 2 || !identityActions[parts[1]] || e.Request.Body == nil {
		return ""
	}
	collection := parts[0]

	// the body is read here and given back whole to the handler
	raw, err := io.ReadAll(io.LimitReader(e.Request.Body, 64<<10))
	if err != nil {
		return ""
	}
	// rereadable, as PocketBase's router made it: a handler may read the body twice (the MFA check)
	e.Request.Body = &router.RereadableReadCloser{ReadCloser: io.NopCloser(io.MultiReader(bytes.NewReader(raw), e.Request.Body))}

	var body struct {
		Identity string `json:"identity"`
		Email    string `json:"email"`
		OtpId    string `json:"otpId"`
		Token    string `json:"token"`
	}
	switch ct := e.Request.Header.Get("Content-Type"); {
	case strings.Contains(ct, "json"):
		_ = json.Unmarshal(raw, &body)
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
		if form, err := url.ParseQuery(string(raw)); err == nil {
			body.Identity, body.Email, body.OtpId, body.Token = form.Get("identity"), form.Get("email"), form.Get("otpId"), form.Get("token")
		}
	}
	identity := ""
	for _, v := range []string{body.Identity, body.Email, body.OtpId, body.Token} {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			identity = v
			break
		}
	}
	if identity == "" {
		// a body the limiter cannot read (multipart, malformed) is counted
		// on its address, in the identity bucket's tight limit
		identity = "address:" + e.RealIP()
	}
	return "identity:" + collection + ":" + identity
}
