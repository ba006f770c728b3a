package workflow_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// serveMux builds the app's router as `serve` does (every OnServe route
// and middleware), for requests made from several goroutines at once.
func serveMux(t testing.TB, app core.App) http.Handler {
	t.Helper()
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var mux http.Handler
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}, func(e *core.ServeEvent) error {
		mux, err = e.Router.BuildMux()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

// overlapGate holds the first of two updates of an application inside its
// transaction until the second request has read the record too, so both
// decide on the same stored state: the overlap that a natural race makes
// only sometimes.
type overlapGate struct {
	arrived atomic.Int32
	both    chan struct{}
}

func bindOverlapGate(app core.App, current *atomic.Pointer[overlapGate]) {
	app.OnRecordUpdateRequest("applications").Bind(&hook.Handler[*core.RecordRequestEvent]{
		Priority: -100, // before the workflow's hook reads the record's status
		Func: func(e *core.RecordRequestEvent) error {
			if g := current.Load(); g != nil && g.arrived.Add(1) == 2 {
				close(g.both)
			}
			return e.Next()
		},
	})
	app.OnRecordUpdateExecute("applications").BindFunc(func(e *core.RecordEvent) error {
		if g := current.Load(); g != nil {
			select {
			case <-g.both:
			case <-time.After(2 * time.Second):
			}
		}
		return e.Next()
	})
}

// raceRequest is one side of a race: who sends which change.
type raceRequest struct {
	who, body string
	// to is the status the change asks for ("" keeps the status)
	to string
}

type raceAnswer struct {
	code int
	body string
}

// race sends both requests at the same moment and returns their answers.
func race(t testing.TB, mux http.Handler, id string, requests ...raceRequest) []raceAnswer {
	t.Helper()
	answers := make([]raceAnswer, len(requests))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, r := range requests {
		headers := as(t, r.who)
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPatch, applicationsURL+"/"+id, strings.NewReader(r.body))
			req.Header.Set("Content-Type", "application/json")
			for k, v := range headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			<-start
			mux.ServeHTTP(rec, req)
			answers[i] = raceAnswer{rec.Code, rec.Body.String()}
		}()
	}
	close(start)
	wg.Wait()
	return answers
}

// TestStaffAndResidentAtOnce races a staff decision in the dashboard and a
// resident's resubmission or withdrawal of the same application, through
// the API from two goroutines: forced to overlap (both read the same state)
// and as a free race. Whatever the timing: at least one change wins; a
// change that loses is refused (409 status_changed when it overlapped, 400
// transition_forbidden when it came after), never half applied; the
// events, append-only, form one chain from the first status to the final
// one with exactly one event per winning status change (no state is left
// twice, no winning change is lost); the revision counts a winning
// resubmission once; each winning staff decision made one notification.
func TestStaffAndResidentAtOnce(t *testing.T) {
	app := servertest.New(t)
	var gate atomic.Pointer[overlapGate]
	bindOverlapGate(app, &gate)
	mux := serveMux(t, app)
	resident, staff := testapp.ResidentA, testapp.Staff
	corrected := `{"status":"submitted","data":` + mustJSON(t, withChange(lostFamilyCard(t), "kk_number", "6471030202160001")) + `}`

	cases := []struct {
		name          string
		from          string
		staff, person raceRequest
	}{
		{
			name:   "staff send it back while the resident withdraws it",
			from:   "submitted",
			staff:  raceRequest{staff, `{"status":"needs_revision","staff_note":"Foto KK buram."}`, "needs_revision"},
			person: raceRequest{resident, `{"status":"cancelled"}`, "cancelled"},
		},
		{
			name:   "staff queue it by hand while the resident withdraws it",
			from:   "submitted",
			staff:  raceRequest{staff, `{"status":"queued"}`, "queued"},
			person: raceRequest{resident, `{"status":"cancelled"}`, "cancelled"},
		},
		{
			name:   "staff reject it while the resident withdraws it",
			from:   "submitted",
			staff:  raceRequest{staff, `{"status":"rejected","staff_note":"Bukan wilayah Balikpapan."}`, "rejected"},
			person: raceRequest{resident, `{"status":"cancelled"}`, "cancelled"},
		},
		{
			name:   "staff rewrite the note while the resident resubmits",
			from:   "needs_revision",
			staff:  raceRequest{staff, `{"staff_note":"Foto KK dan KTP-el buram."}`, ""},
			person: raceRequest{resident, corrected, "submitted"},
		},
	}

	round := 0
	for _, c := range cases {
		for _, overlap := range []bool{true, false} {
			rounds := 3
			if !overlap {
				rounds = 6
			}
			outcomes := map[string]int{}
			for range rounds {
				round++
				id := fmt.Sprintf("apprace%08d", round)
				newApplication(t, app, id, resident, nil)
				readyToSubmit(t, app, id, resident, map[string]any{
					"status": "submitted", "reference": fmt.Sprintf("BPN-20261201-%04d", 100+round), "submitted": types.NowDateTime(),
				})
				if c.from == "needs_revision" {
					setApplication(t, app, id, map[string]any{"status": "needs_revision", "staff_note": "Foto KK buram."})
				}

				if overlap {
					gate.Store(&overlapGate{both: make(chan struct{})})
				}
				answers := race(t, mux, id, c.staff, c.person)
				gate.Store(nil)

				label := fmt.Sprintf("%s (overlap %v, %s)", c.name, overlap, id)
				outcomes[fmt.Sprintf("staff %d, resident %d", answers[0].code, answers[1].code)]++
				checkRace(t, app, label, id, c.from, []raceRequest{c.staff, c.person}, answers)
				if overlap && !(answers[0].code == http.StatusOK) == !(answers[1].code == http.StatusOK) {
					t.Errorf("%s: both read the same state, so exactly one may win: %+v", label, answers)
				}
			}
			t.Logf("%s, overlap %v: %v", c.name, overlap, outcomes)
		}
	}
}

// checkRace checks the invariants of one race on application id (see
// TestStaffAndResidentAtOnce).
func checkRace(t *testing.T, app core.App, label, id, from string, requests []raceRequest, answers []raceAnswer) {
	t.Helper()
	record, err := app.FindRecordById("applications", id)
	if err != nil {
		t.Fatal(err)
	}
	final := record.GetString("status")

	wins := map[string]string{} // status asked for → actor kind, of the winning status changes
	staffWins, residentResubmitted := 0, false
	for i, a := range answers {
		r := requests[i]
		kind := "resident"
		if r.who == testapp.Staff {
			kind = "staff"
		}
		switch {
		case a.code == http.StatusOK:
			if r.to != "" {
				wins[r.to] = kind
				if kind == "staff" {
					staffWins++
				}
				if r.to == "submitted" {
					residentResubmitted = true
				}
			}
		case a.code == http.StatusConflict && strings.Contains(a.body, `"code":"status_changed"`):
		case a.code == http.StatusBadRequest && strings.Contains(a.body, `"code":"transition_forbidden"`):
		default:
			t.Errorf("%s: %s's change answered %d %s", label, kind, a.code, a.body)
		}
	}
	if len(wins) == 0 && !(answers[0].code == http.StatusOK || answers[1].code == http.StatusOK) {
		t.Errorf("%s: no change won: %+v", label, answers)
	}

	got := events(t, app, id)
	if len(got) != len(wins) {
		t.Errorf("%s: events %+v, want one per winning status change %v", label, got, wins)
	}
	at := from
	for _, e := range got {
		if e.From != at {
			t.Errorf("%s: event %+v does not follow %q: the chain forks", label, e, at)
		}
		if kind, won := wins[e.To]; !won || kind != e.ActorKind {
			t.Errorf("%s: event %+v is no winning change %v", label, e, wins)
		}
		at = e.To
	}
	if at != final {
		t.Errorf("%s: status %q, but the events end at %q", label, final, at)
	}

	if want := map[bool]int{true: 1, false: 0}[residentResubmitted]; record.GetInt("revision") != want {
		t.Errorf("%s: revision %d, want %d", label, record.GetInt("revision"), want)
	}
	if residentResubmitted && answers[0].code != http.StatusOK && record.GetString("staff_note") != "" {
		t.Errorf("%s: resubmitted last, but the staff note %q stayed", label, record.GetString("staff_note"))
	}
	notifications, err := app.CountRecords("notifications", dbx.HashExp{"application": id})
	if err != nil {
		t.Fatal(err)
	}
	if int(notifications) != staffWins {
		t.Errorf("%s: %d notifications, want one per winning staff decision (%d)", label, notifications, staffWins)
	}
}
