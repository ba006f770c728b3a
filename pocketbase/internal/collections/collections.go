// Package collections names the PocketBase collections of the schema
// (created by pocketbase/migrations), in one place: every package and test
// refers to a collection by these names, never by a string of its own.
package collections

// The collections of the schema (DESIGN.md).
const (
	// Users is PocketBase's auth collection of residents.
	Users = "users"
	// Applications holds residents' applications (answers in data).
	Applications = "applications"
	// Documents holds the files of an application, one record each.
	Documents = "documents"
	// ApplicationEvents is the status history of an application.
	ApplicationEvents = "application_events"
	// Notifications is every change a resident should hear about.
	Notifications = "notifications"
	// PushSubscriptions are the Web Push subscriptions of residents' phones.
	PushSubscriptions = "push_subscriptions"
	// PushDeliveries records each (notification, subscription) sent.
	PushDeliveries = "push_deliveries"
	// OfficeDays are the office calendar's exceptions (holidays, ...).
	OfficeDays = "office_days"
	// IntakeRuns records each morning intake.
	IntakeRuns = "intake_runs"
	// CatalogSettings are the office's catalog settings that staff edit.
	CatalogSettings = "catalog_settings"
	// VisitSchedules are the weekly schedules that make appointment slots.
	VisitSchedules = "visit_schedules"
	// AppointmentSlots are the places of in-person services, per day and time.
	AppointmentSlots = "appointment_slots"
	// Appointments are residents' visits to the office.
	Appointments = "appointments"
	// AppointmentEvents is the history of an appointment.
	AppointmentEvents = "appointment_events"
	// TodaysVisits is the staff view of today's visits.
	TodaysVisits = "todays_visits"
	// AccountEvents is the audit trail of staff changes to residents' accounts.
	AccountEvents = "account_events"
)
