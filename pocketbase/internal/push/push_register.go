// Package push delivers the notifications outbox as standard Web Push
// (DESIGN.md "Push"): the VAPID key pair (RFC 8292) is loaded from the data
// dir or generated there on the first start, or supplied by configuration;
// its public key is served to the app on GET /api/push/public-key; and a
// worker sends every pending notifications row to each of its owner's
// push_subscriptions, encrypted per RFC 8291 by
// github.com/SherClockHolmes/webpush-go, with a TTL and urgency by kind and
// a Topic per application.
//
// Every (notification, subscription) pair gets one push_deliveries row that
// records its state (pending, sent, failed), its attempts, its last HTTP
// status and when it is next due; a row is only sent while pending, and
// only one pass runs at a time, so a notification is never sent again to a
// subscription once its push service accepted it, across retries and
// restarts. A 2xx answer settles the row as sent; 404 and 410 delete the
// subscription (and its rows); 408, 429, 5xx, timeouts and network errors
// are retried with an exponential backoff with jitter (at least the
// Retry-After) until MaxAttempts; any other answer fails the row. When
// every row of a notification is settled, the notification's delivery
// becomes "sent" (some device accepted it), "failed" (none did) or "none"
// (its owner has no subscribed device left), with delivered_at.
//
// Each answer is written within flushDelay (50 ms) of its arrival, and
// Stop lets the requests in flight finish and records them; only a crash
// inside that window can send one delivery a second time (the Topic and
// the notification tag then make the device replace, not repeat, it).
package push

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

// Values of notifications.delivery.
const (
	NotificationPending = "pending"
	NotificationSent    = "sent"
	NotificationFailed  = "failed"
	NotificationNone    = "none"
)

// Values of push_deliveries.state.
const (
	DeliveryPending = "pending"
	DeliverySent    = "sent"
	DeliveryFailed  = "failed"
)

// Environment variables read by ConfigFromEnv.
const (
	EnvPublicKey  = "DUKCAPIL_VAPID_PUBLIC_KEY"
	EnvPrivateKey = "DUKCAPIL_VAPID_PRIVATE_KEY"
	EnvSubject    = "DUKCAPIL_VAPID_SUBJECT"
)

// DefaultSubject is the VAPID subject (the contact of the office for the
// push services) when none is configured.
const DefaultSubject = "mailto:disdukcapil@balikpapan.go.id"

// KeyFileName is the name of the VAPID key file in the data dir.
const KeyFileName = "vapid.json"

// PublicKeyPath is the route that serves the VAPID public key.
const PublicKeyPath = "/api/push/public-key"

// Defaults of Config.
const (
	DefaultInterval    = 5 * time.Second
	DefaultWorkers     = 32
	DefaultTimeout     = 5 * time.Second
	DefaultMaxAttempts = 8
	DefaultRetryBase   = 10 * time.Second
	DefaultRetryMax    = 10 * time.Minute
)

// Config configures the push sender. The zero value works: the keys live
// in <dataDir>/vapid.json and every number takes its default.
type Config struct {
	// Subject is the VAPID "sub" claim, a mailto: or https: URL
	// (default DefaultSubject).
	Subject string

	// PublicKey and PrivateKey supply an existing VAPID key pair, base64url
	// encoded (the 65-byte uncompressed P-256 point and the 32-byte private
	// scalar, as webpush-go and the web-push tools write them). Set both or
	// neither; when neither, the pair is read from KeyFile or generated.
	PublicKey  string
	PrivateKey string

	// KeyFile is where the generated pair is kept (default
	// <dataDir>/vapid.json, written with mode 0600).
	KeyFile string

	// Interval is the period of the delivery loop, which also runs on every
	// new notification (default 5 s; negative: only on new notifications).
	Interval time.Duration

	// Workers bounds the requests in flight to the push services (default 32).
	Workers int

	// Timeout bounds one request to a push service (default 5 s).
	Timeout time.Duration

	// MaxAttempts is the number of requests after which a delivery that
	// keeps failing with a retryable error is given up (default 8).
	MaxAttempts int

	// RetryBase and RetryMax shape the backoff: RetryBase·2^(attempts-1)
	// capped at RetryMax, with jitter (defaults 10 s and 10 min).
	RetryBase time.Duration
	RetryMax  time.Duration

	// Transport carries the requests (default: GuardedTransport, whose
	// dialer refuses loopback, private, link-local, multicast and
	// unspecified addresses after name resolution). Tests may replace it.
	Transport http.RoundTripper

	// AllowLoopback lets the default transport connect to loopback
	// addresses: only for the end-to-end tests' stand-in push service
	// (DUKCAPIL_PUSH_ALLOW_LOOPBACK=1), off by default.
	AllowLoopback bool

	// AllowEndpoint decides whether a subscription endpoint may be called
	// and stored (default DefaultEndpointPolicy: https with a host name).
	AllowEndpoint func(*url.URL) error

	// Now is the clock (default time.Now).
	Now func() time.Time

	// NoWorker keeps the delivery worker stopped (the public key route and
	// the record hooks still run): for the test apps of other features,
	// whose notifications must stay as those features wrote them.
	NoWorker bool

	// Jitter turns a nominal backoff d into the actual wait (default: a
	// uniformly random duration in [d/2, d]).
	Jitter func(d time.Duration) time.Duration
}

// EnvAllowLoopbackEndpoints, set to "1", also allows push endpoints on the
// loopback interface (http or https): only for end-to-end tests, whose
// stand-in push service runs on this machine.
const EnvAllowLoopbackEndpoints = "DUKCAPIL_PUSH_ALLOW_LOOPBACK"

// ConfigFromEnv returns the Config given by the environment: the key pair
// from DUKCAPIL_VAPID_PUBLIC_KEY and DUKCAPIL_VAPID_PRIVATE_KEY, the
// subject from DUKCAPIL_VAPID_SUBJECT, and loopback endpoints for tests
// (DUKCAPIL_PUSH_ALLOW_LOOPBACK); everything else takes its default.
func ConfigFromEnv() Config {
	config := Config{
		PublicKey:  os.Getenv(EnvPublicKey),
		PrivateKey: os.Getenv(EnvPrivateKey),
		Subject:    os.Getenv(EnvSubject),
	}
	if os.Getenv(EnvAllowLoopbackEndpoints) == "1" {
		config.AllowEndpoint = LoopbackOrDefaultEndpointPolicy
		config.AllowLoopback = true
	}
	return config
}

const (
	serveHookId     = "dukcapilPushServe"
	terminateHookId = "dukcapilPushTerminate"
	defaultHookId   = "dukcapilPushDefaultPending"
	triggerHookId   = "dukcapilPushTrigger"
	subscribeHookId = "dukcapilPushSubscribe"
)

// Register sets up Web Push on app. When the app serves, it loads or
// creates the VAPID keys (an error stops the start), serves the public key
// on GET /api/push/public-key and starts the delivery worker, which stops
// when the app terminates. A new notification without a delivery state is
// pending, and a new pending notification wakes the worker. Creating a push
// subscription through the API checks its endpoint and keys, and takes the
// endpoint over from another resident who subscribed it before.
func Register(app core.App, config Config) {
	var current atomic.Pointer[Worker]

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: serveHookId,
		Func: func(e *core.ServeEvent) error {
			keys, err := ResolveKeys(e.App, config)
			if err != nil {
				return fmt.Errorf("push: %w", err)
			}

			e.Router.GET(PublicKeyPath, publicKeyHandler(keys))
			if config.NoWorker {
				return e.Next()
			}

			w, err := NewWorker(e.App, keys, config)
			if err != nil {
				return fmt.Errorf("push: %w", err)
			}
			if old := current.Swap(w); old != nil {
				old.Stop()
			}
			w.Start()

			return e.Next()
		},
	})

	app.OnTerminate().Bind(&hook.Handler[*core.TerminateEvent]{
		Id: terminateHookId,
		Func: func(e *core.TerminateEvent) error {
			if w := current.Swap(nil); w != nil {
				w.Stop()
			}
			return e.Next()
		},
		// stop sending before the database is closed
		Priority: -99,
	})

	app.OnRecordCreate(collections.Notifications).Bind(&hook.Handler[*core.RecordEvent]{
		Id: defaultHookId,
		Func: func(e *core.RecordEvent) error {
			if e.Record.GetString("delivery") == "" {
				e.Record.Set("delivery", NotificationPending)
			}
			return e.Next()
		},
	})

	app.OnRecordAfterCreateSuccess(collections.Notifications).Bind(&hook.Handler[*core.RecordEvent]{
		Id: triggerHookId,
		Func: func(e *core.RecordEvent) error {
			if w := current.Load(); w != nil && e.Record.GetString("delivery") == NotificationPending {
				w.Trigger()
			}
			return e.Next()
		},
	})

	policy := config.AllowEndpoint
	if policy == nil {
		policy = DefaultEndpointPolicy
	}
	app.OnRecordCreateRequest(collections.PushSubscriptions).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: subscribeHookId,
		Func: func(e *core.RecordRequestEvent) error {
			return onSubscribe(e, policy)
		},
	})
}
