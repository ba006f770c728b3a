package visits_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/visits"
)

// TestGenerateSlots: the seeded weekly schedules make slots on working days
// only (no weekend, no holiday, cuti bersama; an extra working day gets the
// Friday's), and a second run makes none and keeps staff changes.
func TestGenerateSlots(t *testing.T) {
	app := withClock(testapp.New(t), testNow)
	addOfficeDay(t, app, "2027-03-03", "holiday")
	addOfficeDay(t, app, "2027-03-04", "cuti_bersama")
	addOfficeDay(t, app, "2027-03-06", "extra_working_day")

	made, err := visits.GenerateSlots(app, "2027-03-01", 7)
	if err != nil {
		t.Fatal(err)
	}
	// seeded: ktp-rekam 3, pengaduan 2, ktp-ambil 2 a day; working days 1, 2, 5, 6 March
	if made != 4*7 {
		t.Errorf("made %d slots, want 28", made)
	}
	var dates []string
	if err := app.DB().NewQuery("SELECT DISTINCT date FROM appointment_slots ORDER BY date").Column(&dates); err != nil {
		t.Fatal(err)
	}
	if strings.Join(dates, " ") != "2027-03-01 2027-03-02 2027-03-05 2027-03-06" {
		t.Errorf("slot days %v", dates)
	}

	slots, _ := app.FindRecordsByFilter("appointment_slots", "date = '2027-03-02' && service = 'ktp-rekam' && start = '08:00'", "", 1, 0)
	slots[0].Set("capacity", 3)
	if err := app.Save(slots[0]); err != nil {
		t.Fatal(err)
	}
	again, err := visits.GenerateSlots(app, "2027-03-01", 7)
	if err != nil || again != 0 {
		t.Errorf("second run made %d (%v)", again, err)
	}
	kept, _ := app.FindRecordById("appointment_slots", slots[0].Id)
	if kept.GetInt("capacity") != 3 {
		t.Errorf("staff's capacity overwritten: %d", kept.GetInt("capacity"))
	}
}

// TestReminders: the working day before (a Friday for a Monday visit) from
// 12:00 and the morning of the visit from 06:00, each once, to the inbox
// pending push, with the ticket; a cancelled visit gets none.
func TestReminders(t *testing.T) {
	app := withClock(testapp.New(t), testNow)
	slot := addSlot(t, app, "ktp-rekam", "2027-03-08", "08:00", "10:00", 5, 0) // Monday
	addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
	addAppointment(t, app, idB, testapp.ResidentB, "ktp-rekam", slot)
	cancelled := appointment(t, app, idB)
	cancelled.Set("status", "cancelled")
	if err := app.Save(cancelled); err != nil {
		t.Fatal(err)
	}
	wita := time.FixedZone("WITA", 8*3600)
	count := func(at time.Time) int {
		t.Helper()
		n, err := visits.SendReminders(app, at)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		at   time.Time
		want int
	}{
		{time.Date(2027, 3, 5, 11, 59, 0, 0, wita), 0}, // Friday morning: too early
		{time.Date(2027, 3, 5, 12, 0, 0, 0, wita), 1},  // Friday noon: the working day before
		{time.Date(2027, 3, 5, 16, 0, 0, 0, wita), 0},  // once
		{time.Date(2027, 3, 6, 12, 0, 0, 0, wita), 0},  // Saturday
		{time.Date(2027, 3, 8, 5, 59, 0, 0, wita), 0},
		{time.Date(2027, 3, 8, 6, 0, 0, 0, wita), 1}, // the morning
		{time.Date(2027, 3, 8, 7, 0, 0, 0, wita), 0},
	}
	for _, s := range steps {
		if got := count(s.at); got != s.want {
			t.Errorf("at %s: %d reminders, want %d", s.at, got, s.want)
		}
	}
	notes, err := app.FindRecordsByFilter("notifications", "kind = 'visit_reminder'", "created", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 {
		t.Fatalf("%d reminders", len(notes))
	}
	for _, n := range notes {
		if n.GetString("owner") != testapp.ResidentA || n.GetString("appointment") != idA || n.GetString("delivery") != "pending" ||
			!strings.Contains(n.GetString("body"), "R-TAA1") {
			t.Errorf("reminder %v", n.PublicExport())
		}
	}
	// The inbox shows the reminder in the language chosen on the phone: both are stored.
	var texts map[string]struct{ Title, Body string }
	if err := notes[0].UnmarshalJSONField("texts", &texts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(texts["id"].Title, "Pengingat: Perekaman KTP-el, 8 Maret 2027") ||
		!strings.HasPrefix(texts["en"].Title, "Reminder: ") || !strings.Contains(texts["en"].Body, "8 March 2027") ||
		!strings.Contains(texts["en"].Body, "R-TAA1") || texts["id"].Body != notes[0].GetString("body") {
		t.Errorf("texts of the reminder %+v", texts)
	}
	if !strings.HasPrefix(notes[0].GetString("title"), "Pengingat: Perekaman KTP-el, 8 Maret 2027") ||
		!strings.HasPrefix(notes[1].GetString("title"), "Hari ini: Perekaman KTP-el pukul 08.00 WITA") {
		t.Errorf("titles %q, %q", notes[0].GetString("title"), notes[1].GetString("title"))
	}
}

// TestCardCollection: staff complete a ktp-ganti without a result PDF
// ("ready to collect"), and its resident books a linked ktp-ambil visit;
// a card that is not ready cannot be collected.
func TestCardCollection(t *testing.T) {
	staff, a := as(t, testapp.Staff), as(t, testapp.ResidentA)
	setStatus := func(status string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
		return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
			r, err := app.FindRecordById("applications", testapp.ApplicationA)
			if err != nil {
				t.Fatal(err)
			}
			r.Set("service", "ktp-ganti")
			r.Set("status", status)
			r.Set("reference", "BPN-20270301-0001")
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
			addSlot(t, app, "ktp-ambil", "2027-03-02", "08:00", "12:00", 5, 0)
		}
	}
	collect := `{"id":"` + idA + `","owner":"` + testapp.ResidentA + `","service":"ktp-ambil","preferred_date":"2027-03-02","application":"` + testapp.ApplicationA + `"}`
	scenarios := []tests.ApiScenario{
		{
			Name: "staff complete a ktp-ganti without a PDF", Method: http.MethodPatch,
			URL: "/api/collections/applications/records/" + testapp.ApplicationA, Headers: staff,
			Body: strings.NewReader(`{"status":"completed"}`), BeforeTestFunc: setStatus("in_process"),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"completed"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				n, err := app.FindFirstRecordByFilter("notifications", "application = {:a} && kind = 'completed'", map[string]any{"a": testapp.ApplicationA})
				if err != nil || !strings.Contains(n.GetString("title"), "siap diambil") || !strings.Contains(n.GetString("body"), "pesan waktu pengambilan") {
					t.Errorf("notification %v %v", n, err)
				}
			},
			TestAppFactory: factory,
		},
		{
			Name: "another service still needs its PDF", Method: http.MethodPatch,
			URL: "/api/collections/applications/records/" + testapp.ApplicationA, Headers: staff,
			Body: strings.NewReader(`{"status":"completed"}`),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				r, _ := app.FindRecordById("applications", testapp.ApplicationA)
				r.Set("status", "in_process")
				if err := app.Save(r); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus: 400, ExpectedContent: []string{`"code":"result_required"`},
			TestAppFactory: factory,
		},
		{
			Name: "the resident books the collection linked to it", Method: http.MethodPost, URL: appointmentsURL, Headers: a,
			Body: strings.NewReader(collect), BeforeTestFunc: setStatus("completed"),
			ExpectedStatus: 200, ExpectedContent: []string{`"application":"` + testapp.ApplicationA + `"`, `"code":"A-`},
			TestAppFactory: factory,
		},
		{
			Name: "a card not ready cannot be collected", Method: http.MethodPost, URL: appointmentsURL, Headers: a,
			Body: strings.NewReader(collect), BeforeTestFunc: setStatus("in_process"),
			ExpectedStatus: 400, ExpectedContent: []string{`"application":{"code":"application_not_ready"`},
			TestAppFactory: factory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// TestTodaysVisits: the staff view lists today's visits that hold a place,
// by time, with the ticket code, name, NIK, service and application; residents cannot read it.
func TestTodaysVisits(t *testing.T) {
	today := time.Now().In(time.FixedZone("WITA", 8*3600)).Format(time.DateOnly)
	setup := func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		late := addSlot(t, app, "pengaduan", today, "13:00", "15:00", 5, 0)
		early := addSlot(t, app, "ktp-rekam", today, "08:00", "10:00", 5, 0)
		addAppointment(t, app, idB, testapp.ResidentB, "pengaduan", late)
		addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", early)
		addAppointment(t, app, idA2, testapp.ResidentA, "pengaduan", late)
		c := appointment(t, app, idA2)
		c.Set("status", "cancelled")
		if err := app.Save(c); err != nil {
			t.Fatal(err)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "staff see today's visits by time", Method: http.MethodGet, URL: "/api/collections/todays_visits/records",
			Headers: as(t, testapp.Staff), BeforeTestFunc: setup, ExpectedStatus: 200,
			ExpectedContent:    []string{`"totalItems":2`, `"code":"R-TAA1"`, `"name":"Budi Santoso"`, `"nik":"` + testapp.ResidentANIK + `"`},
			NotExpectedContent: []string{idA2},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				var rows []*core.Record
				_ = app.RecordQuery("todays_visits").All(&rows)
				if len(rows) != 2 || rows[0].GetString("appointment") != idA || rows[1].GetString("appointment") != idB {
					t.Errorf("order: %v", rows)
				}
			},
			TestAppFactory: factory,
		},
		{
			Name: "residents cannot read it", Method: http.MethodGet, URL: "/api/collections/todays_visits/records",
			Headers: as(t, testapp.ResidentA), BeforeTestFunc: setup, ExpectedStatus: 403,
			ExpectedContent: superusersOnly, TestAppFactory: factory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}
