package office_test

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

func TestSeededOfficeDaysMatchTheSharedVectors(t *testing.T) {
	app := testapp.New(t)
	want := office.LoadVectors(t).Days(false)

	got, err := office.LoadOfficeDays(app)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the seeded office_days differ from the fixture's 2026 calendar:\n got  %v\n want %v", got, want)
	}
}

func TestLoadOfficeDaysFeedsNextProcessingMorning(t *testing.T) {
	app := testapp.New(t)
	v := office.LoadVectors(t)

	// enter the fixture's test-only days as staff would in the dashboard
	collection, err := app.FindCollectionByNameOrId(collections.OfficeDays)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range v.OfficeDays {
		if !d.TestOnly {
			continue
		}
		record := core.NewRecord(collection)
		record.Set("date", d.Date)
		record.Set("kind", d.Kind)
		record.Set("name", d.Name)
		if err := app.Save(record); err != nil {
			t.Fatalf("save %s: %v", d.Date, err)
		}
	}

	days, err := office.LoadOfficeDays(app)
	if err != nil {
		t.Fatal(err)
	}
	// the fixture lists its days in date order, as LoadOfficeDays returns them
	if !slices.Equal(days, v.Days(true)) {
		t.Fatalf("expected the fixture's calendar with its test-only days, got %v", days)
	}

	for _, c := range v.Cases {
		submitted, _ := time.Parse(time.RFC3339Nano, c.Submitted)
		date, _, err := office.NextProcessingMorning(submitted, days, c.IntakeTime)
		if err != nil || date != c.ProcessDate {
			t.Errorf("%s (%s): expected %s, got %s (%v)", c.Submitted, c.Note, c.ProcessDate, date, err)
		}
	}
}
