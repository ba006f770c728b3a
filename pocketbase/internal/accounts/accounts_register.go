// Package accounts holds the rules of residents' and staff accounts that
// are not collection API rules: the verification e-mail after registration,
// "e-mail verified before the office receives anything" (refused at
// finalise while RequireVerifiedEmail is on), the NIK that a resident can
// never change (staff can, recorded in account_events with the staff member), "sign
// out on every device", and withdrawing a signed-out phone's push
// subscription without a session.
package accounts

import (
	"os"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Error codes of the refusals of this package (the client maps them to
// messages in messages/*.json).
const (
	// CodeEmailNotVerified refuses a finalise of an account whose e-mail is
	// not confirmed yet; the phone keeps the application in its outbox.
	CodeEmailNotVerified = "account_email_not_verified"
	// CodeNikFixed refuses a resident's change of their own NIK.
	CodeNikFixed = "account_nik_fixed"
)

// EnvRequireVerifiedEmail turns the verified-e-mail rule off with "false"
// (or "0", "off"); the --requireVerifiedEmail flag defaults to it.
const EnvRequireVerifiedEmail = "DUKCAPIL_REQUIRE_VERIFIED_EMAIL"

// Config configures the accounts rules.
type Config struct {
	// RequireVerifiedEmail refuses the finalise of an application while
	// its owner's e-mail is not verified (the office's setting).
	RequireVerifiedEmail bool
}

// RequireVerifiedEmailFromEnv reads EnvRequireVerifiedEmail; anything but
// an explicit "off" value keeps the rule on.
func RequireVerifiedEmailFromEnv() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(EnvRequireVerifiedEmail))) {
	case "false", "0", "off", "no":
		return false
	}
	return true
}

const (
	verificationHookId = "dukcapilAccountsVerification"
	finaliseHookId     = "dukcapilAccountsVerifiedFinalise"
	nikHookId          = "dukcapilAccountsNikFixed"
)

// Register binds the accounts rules and routes to app.
func Register(app core.App, config Config) {
	app.OnRecordCreateRequest(UsersCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   verificationHookId,
		Func: sendVerificationAfterRegistration,
	})
	app.OnRecordUpdateRequest(ApplicationsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   finaliseHookId,
		Func: func(e *core.RecordRequestEvent) error { return refuseUnverifiedFinalise(e, config) },
		// before the workflow's checks: the resident hears the one thing to do
		Priority: -10,
	})
	app.OnRecordUpdateRequest(UsersCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:       nikHookId,
		Func:     keepResidentNik,
		Priority: -10,
	})
	keepAccountEventsAppendOnly(app)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		registerRoutes(e)
		return e.Next()
	})
}
