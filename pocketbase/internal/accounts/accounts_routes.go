package accounts

import (
	"crypto/subtle"
	"net/http"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Routes of this package.
const (
	SignOutEverywherePath = "/api/accounts/sign-out-everywhere"
	PushRevokePath        = "/api/accounts/push-revoke"
)

// PushRevokeBody is the body of POST PushRevokePath.
type PushRevokeBody struct {
	Endpoint string `json:"endpoint"`
	// Auth is the subscription's auth secret (base64url), which only the
	// browser that subscribed and the server know: it proves the phone
	// held the subscription, so no session is needed.
	Auth string `json:"auth"`
}

func registerRoutes(e *core.ServeEvent) {
	e.Router.POST(SignOutEverywherePath, signOutEverywhere).Bind(apis.RequireAuth(UsersCollection))
	e.Router.POST(PushRevokePath, revokePush)
}

// signOutEverywhere ends every session of the signed-in resident: a new
// token key makes every token issued so far invalid, and every push
// subscription of the resident is removed (no device is signed in any more).
func signOutEverywhere(e *core.RequestEvent) error {
	user := e.Auth
	err := e.App.RunInTransaction(func(tx core.App) error {
		subscriptions, err := tx.FindAllRecords(PushCollection, dbx.HashExp{"owner": user.Id})
		if err != nil {
			return err
		}
		for _, s := range subscriptions {
			if err := tx.Delete(s); err != nil {
				return err
			}
		}
		fresh, err := tx.FindRecordById(UsersCollection, user.Id)
		if err != nil {
			return err
		}
		fresh.RefreshTokenKey()
		return tx.Save(fresh)
	})
	if err != nil {
		return e.InternalServerError("Could not sign out on every device.", err)
	}
	return e.NoContent(http.StatusNoContent)
}

// revokePush removes the subscription of a phone that was signed out
// (perhaps offline, its session gone by the time it is online again). The
// answer is the same whether or not anything was removed.
func revokePush(e *core.RequestEvent) error {
	var body PushRevokeBody
	if err := e.BindBody(&body); err != nil || body.Endpoint == "" || body.Auth == "" || len(body.Endpoint) > 2000 || len(body.Auth) > 200 {
		return e.BadRequestError("An endpoint and its auth secret are required.", err)
	}
	found, err := e.App.FindFirstRecordByData(PushCollection, "endpoint", body.Endpoint)
	if err == nil && subtle.ConstantTimeCompare([]byte(found.GetString("auth")), []byte(body.Auth)) == 1 {
		if err := e.App.Delete(found); err != nil {
			return e.InternalServerError("Could not remove the subscription.", err)
		}
	}
	return e.NoContent(http.StatusNoContent)
}
