package visits

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/trail"
)

// Kinds of actor of an appointment_events row (as application_events).
const (
	ActorResident = trail.ActorResident
	ActorStaff    = trail.ActorStaff
	ActorSystem   = trail.ActorSystem
)

// staffMoves are the status changes staff make: the visit happened or not
// (one save), or the office cancels it.
var staffMoves = map[string][]string{StatusBooked: {StatusAttended, StatusNoShow, StatusCancelled}}

// lockedFields never change after booking, for anyone.
var lockedFields = []string{"owner", "service", "preferred_date", "part_of_day", "application", "slot", "code", "date", "start", "end"}

// onChange allows a resident to cancel a booked appointment up to the
// slot's start and staff to set attended, no_show or cancelled; a cancel
// gives the place back. The event is written in the same transaction.
func (f *feature) onChange(e *core.RecordRequestEvent) error {
	who := trail.ActorOf(e)
	before := e.Record.Original()
	from, to := before.GetString("status"), e.Record.GetString("status")

	for _, field := range lockedFields {
		if before.GetString(field) != e.Record.GetString(field) {
			return apis.NewBadRequestError("This field cannot change.", fieldError(field, CodeFieldLocked,
				fmt.Sprintf("%s is fixed when the visit is booked; cancel and book again instead.", field)))
		}
	}
	if (before.GetBool("reminded_before") != e.Record.GetBool("reminded_before") ||
		before.GetBool("reminded_morning") != e.Record.GetBool("reminded_morning")) && who.Kind != ActorSystem {
		return apis.NewBadRequestError("Kept by the server.", fieldError("reminded_before", CodeServerOnly, "The reminder marks are written by the server."))
	}
	if from == to {
		return e.Next()
	}
	allowed := []string{StatusCancelled}
	if who.Kind == ActorStaff {
		allowed = staffMoves[from]
	} else if from != StatusBooked {
		allowed = nil
	}
	if !slices.Contains(allowed, to) {
		return apis.NewBadRequestError("This status change is not allowed.", fieldError("status", CodeTransition,
			fmt.Sprintf("An appointment that is %q cannot become %q.", from, to)))
	}
	if to == StatusCancelled && who.Kind == ActorResident {
		begins, err := office.IntakeInstant(before.GetString("date"), before.GetString("start"))
		if err != nil {
			return err
		}
		if !f.now().Before(begins) {
			return apis.NewBadRequestError("The visit has begun.", fieldError("status", CodeTooLateToCancel,
				"A visit can be cancelled in the app up to the start of its slot."))
		}
	}

	return trail.InTransaction(e, func(tx core.App) error {
		current, err := tx.FindRecordById(collections.Appointments, e.Record.Id)
		if err != nil {
			return err
		}
		if now := current.GetString("status"); now != from {
			return apis.NewApiError(http.StatusConflict, "The appointment was changed meanwhile; reload it.",
				fieldError("status", "status_changed", fmt.Sprintf("The status changed from %q to %q meanwhile.", from, now)))
		}
		if to == StatusCancelled {
			if err := givePlaceBack(tx, before.GetString("slot")); err != nil {
				return err
			}
		}
		if err := e.Next(); err != nil {
			return err
		}
		return writeEvent(tx, e.Record.Id, from, to, who, "")
	})
}

// givePlaceBack frees one place of the slot.
func givePlaceBack(tx core.App, slot string) error {
	if slot == "" {
		return nil
	}
	_, err := tx.NonconcurrentDB().NewQuery(
		"UPDATE {{" + collections.AppointmentSlots + "}} SET [[booked]] = [[booked]] - 1 WHERE [[id]] = {:id} AND [[booked]] > 0").
		Bind(dbx.Params{"id": slot}).Execute()
	return err
}

// writeEvent appends the appointment_events row of a change.
func writeEvent(tx core.App, appointment, from, to string, who trail.Actor, note string) error {
	return trail.AppendEvent(tx, collections.AppointmentEvents, "appointment", appointment, from, to, who, note)
}

// registerSlotGuards keeps booked to the server: staff create slots with
// nothing booked, change capacity (never below booked) or close them, and
// delete only slots nobody booked.
func registerSlotGuards(app core.App) {
	app.OnRecordCreateRequest(collections.AppointmentSlots).BindFunc(func(e *core.RecordRequestEvent) error {
		if e.Record.GetInt("booked") != 0 {
			return apis.NewBadRequestError("Kept by the server.", fieldError("booked", CodeServerOnly, "booked counts the appointments; a new slot has none."))
		}
		return e.Next()
	})
	app.OnRecordUpdateRequest(collections.AppointmentSlots).BindFunc(func(e *core.RecordRequestEvent) error {
		before := e.Record.Original()
		for _, field := range []string{"service", "date", "start", "end"} {
			if before.GetInt("booked") > 0 && before.GetString(field) != e.Record.GetString(field) {
				return apis.NewBadRequestError("The slot has bookings.", fieldError(field, CodeSlotHasBookings,
					"Residents hold tickets for this slot: close it and add another instead."))
			}
		}
		return trail.InTransaction(e, func(tx core.App) error {
			// the count as it is now, not as the dashboard read it
			current, err := tx.FindRecordById(collections.AppointmentSlots, e.Record.Id)
			if err != nil {
				return err
			}
			if e.Record.GetInt("booked") != current.GetInt("booked") {
				return apis.NewBadRequestError("Kept by the server.", fieldError("booked", CodeServerOnly,
					fmt.Sprintf("booked counts the appointments (now %d) and is kept by the server.", current.GetInt("booked"))))
			}
			if e.Record.GetInt("capacity") < current.GetInt("booked") {
				return apis.NewBadRequestError("Too small.", fieldError("capacity", CodeCapacityBelow,
					fmt.Sprintf("%d places are booked: the capacity cannot be lower (close the slot to stop new bookings).", current.GetInt("booked"))))
			}
			return e.Next()
		})
	})
	app.OnRecordDeleteRequest(collections.AppointmentSlots).BindFunc(func(e *core.RecordRequestEvent) error {
		var n int
		err := e.App.RecordQuery(collections.Appointments).Select("COUNT(*)").AndWhere(dbx.HashExp{"slot": e.Record.Id}).Row(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return apis.NewBadRequestError("The slot has appointments.", validation.Errors{"id": validation.NewError(CodeSlotHasBookings,
				"Appointments refer to this slot: close it instead.")})
		}
		return e.Next()
	})
}

// registerEventGuards keeps appointment_events append-only through the API,
// staff included.
func registerEventGuards(app core.App) {
	refuse := func(e *core.RecordRequestEvent) error {
		return e.ForbiddenError("The appointment events are the audit trail: only the server writes them.", nil)
	}
	app.OnRecordCreateRequest(collections.AppointmentEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{Id: "dukcapilVisitEventsCreate", Func: refuse})
	app.OnRecordUpdateRequest(collections.AppointmentEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{Id: "dukcapilVisitEventsUpdate", Func: refuse})
	app.OnRecordDeleteRequest(collections.AppointmentEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{Id: "dukcapilVisitEventsDelete", Func: refuse})
}
