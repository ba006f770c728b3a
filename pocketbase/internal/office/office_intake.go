package office

import (
	"fmt"
	"time"
)

// Today returns the date (YYYY-MM-DD) of now in the office's time zone: the
// day of a receipt number, of a queue, of the date rules of the catalog.
func Today(now time.Time) string {
	return now.In(officeLocation()).Format(dateLayout)
}

// IntakeInstant returns the instant of the morning intake of date
// (YYYY-MM-DD) at intakeTime (HH:MM in the office's time zone; empty means
// DefaultIntakeTime), whether or not date is a working day.
func IntakeInstant(date, intakeTime string) (time.Time, error) {
	if intakeTime == "" {
		intakeTime = DefaultIntakeTime
	}
	hour, minute, err := parseIntakeTime(intakeTime)
	if err != nil {
		return time.Time{}, err
	}
	loc := officeLocation()
	day, err := time.ParseInLocation(dateLayout, date, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("office: %q is not a YYYY-MM-DD date: %w", date, err)
	}
	return time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, loc), nil
}

// CheckIntakeTime returns an error unless intakeTime is HH:MM on a 24-hour
// clock (or empty, meaning DefaultIntakeTime).
func CheckIntakeTime(intakeTime string) error {
	if intakeTime == "" {
		return nil
	}
	_, _, err := parseIntakeTime(intakeTime)
	return err
}
