package push

import (
	"crypto/ecdh"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// Error codes of the field errors of a refused subscription.
const (
	CodeEndpointNotAllowed = "push_endpoint_not_allowed"
	CodeInvalidKey         = "push_invalid_key"
)

// PublicKeyResponse is the body of GET /api/push/public-key.
type PublicKeyResponse struct {
	// PublicKey is the applicationServerKey of PushManager.subscribe,
	// base64url without padding.
	PublicKey string `json:"publicKey"`
}

// publicKeyHandler serves the VAPID public key to everyone.
func publicKeyHandler(keys Keys) func(e *core.RequestEvent) error {
	body := PublicKeyResponse{PublicKey: keys.Public}
	return func(e *core.RequestEvent) error {
		// a new key (a new data dir) must reach the app at its next start
		e.Response.Header().Set("Cache-Control", "no-cache")
		return e.JSON(http.StatusOK, body)
	}
}

// DefaultEndpointPolicy allows an https endpoint on a host name, which is
// what every browser's push service gives; it keeps the sender from being
// pointed at plain-http, IP-literal or localhost addresses.
func DefaultEndpointPolicy(u *url.URL) error {
	if u.Scheme != "https" {
		return errors.New("the endpoint must be an https URL")
	}
	host := u.Hostname()
	if host == "" || net.ParseIP(host) != nil || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return errors.New("the endpoint must name a push service host")
	}
	return nil
}

// LoopbackOrDefaultEndpointPolicy allows what DefaultEndpointPolicy allows,
// plus http or https endpoints on a loopback address (127.0.0.0/8, ::1): the
// stand-in push service of the end-to-end tests.
func LoopbackOrDefaultEndpointPolicy(u *url.URL) error {
	if ip := net.ParseIP(u.Hostname()); ip != nil && ip.IsLoopback() && (u.Scheme == "http" || u.Scheme == "https") {
		return nil
	}
	return DefaultEndpointPolicy(u)
}

// MaxSubscriptions is the number of push subscriptions a resident keeps:
// a new one beyond it replaces the oldest (a phone reinstalled, a browser
// profile gone, leave theirs behind).
const MaxSubscriptions = 10

// dropOldest deletes the owner's oldest subscriptions until keep are left.
func dropOldest(tx core.App, owner string, keep int) error {
	subs, err := tx.FindRecordsByFilter(collections.PushSubscriptions, "owner = {:owner}", "-created,-id", 0, 0,
		dbx.Params{"owner": owner})
	if err != nil {
		return fmt.Errorf("read the subscriptions of %s: %w", owner, err)
	}
	for _, old := range subs[min(keep, len(subs)):] {
		if err := tx.Delete(old); err != nil {
			return fmt.Errorf("replace the oldest subscription %s: %w", old.Id, err)
		}
	}
	return nil
}

// onSubscribe checks a new push subscription (the create rule has already
// passed): the endpoint must satisfy policy and the keys must be a P-256
// point and a 16-byte secret. A subscription of the same endpoint owned by
// another resident (who used this browser before without signing out) is
// removed in the same transaction: an endpoint belongs to one browser
// profile, and the newest sign-in on it is the one that should hear. The
// resident's own subscription of the endpoint is kept, with its delivery
// rows, and the create answers 400 validation_not_unique on endpoint.
func onSubscribe(e *core.RecordRequestEvent, policy func(*url.URL) error) error {
	errs := validation.Errors{}

	endpoint := e.Record.GetString("endpoint")
	if u, err := url.Parse(endpoint); err == nil && endpoint != "" {
		if err := policy(u); err != nil {
			errs["endpoint"] = validation.NewError(CodeEndpointNotAllowed, err.Error())
		}
	}
	if raw, err := decodeBase64URL(e.Record.GetString("p256dh")); err == nil && len(raw) > 0 {
		if _, err := ecdh.P256().NewPublicKey(raw); err != nil {
			errs["p256dh"] = validation.NewError(CodeInvalidKey, "p256dh must be the subscription's P-256 public key (base64url).")
		}
	} else if e.Record.GetString("p256dh") != "" {
		errs["p256dh"] = validation.NewError(CodeInvalidKey, "p256dh must be base64url.")
	}
	if raw, err := decodeBase64URL(e.Record.GetString("auth")); (err != nil || len(raw) != 16) && e.Record.GetString("auth") != "" {
		errs["auth"] = validation.NewError(CodeInvalidKey, "auth must be the subscription's 16-byte secret (base64url).")
	}
	if len(errs) > 0 {
		return apis.NewBadRequestError("The push subscription is not valid.", errs)
	}

	if endpoint == "" {
		return e.Next() // the record validation reports it
	}
	return e.App.RunInTransaction(func(txApp core.App) error {
		old, err := txApp.FindFirstRecordByData(collections.PushSubscriptions, "endpoint", endpoint)
		if err == nil && old.GetString("owner") != e.Record.GetString("owner") {
			if err := txApp.Delete(old); err != nil {
				return fmt.Errorf("replace the subscription %s: %w", old.Id, err)
			}
		}
		if err == nil && old.GetString("owner") == e.Record.GetString("owner") {
			e.App = txApp
			return e.Next() // answered validation_not_unique, nothing replaced
		}
		if err := dropOldest(txApp, e.Record.GetString("owner"), MaxSubscriptions-1); err != nil {
			return err
		}
		e.App = txApp
		return e.Next()
	})
}
