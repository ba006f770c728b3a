package office

import (
	"testing"
	"time"
)

// The morning intake runs at IntakeInstant of a working day with the
// submissions before it: the shared vectors' intake instants must be the
// IntakeInstant of their process dates, and every submission must fall
// before it (so the intake of that day picks it up).
func TestIntakeInstantAgreesWithTheSharedVectors(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Cases {
		intakeTime := v.IntakeTime
		if c.IntakeTime != "" {
			intakeTime = c.IntakeTime
		}
		wantAt, _ := time.Parse(time.RFC3339Nano, c.IntakeAt)
		submitted, _ := time.Parse(time.RFC3339Nano, c.Submitted)
		at, err := IntakeInstant(c.ProcessDate, intakeTime)
		if err != nil {
			t.Fatalf("%s: %v", c.Note, err)
		}
		if !at.Equal(wantAt) {
			t.Errorf("%s: IntakeInstant(%s, %s) = %s, want %s", c.Note, c.ProcessDate, intakeTime, at.UTC().Format(time.RFC3339), c.IntakeAt)
		}
		if !submitted.Before(at) {
			t.Errorf("%s: submitted %s is not before the intake %s", c.Note, c.Submitted, c.IntakeAt)
		}
	}
}

func TestIntakeInstantDefaultsAndErrors(t *testing.T) {
	at, err := IntakeInstant("2026-11-30", "")
	if err != nil || !at.Equal(time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC)) {
		t.Errorf("default intake: %v %v", at, err)
	}
	if _, err := IntakeInstant("2026-11-31", "07:30"); err == nil {
		t.Error("an impossible date must be refused")
	}
	for _, bad := range loadVectors(t).InvalidIntakeTimes {
		if bad == "" {
			continue
		}
		if _, err := IntakeInstant("2026-11-30", bad); err == nil {
			t.Errorf("intake time %q must be refused", bad)
		}
		if CheckIntakeTime(bad) == nil {
			t.Errorf("CheckIntakeTime(%q) must fail", bad)
		}
	}
	if CheckIntakeTime("") != nil || CheckIntakeTime("08:05") != nil {
		t.Error("empty and 08:05 are valid intake times")
	}
}

func TestToday(t *testing.T) {
	// 16:00 UTC is midnight WITA
	for instant, want := range map[string]string{
		"2026-11-29T15:59:59Z": "2026-11-29",
		"2026-11-29T16:00:00Z": "2026-11-30",
	} {
		now, _ := time.Parse(time.RFC3339, instant)
		if got := Today(now); got != want {
			t.Errorf("Today(%s) = %s, want %s", instant, got, want)
		}
	}
}
