package visits

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/trail"
)

// Times of the reminders (HH:MM WITA): on the working day before the visit
// and on its morning.
const (
	ReminderBeforeAt  = "12:00"
	ReminderMorningAt = "06:00"
)

// KindReminder is the notifications.kind of a reminder.
const KindReminder = "visit_reminder"

// SendReminders writes the due reminders as of now: from ReminderMorningAt
// on the day of a booked visit, and from ReminderBeforeAt on the working
// day before it (for a visit on Monday: the Friday). Each is written once
// (reminded_before, reminded_morning), with the mark, in one transaction.
// It returns how many it wrote.
func SendReminders(app core.App, now time.Time) (int, error) {
	today := office.Today(now)
	calendar, err := office.LoadOfficeDays(app)
	if err != nil {
		return 0, err
	}
	sent := 0

	morning, err := office.IntakeInstant(today, ReminderMorningAt)
	if err != nil {
		return 0, err
	}
	if !now.Before(morning) {
		n, err := remind(app, dbx.HashExp{"date": today, "status": StatusBooked, "reminded_morning": false}, "reminded_morning", true)
		sent += n
		if err != nil {
			return sent, err
		}
	}

	midday, err := office.IntakeInstant(today, ReminderBeforeAt)
	if err != nil {
		return sent, err
	}
	working, err := office.IsWorkingDay(today, calendar)
	if err != nil || !working || now.Before(midday) {
		return sent, err
	}
	tomorrow, _ := time.Parse(time.DateOnly, today)
	next, err := workingDaysFrom(tomorrow.AddDate(0, 0, 1).Format(time.DateOnly), 1, calendar)
	if err != nil || len(next) == 0 {
		return sent, err
	}
	n, err := remind(app, dbx.And(
		dbx.HashExp{"status": StatusBooked, "reminded_before": false},
		dbx.NewExp("[[date]] > {:today} AND [[date]] <= {:next}", dbx.Params{"today": today, "next": next[0]}),
	), "reminded_before", false)
	return sent + n, err
}

// remind writes the reminder of every appointment matching where and sets
// its mark.
func remind(app core.App, where dbx.Expression, mark string, sameDay bool) (int, error) {
	var due []*core.Record
	if err := app.RecordQuery(collections.Appointments).AndWhere(where).All(&due); err != nil {
		return 0, err
	}
	sent := 0
	for _, appointment := range due {
		err := app.RunInTransaction(func(tx core.App) error {
			fresh, err := tx.FindRecordById(collections.Appointments, appointment.Id)
			if err != nil || fresh.GetBool(mark) || fresh.GetString("status") != StatusBooked {
				return err
			}
			fresh.Set(mark, true)
			if sameDay {
				fresh.Set("reminded_before", true)
			}
			if err := tx.Save(fresh); err != nil {
				return err
			}
			// The push in the resident's language; the inbox in each (the phone shows the one chosen there).
			texts := make(map[string]Text, 2)
			for _, locale := range []string{"id", "en"} {
				texts[locale] = ReminderText(locale, fresh.GetString("service"), fresh.GetString("date"),
					fresh.GetString("start"), fresh.GetString("code"), sameDay)
			}
			locale := trail.OwnerLocale(tx, fresh.GetString("owner"))
			if locale != "en" {
				locale = "id"
			}
			if err := writeNotification(tx, fresh, texts[locale], texts); err != nil {
				return err
			}
			sent++
			return nil
		})
		if err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// writeNotification appends the reminder to the owner's inbox, pending push
// delivery.
func writeNotification(tx core.App, appointment *core.Record, text Text, texts map[string]Text) error {
	return trail.WriteNotification(tx, trail.Notification{
		Owner: appointment.GetString("owner"), About: "appointment", Subject: appointment.Id, Kind: KindReminder,
		Title: text.Title, Body: text.Body, Texts: trail.TextsJSON(texts),
	})
}
