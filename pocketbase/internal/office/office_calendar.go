// Package office holds the office calendar: on which morning the office will
// process an application.
//
// Applications are accepted 24 hours a day. The morning intake runs at the
// office's intake time (default 07:30 Asia/Makassar, WITA) on every working
// day and moves every submitted application to queued. A working day is
// Monday to Friday, minus the dates that office_days marks as holiday or
// cuti_bersama, plus the dates it marks as extra_working_day.
//
// An application submitted at instant T is processed at the first intake
// instant strictly after T: before the intake time on a working day (07:29:59
// and its fractions) it makes that same morning; at the intake time exactly
// (07:30:00) or later it goes to the next working day's intake. Dates that
// staff have not entered (a new year's holidays) count as plain weekdays.
//
// The same rule is implemented in TypeScript (src/lib/office/calendar.ts);
// the shared vectors in tests/fixtures/office-calendar.json keep the two
// identical.
package office

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"

	// Embed the zone database so that the binary does not depend on the
	// server's zoneinfo files.
	_ "time/tzdata"
)

// TimeZone is the office's IANA time zone (WITA, UTC+8, no daylight saving
// time).
const TimeZone = "Asia/Makassar"

// DefaultIntakeTime is the default time of the morning intake, as HH:MM in
// the office's time zone.
const DefaultIntakeTime = "07:30"

// Kinds of office calendar exceptions, as in the office_days collection.
const (
	KindHoliday         = "holiday"
	KindCutiBersama     = "cuti_bersama"
	KindExtraWorkingDay = "extra_working_day"
)

// maxDaysAhead bounds the search for a working day: no real calendar closes
// the office for a whole year, so past that the data must be wrong.
const maxDaysAhead = 366

// dateLayout is the layout of OfficeDay.Date and of process dates.
const dateLayout = time.DateOnly

var intakeTimePattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):([0-5][0-9])$`)

// officeLocation loads the office's zone once: LoadLocation reads and parses
// the zone data on every call. The zone data is embedded (time/tzdata), so it
// cannot be missing; a failure is a broken build and stops the server.
var officeLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(TimeZone)
	if err != nil {
		panic("office: load the time zone " + TimeZone + ": " + err.Error())
	}
	return loc
})

// OfficeDay is one exception to "Monday to Friday", as stored in the
// office_days collection.
type OfficeDay struct {
	// Date is the day in the office's time zone, YYYY-MM-DD.
	Date string `json:"date"`
	// Kind is KindHoliday, KindCutiBersama or KindExtraWorkingDay.
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// ErrNoWorkingDay is returned when no working day follows within a year.
var ErrNoWorkingDay = errors.New("office: no working day within a year")

// NextProcessingMorning returns the working morning whose intake will process
// an application submitted at submitted: the first intake instant strictly
// after it, as the day (YYYY-MM-DD in the office's time zone) and the
// instant. An empty intakeTime means DefaultIntakeTime; any other value must
// be HH:MM on a 24-hour clock.
func NextProcessingMorning(submitted time.Time, days []OfficeDay, intakeTime string) (processDate string, intakeAt time.Time, err error) {
	if intakeTime == "" {
		intakeTime = DefaultIntakeTime
	}
	hour, minute, err := parseIntakeTime(intakeTime)
	if err != nil {
		return "", time.Time{}, err
	}
	loc := officeLocation()
	kinds := kindsByDate(days)
	year, month, day := submitted.In(loc).Date()
	intake := time.Date(year, month, day, hour, minute, 0, 0, loc)
	for range maxDaysAhead + 1 {
		date := intake.Format(dateLayout)
		if intake.After(submitted) && workingDay(date, intake.Weekday(), kinds) {
			return date, intake, nil
		}
		intake = intake.AddDate(0, 0, 1)
	}
	return "", time.Time{}, ErrNoWorkingDay
}

// IsWorkingDay tells whether the office holds its morning intake on date
// (YYYY-MM-DD): Monday to Friday unless days closes it, or a Saturday or
// Sunday that days opens. It returns an error for a malformed or impossible
// date.
func IsWorkingDay(date string, days []OfficeDay) (bool, error) {
	// A calendar date's weekday is the same in every zone: parse it as UTC.
	parsed, err := time.Parse(dateLayout, date)
	if err != nil {
		return false, fmt.Errorf("office: %q is not a YYYY-MM-DD date: %w", date, err)
	}
	return workingDay(date, parsed.Weekday(), kindsByDate(days)), nil
}

func parseIntakeTime(intakeTime string) (hour, minute int, err error) {
	m := intakeTimePattern.FindStringSubmatch(intakeTime)
	if m == nil {
		return 0, 0, fmt.Errorf("office: intake time %q is not HH:MM", intakeTime)
	}
	// the pattern admits only two digits each, so these cannot fail
	hour, _ = strconv.Atoi(m[1])
	minute, _ = strconv.Atoi(m[2])
	return hour, minute, nil
}

// kindsByDate indexes days by date. A closing entry wins over an extra
// working day on the same date (the collection's unique index on date
// prevents that anyway); entries of an unknown kind change nothing.
func kindsByDate(days []OfficeDay) map[string]string {
	kinds := make(map[string]string, len(days))
	for _, d := range days {
		switch d.Kind {
		case KindHoliday, KindCutiBersama:
			kinds[d.Date] = d.Kind
		case KindExtraWorkingDay:
			if _, ok := kinds[d.Date]; !ok {
				kinds[d.Date] = d.Kind
			}
		}
	}
	return kinds
}

func workingDay(date string, weekday time.Weekday, kinds map[string]string) bool {
	switch kinds[date] {
	case KindHoliday, KindCutiBersama:
		return false
	case KindExtraWorkingDay:
		return true
	}
	return weekday != time.Saturday && weekday != time.Sunday
}
