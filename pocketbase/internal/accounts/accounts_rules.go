package accounts

import (
	"net/http"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/mails"
	"github.com/pocketbase/pocketbase/tools/routine"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/nik"
)

// Collections and fields these rules look at.
const (
	UsersCollection        = "users"
	ApplicationsCollection = "applications"
	PushCollection         = "push_subscriptions"
	NikField               = "nik"
	statusSubmitted        = "submitted"
	// KindNikChanged is the account_events kind of a staff change of a NIK.
	KindNikChanged = "nik_changed"
)

// sendVerificationAfterRegistration sends PocketBase's verification e-mail
// once a resident's registration is saved (in the background: a slow mail
// server must not hold up the registration; a failed send is logged, and
// the resident can ask again from the app).
func sendVerificationAfterRegistration(e *core.RecordRequestEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	if e.Record.Verified() || e.Record.Email() == "" {
		return nil
	}
	app, record := e.App, e.Record
	routine.FireAndForget(func() {
		if err := mails.SendRecordVerification(app, record); err != nil {
			app.Logger().Error("accounts: could not send the verification e-mail", "user", record.Id, "error", err)
		}
	})
	return nil
}

// refuseUnverifiedFinalise refuses a resident's "submitted" while their
// e-mail is not verified and the office requires it.
func refuseUnverifiedFinalise(e *core.RecordRequestEvent, config Config) error {
	if !config.RequireVerifiedEmail || e.Auth == nil || e.Auth.Collection().Name != UsersCollection || e.Auth.Verified() {
		return e.Next()
	}
	if e.Record.GetString("status") == statusSubmitted && e.Record.Original().GetString("status") != statusSubmitted {
		return apis.NewApiError(http.StatusForbidden, "Confirm your e-mail address first: the application is sent once it is confirmed.", validation.Errors{
			"owner": validation.NewError(CodeEmailNotVerified, "The e-mail address of this account is not confirmed yet."),
		})
	}
	return e.Next()
}

// keepResidentNik refuses a resident's change of their own NIK. Staff, as
// superusers, may correct it: the change is recorded in account_events
// (who, when, the old and the new NIK masked by nik.Mask) in the
// transaction of the change, so the office can audit it in the dashboard,
// and logged (masked too).
func keepResidentNik(e *core.RecordRequestEvent) error {
	before, after := e.Record.Original().GetString(NikField), e.Record.GetString(NikField)
	if before == after {
		return e.Next()
	}
	if !e.HasSuperuserAuth() {
		return apis.NewBadRequestError("The NIK of an account cannot be changed. Ask the office (complaints desk) to correct it.", validation.Errors{
			NikField: validation.NewError(CodeNikFixed, "The NIK of an account cannot be changed."),
		})
	}
	app := e.App
	defer func() { e.App = app }()
	err := app.RunInTransaction(func(tx core.App) error {
		e.App = tx
		if err := e.Next(); err != nil {
			return err
		}
		events, err := tx.FindCollectionByNameOrId(collections.AccountEvents)
		if err != nil {
			return err
		}
		event := core.NewRecord(events)
		event.Load(map[string]any{
			"user": e.Record.Id, "kind": KindNikChanged, "from": nik.Mask(before), "to": nik.Mask(after),
			"actor": e.Auth.Id, "actor_email": e.Auth.Email(),
		})
		return tx.Save(event)
	})
	if err != nil {
		return err
	}
	app.Logger().Warn("accounts: NIK changed by staff", "user", e.Record.Id, "from", nik.Mask(before), "to", nik.Mask(after),
		"staff", e.Auth.Id, "staffEmail", e.Auth.Email())
	return nil
}

// keepAccountEventsAppendOnly refuses every change of account_events
// through the API, staff's included: its rows are written by server code
// only (the API rules already keep residents out, but they do not apply to
// superusers).
func keepAccountEventsAppendOnly(app core.App) {
	refuse := func(e *core.RecordRequestEvent) error {
		return e.ForbiddenError("The account events are the audit trail of staff changes to accounts: the server writes them, and nobody changes or deletes them.", nil)
	}
	app.OnRecordCreateRequest(collections.AccountEvents).BindFunc(refuse)
	app.OnRecordUpdateRequest(collections.AccountEvents).BindFunc(refuse)
	app.OnRecordDeleteRequest(collections.AccountEvents).BindFunc(refuse)
}
