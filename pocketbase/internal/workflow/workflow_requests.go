package workflow

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/trail"
)

func serviceError(code string) validation.Errors {
	return validation.Errors{"service": validation.NewError(catalog.CodeServiceUnknown,
		fmt.Sprintf("%q is not a service that residents can apply for online.", code))}
}

// onCreate checks a new application (an online service of the catalog,
// status uploading for residents, revision 0) and writes its first event.
func onCreate(e *core.RecordRequestEvent) error {
	who := trail.ActorOf(e)
	service := e.Record.GetString("service")
	if _, ok := catalog.Online(service); !ok {
		return apis.NewBadRequestError("Unknown service.", serviceError(service))
	}
	status := e.Record.GetString("status")
	if who.Kind == ActorResident && status != StatusUploading {
		// the create rule refuses it first; kept for server-side callers of the API
		return apis.NewBadRequestError("Forbidden status.", validation.Errors{"status": validation.NewError(CodeTransitionForbidden,
			fmt.Sprintf("Residents create applications with the status %q only.", StatusUploading))})
	}
	e.Record.Set("revision", 0)

	return trail.InTransaction(e, func(tx core.App) error {
		if err := e.Next(); err != nil {
			return err
		}
		return writeEvent(tx, e.Record.Id, "", status, who, "")
	})
}

// onUpdate enforces the resident transitions and the answers lock, and the
// staff transitions with their conditions; finalises a resident's →
// submitted, gives a hand-queued application its number; and writes, in
// the transaction of the change, the event of a status change and, for a
// staff decision, the resident's notification.
func onUpdate(e *core.RecordRequestEvent) error {
	who := trail.ActorOf(e)
	before := e.Record.Original()
	from, to := before.GetString("status"), e.Record.GetString("status")

	if e.Record.GetString("service") != before.GetString("service") {
		return apis.NewBadRequestError("The service of an application cannot change.",
			validation.Errors{"service": validation.NewError(CodeServiceImmutable, fmt.Sprintf(
				"The application is for %q: the service never changes after it is created (start a new application instead).",
				before.GetString("service")))})
	}
	// the summary is the server's: what staff type into it is dropped
	e.Record.Set("summary", before.GetString("summary"))

	switch who.Kind {
	case ActorResident:
		if err := checkResidentChange(before, e.Record, from, to); err != nil {
			return err
		}
	case ActorStaff:
		if err := checkStaffChange(before, e.Record, from, to); err != nil {
			return err
		}
	}

	return trail.InTransaction(e, func(tx core.App) error {
		// the record was read before the transaction: a concurrent request
		// may have changed the status since
		current, err := tx.FindRecordById(collections.Applications, e.Record.Id)
		if err != nil {
			return err
		}
		if now := current.GetString("status"); now != from || !current.GetDateTime("updated").Equal(before.GetDateTime("updated")) {
			return apis.NewApiError(http.StatusConflict, "The application was changed by another request; reload it.",
				validation.Errors{"status": validation.NewError(CodeStatusChanged,
					fmt.Sprintf("The application changed meanwhile (its status is now %q).", now))})
		}

		var note string
		if who.Kind == ActorResident && to == StatusSubmitted && from != StatusSubmitted {
			if note, err = finalise(tx, before, e.Record, from, time.Now()); err != nil {
				return err
			}
		}
		var queueDate string
		var queueNo int
		if who.Kind == ActorStaff && to == StatusQueued && from != to {
			if queueDate, queueNo, err = queueByHand(tx, before, e.Record, time.Now()); err != nil {
				return err
			}
		}
		if err := e.Next(); err != nil {
			return err
		}
		if from == to {
			return nil
		}
		if who.Kind != ActorStaff {
			return writeEvent(tx, e.Record.Id, from, to, who, note)
		}

		// staff: the event and the resident's notification
		note = staffEventNote(before, e.Record, to)
		if to == StatusQueued {
			note = handQueueNote(queueDate, queueNo)
		}
		if err := writeEvent(tx, e.Record.Id, from, to, who, note); err != nil {
			return err
		}
		if to == StatusQueued {
			return notifyQueued(tx, e.Record, queueDate, queueNo)
		}
		return notifyStatus(tx, e.Record, to)
	})
}

// checkResidentChange refuses a status change that the resident table does
// not allow and a change of the answers outside the editable statuses.
func checkResidentChange(before, after *core.Record, from, to string) error {
	if err := transitionError(ActorResident, from, to); err != nil {
		return apis.NewBadRequestError("This status change is not allowed.",
			validation.Errors{"status": validation.NewError(CodeTransitionForbidden, err.Error())})
	}

	locked := validation.Errors{}
	for _, field := range residentFields {
		if !sameValue(before.Get(field), after.Get(field)) && !slices.Contains(editableStatuses, from) {
			locked[field] = validation.NewError(CodeApplicationLocked, fmt.Sprintf(
				"The application is %q: its answers can change only while it is %q or %q.", from, StatusUploading, StatusNeedsRevision))
		}
	}
	if len(locked) > 0 {
		return apis.NewBadRequestError("The application cannot be changed now.", locked)
	}
	return nil
}

// sameValue compares two field values; JSON values by their meaning, not
// their formatting.
func sameValue(a, b any) bool {
	ja, aIsJSON := a.(types.JSONRaw)
	jb, bIsJSON := b.(types.JSONRaw)
	if aIsJSON || bIsJSON {
		return reflect.DeepEqual(decodeJSON(ja), decodeJSON(jb))
	}
	return reflect.DeepEqual(a, b)
}

func decodeJSON(raw types.JSONRaw) any {
	var out any
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &out)
	}
	return out
}
