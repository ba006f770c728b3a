package office

import (
	"fmt"
	"time"
)

// Today returns the date (YYYY-MM-DD) of now in the office's time zone.
func Today(now time.Time) (string, error) {
	loc, err := officeLocation()
	if err != nil {
		return "", fmt.Errorf("office: load time zone: %w", err)
	}
	return now.In(loc).Format(dateLayout), nil
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
	loc, err := officeLocation()
	if err != nil {
		return time.Time{}, fmt.Errorf("office: load time zone: %w", err)
	}
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
