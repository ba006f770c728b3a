package workflow_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/workflow"
)

func TestReferenceDayIsWITA(t *testing.T) {
	for utc, want := range map[string]string{
		"2026-11-28T15:59:59Z": "BPN-20261128-", // 23:59:59 WITA
		"2026-11-28T16:00:00Z": "BPN-20261129-", // 00:00 WITA
		"2026-12-31T23:00:00Z": "BPN-20270101-",
	} {
		now, _ := time.Parse(time.RFC3339, utc)
		if got := workflow.ReferenceDayPrefix(now); got != want {
			t.Errorf("%s: %s, want %s", utc, got, want)
		}
	}
}

// TestAssignReferenceRetriesOnce makes the count collide with an existing
// number (a gap left by a reference cleared by staff): the unique index
// refuses it and the next number after the highest is taken.
func TestAssignReferenceRetriesOnce(t *testing.T) {
	app := testapp.New(t)
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	prefix := workflow.ReferenceDayPrefix(now)
	newApplication(t, app, "appref000000001", testapp.ResidentB, map[string]any{"reference": prefix + "0001"})
	newApplication(t, app, "appref000000003", testapp.ResidentB, map[string]any{"reference": prefix + "0003"})

	var got string
	err := app.RunInTransaction(func(tx core.App) error {
		var err error
		got, err = workflow.AssignReference(tx, testapp.ApplicationA, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := prefix + "0004"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	record, _ := app.FindRecordById("applications", testapp.ApplicationA)
	if record.GetString("reference") != got {
		t.Errorf("stored %q", record.GetString("reference"))
	}
}

// TestConcurrentFinalises finalises applications in parallel through the
// API: every one gets its own number of the day, 0001 to N.
func TestConcurrentFinalises(t *testing.T) {
	const n = 8
	app := servertest.New(t)

	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("appconcurrent%02d", i)
		newApplication(t, app, ids[i], testapp.ResidentA, nil)
		readyToSubmit(t, app, ids[i], testapp.ResidentA, nil)
	}

	mux := serveMux(t, app)
	headers := as(t, testapp.ResidentA)
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPatch, applicationsURL+"/"+id, strings.NewReader(`{"status":"submitted"}`))
			req.Header.Set("Content-Type", "application/json")
			for k, v := range headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Errorf("%s: %d %s", id, rec.Code, rec.Body.String())
			}
		}()
	}
	wg.Wait()

	var references []string
	for _, id := range ids {
		record, err := app.FindRecordById("applications", id)
		if err != nil {
			t.Fatal(err)
		}
		references = append(references, record.GetString("reference"))
		if got := events(t, app, id); len(got) != 1 || got[0].To != "submitted" {
			t.Errorf("%s: events %+v", id, got)
		}
	}
	slices.Sort(references)
	prefix := references[0][:len("BPN-YYYYMMDD-")]
	for i, reference := range references {
		if want := fmt.Sprintf("%s%04d", prefix, i+1); reference != want {
			t.Errorf("references %v: want %s at %d", references, want, i)
			break
		}
	}
}
