package visits_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/server"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) { os.Exit(testapp.Run(m)) }

const (
	appointmentsURL = "/api/collections/appointments/records"
	slotsURL        = "/api/collections/appointment_slots/records"
)

// testNow is the clock of the tests: Monday 1 March 2027, 09:00 WITA. The
// 2027 calendar has no holidays until a test adds one.
var testNow = time.Date(2027, 3, 1, 1, 0, 0, 0, time.UTC)

// withClock registers every feature on app as the server does, with the
// visits' clock at now.
func withClock(app *tests.TestApp, now time.Time) *tests.TestApp {
	config := server.TestConfig()
	config.Visits.Now = func() time.Time { return now }
	if err := server.Register(app, config); err != nil {
		panic(err)
	}
	return app
}

// factory is a tests.ApiScenario TestAppFactory at testNow.
func factory(t testing.TB) *tests.TestApp {
	return withClock(testapp.Factory(t), testNow)
}

func as(t testing.TB, id string) map[string]string {
	return testapp.AuthHeader(t, id)
}

// addSlot saves a slot directly and returns its id.
func addSlot(t testing.TB, app core.App, service, date, start, end string, capacity, booked int) string {
	t.Helper()
	c, err := app.FindCollectionByNameOrId("appointment_slots")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(map[string]any{"service": service, "date": date, "start": start, "end": end, "capacity": capacity, "booked": booked})
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return r.Id
}

// addAppointment saves a booked appointment of owner in slot directly
// (and takes its place), and returns its id.
func addAppointment(t testing.TB, app core.App, id, owner, service, slot string) string {
	t.Helper()
	s, err := app.FindRecordById("appointment_slots", slot)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := app.FindCollectionByNameOrId("appointments")
	r := core.NewRecord(c)
	r.Id = id
	r.Load(map[string]any{
		"owner": owner, "service": service, "preferred_date": s.GetString("date"), "slot": slot, "status": "booked",
		"code": "R-T" + strings.ToUpper(id[len(id)-3:]), "date": s.GetString("date"), "start": s.GetString("start"), "end": s.GetString("end"),
	})
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	s.Set("booked", s.GetInt("booked")+1)
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	return r.Id
}

// addOfficeDay closes (or opens) a day in the office calendar.
func addOfficeDay(t testing.TB, app core.App, date, kind string) {
	t.Helper()
	c, _ := app.FindCollectionByNameOrId("office_days")
	r := core.NewRecord(c)
	r.Load(map[string]any{"date": date, "kind": kind, "name": "test"})
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
}

// checkBookedCounts fails unless every slot's booked equals its
// appointments that are not cancelled.
func checkBookedCounts(t testing.TB, app core.App) {
	t.Helper()
	var rows []struct {
		Id       string `db:"id"`
		Booked   int    `db:"booked"`
		Capacity int    `db:"capacity"`
		Counted  int    `db:"counted"`
	}
	err := app.DB().NewQuery(`SELECT s.id, s.booked, s.capacity,
		(SELECT COUNT(*) FROM appointments a WHERE a.slot = s.id AND a.status != 'cancelled') AS counted
		FROM appointment_slots s`).All(&rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Booked != r.Counted {
			t.Errorf("slot %s: booked %d, appointments holding a place %d", r.Id, r.Booked, r.Counted)
		}
		if r.Booked > r.Capacity {
			t.Errorf("slot %s: booked %d over capacity %d", r.Id, r.Booked, r.Capacity)
		}
	}
}

// appointment reads an appointment.
func appointment(t testing.TB, app core.App, id string) *core.Record {
	t.Helper()
	r, err := app.FindRecordById("appointments", id)
	if err != nil {
		t.Fatalf("appointment %s: %v", id, err)
	}
	return r
}

// booked returns the booked count of a slot.
func booked(t testing.TB, app core.App, slot string) int {
	t.Helper()
	r, err := app.FindRecordById("appointment_slots", slot)
	if err != nil {
		t.Fatal(err)
	}
	return r.GetInt("booked")
}

// serve starts an HTTP server on app with every route and hook bound, as
// `serve` does.
func serve(t testing.TB, app *tests.TestApp) *httptest.Server {
	t.Helper()
	// every simulated resident comes from 127.0.0.1: the per-IP rate limits
	// (20 creates in 5 s) would stand for 50 people at their own phones
	app.Settings().RateLimits.Enabled = false
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}, func(e *core.ServeEvent) error {
		mux, err := e.Router.BuildMux()
		handler = mux
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

// newResidents makes n residents directly (one password hash shared, so
// that it takes no time) and returns their ids and auth tokens.
func newResidents(t testing.TB, app core.App, n int) (ids, tokens []string) {
	t.Helper()
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	template, err := app.FindRecordById("users", testapp.ResidentA)
	if err != nil {
		t.Fatal(err)
	}
	hash := template.GetString("password")
	err = app.RunInTransaction(func(tx core.App) error {
		for i := range n {
			u := core.NewRecord(users)
			u.SetEmail(fmt.Sprintf("warga%05d@bench.dukcapil.test", i))
			u.SetRaw("password", hash)
			u.SetRaw("tokenKey", core.GenerateDefaultRandomId()+core.GenerateDefaultRandomId())
			u.Set("name", fmt.Sprintf("Warga %d", i))
			u.Set("nik", nikOf(i))
			u.Set("verified", true)
			if err := tx.SaveNoValidate(u); err != nil {
				return err
			}
			token, err := u.NewAuthToken()
			if err != nil {
				return err
			}
			ids = append(ids, u.Id)
			tokens = append(tokens, token)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids, tokens
}

// nikOf is a valid Balikpapan NIK, different for every i below 10,000.
func nikOf(i int) string {
	return fmt.Sprintf("6471050101%02d%04d", 80+i/10000, i%10000+1)
}
