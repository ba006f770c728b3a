// Package visits books the office's in-person services (KTP-el recording,
// the complaints desk, collecting a printed KTP-el): the weekly schedules
// that make appointment_slots on working days of the office calendar, the
// booking of an appointment in one transaction (the first slot with room at
// or after the resident's preference, a short ticket code, no_capacity
// after 10 working days), cancelling, the staff's attended / no_show, an
// appointment_events row with every change, and the reminders (notification
// rows that the push sender delivers) on the working day before and on the
// morning of the visit.
//
// Invariant: a slot's booked is the number of its appointments that are not
// cancelled (booked, attended or no_show all took a place); only this
// package writes it.
package visits

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
)

// Collection names (internal/collections).
const (
	SchedulesCollection    = collections.VisitSchedules
	SlotsCollection        = collections.AppointmentSlots
	AppointmentsCollection = collections.Appointments
	EventsCollection       = collections.AppointmentEvents
)

// Appointment statuses.
const (
	StatusBooked    = "booked"
	StatusCancelled = "cancelled"
	StatusAttended  = "attended"
	StatusNoShow    = "no_show"
)

// Error codes of the refusals of this package.
const (
	CodeNoCapacity       = "no_capacity"
	CodeAlreadyBooked    = "already_booked"
	CodeDateOutOfRange   = "preferred_date_out_of_range"
	CodeTooLateToCancel  = "too_late_to_cancel"
	CodeTransition       = "transition_forbidden"
	CodeFieldLocked      = "field_locked"
	CodeServerOnly       = "server_only"
	CodeCapacityBelow    = "capacity_below_booked"
	CodeSlotHasBookings  = "slot_has_bookings"
	CodeApplicationNotOK = "application_not_ready"
	CodeIdTaken          = "validation_not_unique"
)

// SearchWorkingDays is how many working days, from the preferred day on,
// a booking searches for a slot with room before it answers no_capacity.
const SearchWorkingDays = 10

// MaxDaysAhead bounds the preferred day: at most this many days after today.
const MaxDaysAhead = 60

// DefaultDaysAhead is how many days of slots the schedules keep made ahead.
const DefaultDaysAhead = 42

// Config configures the feature.
type Config struct {
	// DaysAhead is how many days ahead the schedules make slots (on start,
	// every hour, and when a schedule changes); 0 or less turns it off.
	DaysAhead int
	// Reminders turns on the reminder job (every 5 minutes).
	Reminders bool
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// DefaultConfig is the configuration of the server.
func DefaultConfig() Config {
	return Config{DaysAhead: DefaultDaysAhead, Reminders: true}
}

type feature struct {
	app    core.App
	config Config
}

func (f *feature) now() time.Time {
	if f.config.Now != nil {
		return f.config.Now()
	}
	return time.Now()
}

// Register binds the booking, the changes of appointments and slots, the
// append-only events, the slot generation and the reminders to app.
func Register(app core.App, config Config) {
	f := &feature{app: app, config: config}

	app.OnRecordCreateRequest(AppointmentsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: "dukcapilVisitsBook", Func: f.onBook,
	})
	app.OnRecordUpdateRequest(AppointmentsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: "dukcapilVisitsChange", Func: f.onChange,
	})
	app.OnRecordDeleteRequest(AppointmentsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: "dukcapilVisitsDelete",
		Func: func(e *core.RecordRequestEvent) error {
			return e.ForbiddenError("Appointments are kept for the record: cancel it (status cancelled) instead.", nil)
		},
	})
	registerSlotGuards(app)
	registerEventGuards(app)

	if config.DaysAhead > 0 {
		generate := func(a core.App) {
			if _, err := GenerateSlots(a, office.Today(f.now()), config.DaysAhead); err != nil {
				a.Logger().Error("visits: make slots", "error", err)
			}
		}
		app.OnServe().BindFunc(func(e *core.ServeEvent) error {
			generate(e.App)
			return e.Next()
		})
		app.Cron().MustAdd("dukcapilVisitSlots", "17 * * * *", func() { generate(app) })
		for _, bind := range []*hook.TaggedHook[*core.RecordEvent]{
			app.OnRecordAfterCreateSuccess(SchedulesCollection),
			app.OnRecordAfterUpdateSuccess(SchedulesCollection),
		} {
			bind.BindFunc(func(e *core.RecordEvent) error {
				generate(e.App)
				return e.Next()
			})
		}
	}
	if config.Reminders {
		app.Cron().MustAdd("dukcapilVisitReminders", "*/5 * * * *", func() {
			if _, err := SendReminders(app, f.now()); err != nil {
				app.Logger().Error("visits: reminders", "error", err)
			}
		})
	}
}
