package intake_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/testapp"
)

// EnvOfficeBench turns on the benchmark of the intake (npm run bench).
const EnvOfficeBench = "DUKCAPIL_OFFICE_BENCH"

// Sizes of the benchmark: the 10,000 submitted applications, from
// 5,000 residents (one morning summary each), in a table that also holds
// earlier mornings' completed applications.
const (
	benchSubmitted = 10_000
	benchResidents = 5_000
	benchCompleted = 10_000
)

// TestIntakeBenchmark times the intake of 10,000 submitted applications and
// prints "BENCH intake_seconds=<s> intake_queued=<n>" (read by
// tests/bench/office.js). It runs only with DUKCAPIL_OFFICE_BENCH=1:
//
//	DUKCAPIL_OFFICE_BENCH=1 go test ./internal/intake -run TestIntakeBenchmark -count=1 -v
func TestIntakeBenchmark(t *testing.T) {
	if os.Getenv(EnvOfficeBench) != "1" {
		t.Skip("set " + EnvOfficeBench + "=1 to run the intake benchmark")
	}
	app := testapp.New(t)

	started := time.Now()
	fillForBenchmark(t, app)
	t.Logf("setup: %d residents, %d submitted and %d completed applications in %s",
		benchResidents, benchSubmitted, benchCompleted, time.Since(started).Round(time.Millisecond))

	cutoff := wita(t, "2026-11-30 07:30:00")
	started = time.Now()
	result, err := intake.Run(app, monday, cutoff)
	elapsed := time.Since(started)
	if err != nil {
		t.Fatal(err)
	}
	if result.Queued != benchSubmitted || result.Last != benchSubmitted || result.Notified != benchResidents {
		t.Fatalf("result %+v", result)
	}
	var events, summaries int
	_ = app.DB().NewQuery("SELECT COUNT(*) FROM application_events WHERE actor_kind = 'system'").Row(&events)
	_ = app.DB().NewQuery("SELECT COUNT(*) FROM notifications WHERE kind = 'morning_summary'").Row(&summaries)
	if events != benchSubmitted || summaries != benchResidents {
		t.Fatalf("%d events and %d summaries", events, summaries)
	}

	started = time.Now()
	again, err := intake.Run(app, monday, cutoff)
	second := time.Since(started)
	if err != nil || again.Queued != 0 {
		t.Fatalf("second run %+v %v", again, err)
	}

	fmt.Printf("BENCH intake_seconds=%.3f intake_queued=%d intake_residents=%d intake_second_run_seconds=%.3f\n",
		elapsed.Seconds(), result.Queued, result.Notified, second.Seconds())
}

// fillForBenchmark writes the residents and applications with bulk SQL in
// one transaction (a record save each would take longer than the intake).
func fillForBenchmark(t *testing.T, app core.App) {
	t.Helper()
	services := []string{}
	for _, s := range catalog.Services() {
		if s.Mode == catalog.ModeOnline {
			services = append(services, s.Code)
		}
	}
	now := types.NowDateTime().String()
	// submissions spread over the 72 hours before the intake
	firstSubmission := wita(t, "2026-11-27 07:30:00")
	step := 72 * time.Hour / benchSubmitted

	err := app.RunInTransaction(func(tx core.App) error {
		db := tx.NonconcurrentDB()
		users := db.NewQuery("INSERT INTO users (id, email, password, tokenKey, name, nik, locale, verified, created, updated) " +
			"VALUES ({:id}, {:email}, 'x', {:token}, {:name}, {:nik}, {:locale}, TRUE, {:now}, {:now})").Prepare()
		defer users.Close()
		for i := range benchResidents {
			locale := "id"
			if i%5 == 0 {
				locale = "en"
			}
			_, err := users.Bind(dbx.Params{
				"id": fmt.Sprintf("benchuser%06d", i), "email": fmt.Sprintf("warga%d@bench.test", i),
				"token": fmt.Sprintf("benchtoken%06d", i), "name": fmt.Sprintf("Warga %d", i),
				"nik": fmt.Sprintf("647102150688%04d", i+1), "locale": locale, "now": now,
			}).Execute()
			if err != nil {
				return err
			}
		}

		apps := db.NewQuery("INSERT INTO applications (id, owner, service, status, data, subject_nik, subject_name, reference, " +
			"submitted, process_date, queue_no, revision, documents, created, updated) " +
			"VALUES ({:id}, {:owner}, {:service}, {:status}, '{}', {:nik}, {:name}, {:reference}, {:submitted}, {:day}, {:no}, 0, '[]', {:now}, {:now})").Prepare()
		defer apps.Close()
		for i := range benchSubmitted + benchCompleted {
			status, day, no := "submitted", "", 0
			submitted := firstSubmission.Add(time.Duration(i) * step)
			if i >= benchSubmitted {
				// earlier mornings, 600 a day
				status = "completed"
				past := (i - benchSubmitted) / 600
				submitted = firstSubmission.AddDate(0, 0, -past-1)
				day = submitted.AddDate(0, 0, 1).Format(time.DateOnly) + " 00:00:00.000Z"
				no = (i-benchSubmitted)%600 + 1
			}
			stamp, _ := types.ParseDateTime(submitted)
			_, err := apps.Bind(dbx.Params{
				"id": fmt.Sprintf("benchapp%07d", i), "owner": fmt.Sprintf("benchuser%06d", i%benchResidents),
				"service": services[i%len(services)], "status": status,
				"nik": "6471051205900001", "name": fmt.Sprintf("Subjek %d", i),
				"reference": fmt.Sprintf("BPN-BENCH-%07d", i), "submitted": stamp.String(),
				"day": day, "no": no, "now": now,
			}).Execute()
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
