package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// In-person services that residents book a visit for (issue 13).
var visitServices = []string{"ktp-rekam", "pengaduan", "ktp-ambil"}

// Appointment statuses.
var appointmentStatuses = []string{"booked", "cancelled", "attended", "no_show"}

// appointmentServerFields are the fields of appointments that only the
// server writes (internal/visits): the slot found, its copy of the day and
// times, the ticket code and the reminder marks.
var appointmentServerFields = []string{"slot", "code", "date", "start", "end", "reminded_before", "reminded_morning"}

const patternDate = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
const patternClock = `^([01][0-9]|2[0-3]):[0-5][0-9]$`

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}

		// the weekly schedule per service; staff-only
		schedules := core.NewBaseCollection("visit_schedules")
		schedules.Fields.Add(
			&core.SelectField{Name: "service", Required: true, MaxSelect: 1, Values: visitServices, Presentable: true},
			&core.SelectField{
				Name: "weekdays", Required: true, MaxSelect: 7,
				Values: []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"},
				Help:   "The weekdays of this slot. A day the office calendar (office_days) closes gets no slot; an extra working day on a Saturday or Sunday gets the Friday's slots.",
			},
			&core.TextField{Name: "start", Required: true, Pattern: patternClock, Presentable: true, Help: "Start, HH:MM WITA. Before 12:00 is pagi, from 12:00 siang."},
			&core.TextField{Name: "end", Required: true, Pattern: patternClock, Help: "End, HH:MM WITA."},
			&core.NumberField{Name: "capacity", Required: true, OnlyInt: true, Min: float(1), Max: float(10000), Help: "Places per slot."},
			&core.BoolField{Name: "active", Help: "Only active schedules make slots. Slots already made stay: change or close them one by one."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		if err := app.Save(schedules); err != nil {
			return err
		}

		slots := core.NewBaseCollection("appointment_slots")
		slots.Fields.Add(
			&core.SelectField{Name: "service", Required: true, MaxSelect: 1, Values: visitServices},
			&core.TextField{Name: "date", Required: true, Pattern: patternDate, Presentable: true, Help: "The office day, YYYY-MM-DD (Asia/Makassar)."},
			&core.TextField{Name: "start", Required: true, Pattern: patternClock, Presentable: true, Help: "HH:MM WITA."},
			&core.TextField{Name: "end", Required: true, Pattern: patternClock, Help: "HH:MM WITA."},
			&core.NumberField{Name: "capacity", OnlyInt: true, Min: float(0), Max: float(10000), Help: "Places in this slot: change one day's capacity here (never below booked)."},
			&core.NumberField{Name: "booked", OnlyInt: true, Min: float(0), Help: "Places taken (appointments not cancelled): kept by the server, not editable."},
			&core.BoolField{Name: "closed", Help: "A closed slot takes no new bookings (bookings already made stay)."},
			&core.RelationField{Name: "schedule", CollectionId: schedules.Id, MaxSelect: 1, Help: "The weekly schedule that made it (empty for a slot added by hand)."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		slots.AddIndex("idx_appointment_slots_service_date_start", true, "`service`, `date`, `start`", "")
		slots.AddIndex("idx_appointment_slots_date", false, "`date`", "")
		// every signed-in resident reads the times and places left; nothing
		// in a slot says who booked it
		slots.ListRule = rule(ruleSignedInResident)
		slots.ViewRule = rule(ruleSignedInResident)
		slots.CreateRule = nil
		slots.UpdateRule = nil
		slots.DeleteRule = nil
		if err := app.Save(slots); err != nil {
			return err
		}

		appointments := core.NewBaseCollection("appointments")
		// the default id (15 chars of a-z0-9) is made by the phone, so that a
		// retried request books once
		appointments.Fields.Add(
			&core.RelationField{Name: "owner", Required: true, CollectionId: users.Id, MaxSelect: 1},
			&core.SelectField{Name: "service", Required: true, MaxSelect: 1, Values: visitServices},
			&core.TextField{Name: "preferred_date", Required: true, Pattern: patternDate, Help: "The day the resident asked for (YYYY-MM-DD)."},
			&core.SelectField{Name: "part_of_day", MaxSelect: 1, Values: []string{"pagi", "siang"}, Help: "pagi: before 12:00; siang: from 12:00."},
			&core.RelationField{Name: "slot", CollectionId: slots.Id, MaxSelect: 1, Help: "The slot the server booked."},
			&core.TextField{Name: "code", Max: 16, Presentable: true, Help: "The ticket code, made by the server."},
			&core.TextField{Name: "date", Max: 10, Help: "The day of the slot (copied by the server)."},
			&core.TextField{Name: "start", Max: 5},
			&core.TextField{Name: "end", Max: 5},
			&core.SelectField{
				Name: "status", Required: true, MaxSelect: 1, Values: appointmentStatuses,
				Help: "booked → attended or no_show (staff, one save) | cancelled (the resident, up to the slot's start).",
			},
			&core.RelationField{Name: "application", CollectionId: applications.Id, MaxSelect: 1, Help: "The online application this visit belongs to (e.g. the ktp-ganti whose card is collected)."},
			&core.BoolField{Name: "reminded_before", Help: "The reminder of the working day before was written."},
			&core.BoolField{Name: "reminded_morning", Help: "The reminder of the morning was written."},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		appointments.AddIndex("idx_appointments_owner", false, "`owner`, `service`, `status`", "")
		appointments.AddIndex("idx_appointments_slot", false, "`slot`, `status`", "")
		appointments.AddIndex("idx_appointments_date_code", true, "`date`, `code`", "`code` != ''")
		appointments.AddIndex("idx_appointments_date_status", false, "`date`, `status`", "")
		appointments.ListRule = rule(ruleOwner)
		appointments.ViewRule = rule(ruleOwner)
		appointments.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			bodyOneOf("status", "booked"),
			bodyUnset(appointmentServerFields...),
			`(@request.body.application:isset = false || @request.body.application = "" || @request.body.application.owner = @request.auth.id)`,
		)
		// a resident only cancels
		appointments.UpdateRule = rule(
			ruleOwner,
			`@request.body.status = "cancelled"`,
			bodyUnset("owner", "service", "preferred_date", "part_of_day", "application"),
			bodyUnset(appointmentServerFields...),
		)
		appointments.DeleteRule = nil
		if err := app.Save(appointments); err != nil {
			return err
		}

		events := core.NewBaseCollection("appointment_events")
		events.Fields.Add(
			&core.RelationField{Name: "appointment", Required: true, CollectionId: appointments.Id, MaxSelect: 1},
			&core.TextField{Name: "from", Max: 32, Help: "Status before the change (empty on booking)."},
			&core.TextField{Name: "to", Max: 32},
			&core.RelationField{Name: "actor", CollectionId: users.Id, MaxSelect: 1, Help: "The resident; empty for staff and the system."},
			&core.SelectField{Name: "actor_kind", MaxSelect: 1, Values: []string{"resident", "staff", "system"}},
			&core.TextField{Name: "note", Max: 2000},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		events.AddIndex("idx_appointment_events_appointment", false, "`appointment`, `created`", "")
		events.ListRule = rule("appointment.owner = @request.auth.id")
		events.ViewRule = rule("appointment.owner = @request.auth.id")
		if err := app.Save(events); err != nil {
			return err
		}

		// reminders go through the inbox and the push sender like every
		// notification; appointment opens the ticket
		notifications, err := app.FindCollectionByNameOrId("notifications")
		if err != nil {
			return err
		}
		if kind, ok := notifications.Fields.GetByName("kind").(*core.SelectField); ok {
			kind.Values = append(kind.Values, "visit_reminder", "visit_ready")
		}
		notifications.Fields.Add(&core.RelationField{
			Name: "appointment", CollectionId: appointments.Id, MaxSelect: 1,
			Help: "The visit it is about (reminders).",
		})
		if err := app.Save(notifications); err != nil {
			return err
		}

		view := core.NewViewCollection("todays_visits")
		view.ViewQuery = TodaysVisitsQuery
		if err := app.Save(view); err != nil {
			return err
		}

		return seedVisitSchedules(app, schedules)
	}, func(app core.App) error {
		for _, name := range []string{"todays_visits", "appointment_events"} {
			if err := deleteCollection(app, name); err != nil {
				return err
			}
		}
		if notifications, err := app.FindCollectionByNameOrId("notifications"); err == nil {
			notifications.Fields.RemoveByName("appointment")
			if err := app.Save(notifications); err != nil {
				return err
			}
		}
		for _, name := range []string{"appointments", "appointment_slots", "visit_schedules"} {
			if err := deleteCollection(app, name); err != nil {
				return err
			}
		}
		return nil
	})
}

// TodaysVisitsQuery is the query of the view collection todays_visits: the
// visits of today (the office's date) that hold a place, by time and ticket
// code. appointment opens the appointment (set attended or no_show there),
// application the linked application.
const TodaysVisitsQuery = `SELECT
  ap.id AS id,
  ap.start AS start,
  ap.code AS code,
  u.name AS name,
  u.nik AS nik,
  ap.service AS service,
  ap.status AS status,
  ap.application AS application,
  ap.owner AS owner,
  ap.id AS appointment
FROM appointments ap
JOIN users u ON u.id = ap.owner
WHERE ap.date = ` + sqlToday + ` AND ap.status != 'cancelled'
ORDER BY ap.start, ap.code`

// seedVisitSchedules adds the first weekly schedules (Monday to Friday):
// KTP-el recording and card collection in the morning and the afternoon,
// the complaints desk in the morning and the afternoon. Staff change them
// in the dashboard.
func seedVisitSchedules(app core.App, schedules *core.Collection) error {
	weekdays := []string{"mon", "tue", "wed", "thu", "fri"}
	for _, s := range []struct {
		service, start, end string
		capacity            int
	}{
		{"ktp-rekam", "08:00", "10:00", 40},
		{"ktp-rekam", "10:00", "12:00", 40},
		{"ktp-rekam", "13:00", "15:00", 40},
		{"pengaduan", "08:00", "12:00", 20},
		{"pengaduan", "13:00", "15:30", 15},
		{"ktp-ambil", "08:00", "12:00", 60},
		{"ktp-ambil", "13:00", "15:30", 40},
	} {
		r := core.NewRecord(schedules)
		r.Set("service", s.service)
		r.Set("weekdays", weekdays)
		r.Set("start", s.start)
		r.Set("end", s.end)
		r.Set("capacity", s.capacity)
		r.Set("active", true)
		if err := app.Save(r); err != nil {
			return err
		}
	}
	return nil
}
