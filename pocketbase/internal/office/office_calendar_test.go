package office

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// vectors mirrors tests/fixtures/office-calendar.json, shared with the
// TypeScript tests.
type vectors struct {
	TimeZone   string `json:"timeZone"`
	IntakeTime string `json:"intakeTime"`
	OfficeDays []struct {
		OfficeDay
		TestOnly bool `json:"testOnly"`
	} `json:"officeDays"`
	Cases []struct {
		Submitted   string `json:"submitted"`
		ProcessDate string `json:"processDate"`
		IntakeAt    string `json:"intakeAt"`
		IntakeTime  string `json:"intakeTime"`
		Note        string `json:"note"`
	} `json:"cases"`
	WorkingDays []struct {
		Date    string `json:"date"`
		Working bool   `json:"working"`
		Note    string `json:"note"`
	} `json:"workingDays"`
	InvalidDates       []string `json:"invalidDates"`
	InvalidIntakeTimes []string `json:"invalidIntakeTimes"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()

	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "tests", "fixtures", "office-calendar.json"))
	if err != nil {
		t.Fatalf("read the shared office-calendar vectors: %v", err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("parse the shared office-calendar vectors: %v", err)
	}
	if len(v.OfficeDays) == 0 || len(v.Cases) < 30 || len(v.WorkingDays) == 0 ||
		len(v.InvalidDates) == 0 || len(v.InvalidIntakeTimes) == 0 {
		t.Fatal("the shared office-calendar vectors have a missing or short section")
	}
	return v
}

// officeDays returns the vectors' calendar, with the test-only entries when
// withTestOnly is set.
func (v vectors) officeDays(withTestOnly bool) []OfficeDay {
	days := make([]OfficeDay, 0, len(v.OfficeDays))
	for _, d := range v.OfficeDays {
		if d.TestOnly && !withTestOnly {
			continue
		}
		days = append(days, d.OfficeDay)
	}
	return days
}

func TestVectorsDescribeThisOffice(t *testing.T) {
	v := loadVectors(t)

	if v.TimeZone != TimeZone {
		t.Errorf("vectors are for %s, the package for %s", v.TimeZone, TimeZone)
	}
	if v.IntakeTime != DefaultIntakeTime {
		t.Errorf("vectors default to intake %s, the package to %s", v.IntakeTime, DefaultIntakeTime)
	}
	for _, d := range v.OfficeDays {
		switch d.Kind {
		case KindHoliday, KindCutiBersama, KindExtraWorkingDay:
		default:
			t.Errorf("%s: unknown kind %q", d.Date, d.Kind)
		}
	}
}

func TestNextProcessingMorningSharedVectors(t *testing.T) {
	v := loadVectors(t)
	days := v.officeDays(true)

	for _, c := range v.Cases {
		intakeTime := v.IntakeTime
		if c.IntakeTime != "" {
			intakeTime = c.IntakeTime
		}
		t.Run(c.Submitted+" intake "+intakeTime, func(t *testing.T) {
			submitted, err := time.Parse(time.RFC3339Nano, c.Submitted)
			if err != nil {
				t.Fatalf("bad vector: %v", err)
			}
			wantAt, err := time.Parse(time.RFC3339Nano, c.IntakeAt)
			if err != nil {
				t.Fatalf("bad vector: %v", err)
			}

			date, at, err := NextProcessingMorning(submitted, days, intakeTime)
			if err != nil {
				t.Fatalf("%s: %v", c.Note, err)
			}
			if date != c.ProcessDate {
				t.Errorf("%s: expected %s, got %s", c.Note, c.ProcessDate, date)
			}
			if !at.Equal(wantAt) {
				t.Errorf("%s: expected intake at %s, got %s", c.Note, wantAt.Format(time.RFC3339), at.UTC().Format(time.RFC3339))
			}
		})
	}
}

func TestNextProcessingMorningDefaultsToTheOfficeIntakeTime(t *testing.T) {
	v := loadVectors(t)
	days := v.officeDays(true)

	for _, c := range v.Cases {
		if c.IntakeTime != "" {
			continue
		}
		submitted, _ := time.Parse(time.RFC3339Nano, c.Submitted)
		date, _, err := NextProcessingMorning(submitted, days, "")
		if err != nil || date != c.ProcessDate {
			t.Errorf("%s: expected %s, got %s (%v)", c.Note, c.ProcessDate, date, err)
		}
	}
}

func TestNextProcessingMorningIgnoresTheZoneOfItsArgument(t *testing.T) {
	v := loadVectors(t)
	days := v.officeDays(true)
	zones := []string{"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Jakarta"}

	for _, c := range v.Cases {
		submitted, _ := time.Parse(time.RFC3339Nano, c.Submitted)
		for _, name := range zones {
			loc, err := time.LoadLocation(name)
			if err != nil {
				t.Fatal(err)
			}
			date, _, err := NextProcessingMorning(submitted.In(loc), days, c.IntakeTime)
			if err != nil || date != c.ProcessDate {
				t.Errorf("%s in %s: expected %s, got %s (%v)", c.Submitted, name, c.ProcessDate, date, err)
			}
		}
	}
}

func TestIsWorkingDaySharedVectors(t *testing.T) {
	v := loadVectors(t)
	days := v.officeDays(true)

	for _, c := range v.WorkingDays {
		working, err := IsWorkingDay(c.Date, days)
		if err != nil || working != c.Working {
			t.Errorf("%s (%s): expected working=%v, got %v (%v)", c.Date, c.Note, c.Working, working, err)
		}
	}
	for _, date := range v.InvalidDates {
		if _, err := IsWorkingDay(date, days); err == nil {
			t.Errorf("expected an error for the date %q", date)
		}
	}
}

func TestNextProcessingMorningRefusesInvalidIntakeTimes(t *testing.T) {
	v := loadVectors(t)

	for _, intakeTime := range v.InvalidIntakeTimes {
		if _, _, err := NextProcessingMorning(time.Now(), nil, intakeTime); err == nil {
			t.Errorf("expected an error for the intake time %q", intakeTime)
		}
	}
}

func TestClosingEntryWinsOverExtraWorkingDay(t *testing.T) {
	extra := OfficeDay{Date: "2026-10-31", Kind: KindExtraWorkingDay, Name: "extra"}
	closed := OfficeDay{Date: "2026-10-31", Kind: KindHoliday, Name: "holiday"}

	for _, days := range [][]OfficeDay{{extra, closed}, {closed, extra}} {
		working, err := IsWorkingDay("2026-10-31", days)
		if err != nil || working {
			t.Errorf("%v: expected closed, got working=%v (%v)", days, working, err)
		}
	}
}

func TestNextProcessingMorningGivesUpOnAYearWithoutWorkingDays(t *testing.T) {
	var days []OfficeDay
	for d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		days = append(days, OfficeDay{Date: d.Format(time.DateOnly), Kind: KindHoliday, Name: "closed"})
	}

	_, _, err := NextProcessingMorning(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), days, "")
	if !errors.Is(err, ErrNoWorkingDay) {
		t.Fatalf("expected ErrNoWorkingDay, got %v", err)
	}
}
