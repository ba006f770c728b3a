package visits

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
)

var weekdayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// GenerateSlots makes the slots of every active weekly schedule for the
// days from (YYYY-MM-DD) on, days of them: on every working day of the
// office calendar whose weekday the schedule names (an extra working day on
// a Saturday or Sunday takes the Friday's schedules unless a schedule names
// that day). A slot that exists already (same service, day and start) is
// left as staff may have changed it. It returns how many slots it made.
func GenerateSlots(app core.App, from string, days int) (int, error) {
	first, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return 0, err
	}
	calendar, err := office.LoadOfficeDays(app)
	if err != nil {
		return 0, err
	}
	schedules, err := app.FindRecordsByFilter(collections.VisitSchedules, "active = true", "start", 0, 0)
	if err != nil {
		return 0, err
	}
	collection, err := app.FindCachedCollectionByNameOrId(collections.AppointmentSlots)
	if err != nil {
		return 0, err
	}

	made := 0
	err = app.RunInTransaction(func(tx core.App) error {
		for i := range days {
			day := first.AddDate(0, 0, i)
			date := day.Format(time.DateOnly)
			working, err := office.IsWorkingDay(date, calendar)
			if err != nil {
				return err
			}
			if !working {
				continue
			}
			for _, schedule := range schedulesOf(schedules, day.Weekday()) {
				var n int
				err := tx.RecordQuery(collections.AppointmentSlots).Select("COUNT(*)").AndWhere(dbx.HashExp{
					"service": schedule.GetString("service"), "date": date, "start": schedule.GetString("start"),
				}).Row(&n)
				if err != nil {
					return err
				}
				if n > 0 {
					continue
				}
				slot := core.NewRecord(collection)
				slot.Set("service", schedule.GetString("service"))
				slot.Set("date", date)
				slot.Set("start", schedule.GetString("start"))
				slot.Set("end", schedule.GetString("end"))
				slot.Set("capacity", schedule.GetInt("capacity"))
				slot.Set("booked", 0)
				slot.Set("schedule", schedule.Id)
				if err := tx.Save(slot); err != nil {
					return err
				}
				made++
			}
		}
		return nil
	})
	return made, err
}

// schedulesOf returns the schedules that make slots on a working day of
// this weekday.
func schedulesOf(schedules []*core.Record, weekday time.Weekday) []*core.Record {
	name := weekdayNames[weekday]
	var out []*core.Record
	for _, s := range schedules {
		if slices.Contains(s.GetStringSlice("weekdays"), name) {
			out = append(out, s)
		}
	}
	if len(out) == 0 && (weekday == time.Saturday || weekday == time.Sunday) {
		return schedulesOf(schedules, time.Friday)
	}
	return out
}
