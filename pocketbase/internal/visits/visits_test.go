package visits_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
)

var (
	notFound       = []string{`"status":404`}
	superusersOnly = []string{"Only superusers can perform this action."}
)

const (
	idA  = "visitaaaaaaaaa1"
	idA2 = "visitaaaaaaaaa2"
	idB  = "visitbbbbbbbbb1"
)

// bookBody is a resident's request for service on preferred (and part).
func bookBody(id, owner, service, preferred, part string) *strings.Reader {
	body := `{"id":"` + id + `","owner":"` + owner + `","service":"` + service + `","preferred_date":"` + preferred + `"`
	if part != "" {
		body += `,"part_of_day":"` + part + `"`
	}
	return strings.NewReader(body + `}`)
}

// bookedInto checks that appointment id was booked into the slot whose
// (date, start) is given, and the counts.
func bookedInto(id, date, start string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		t.Helper()
		r := appointment(t, app, id)
		if r.GetString("date") != date || r.GetString("start") != start || r.GetString("status") != "booked" {
			t.Errorf("booked %s %s (%s), want %s %s", r.GetString("date"), r.GetString("start"), r.GetString("status"), date, start)
		}
		if code := r.GetString("code"); len(code) != 6 || code[1] != '-' {
			t.Errorf("ticket code %q", code)
		}
		events, _ := app.FindRecordsByFilter("appointment_events", "appointment = {:id}", "", 0, 0, map[string]any{"id": id})
		if len(events) != 1 || events[0].GetString("to") != "booked" {
			t.Errorf("events %d, want one booking event", len(events))
		}
		checkBookedCounts(t, app)
	}
}

func TestBooking(t *testing.T) {
	a := as(t, testapp.ResidentA)
	scenarios := []tests.ApiScenario{
		{
			Name: "the first slot with room on the preferred day", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				addSlot(t, app, "ktp-rekam", "2027-03-02", "13:00", "15:00", 5, 0)
				addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
			},
			ExpectedStatus:  200,
			ExpectedContent: []string{`"status":"booked"`, `"date":"2027-03-02"`, `"start":"08:00"`, `"code":"R-`},
			ExpectedEvents:  map[string]int{"OnRecordCreateRequest": 1},
			AfterTestFunc:   bookedInto(idA, "2027-03-02", "08:00"),
			TestAppFactory:  factory,
		},
		{
			Name: "siang: the first slot from 12:00", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-02", "siang"), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
				addSlot(t, app, "ktp-rekam", "2027-03-02", "13:00", "15:00", 5, 0)
			},
			ExpectedStatus: 200, ExpectedContent: []string{`"start":"13:00"`},
			AfterTestFunc:  bookedInto(idA, "2027-03-02", "13:00"),
			TestAppFactory: factory,
		},
		{
			Name: "a full day: the next day with room", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 2, 0)
				full := addSlot(t, app, "ktp-rekam", "2027-03-02", "13:00", "15:00", 1, 0)
				addAppointment(t, app, idB, testapp.ResidentB, "ktp-rekam", full)
				c, _ := app.FindRecordById("appointment_slots", full)
				_ = c
				closed := addSlot(t, app, "ktp-rekam", "2027-03-03", "08:00", "10:00", 5, 0)
				r, _ := app.FindRecordById("appointment_slots", closed)
				r.Set("closed", true)
				if err := app.Save(r); err != nil {
					t.Fatal(err)
				}
				// the morning slot of the 2nd fills up too
				for _, s := range []string{"2027-03-02"} {
					slots, _ := app.FindRecordsByFilter("appointment_slots", "date = {:d} && start = '08:00'", "", 1, 0, map[string]any{"d": s})
					slots[0].Set("capacity", 0)
					if err := app.Save(slots[0]); err != nil {
						t.Fatal(err)
					}
				}
				addSlot(t, app, "ktp-rekam", "2027-03-03", "13:00", "15:00", 5, 0)
			},
			ExpectedStatus: 200, ExpectedContent: []string{`"date":"2027-03-03"`, `"start":"13:00"`},
			AfterTestFunc:  bookedInto(idA, "2027-03-03", "13:00"),
			TestAppFactory: factory,
		},
		{
			Name: "a holiday and a weekend are skipped", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-05", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				// slots were made before the office decided Friday 5 March is a holiday
				addSlot(t, app, "ktp-rekam", "2027-03-05", "08:00", "10:00", 5, 0)
				addSlot(t, app, "ktp-rekam", "2027-03-06", "08:00", "10:00", 5, 0) // Saturday, no extra working day
				addSlot(t, app, "ktp-rekam", "2027-03-08", "08:00", "10:00", 5, 0)
				addOfficeDay(t, app, "2027-03-05", "holiday")
			},
			ExpectedStatus: 200, ExpectedContent: []string{`"date":"2027-03-08"`},
			AfterTestFunc:  bookedInto(idA, "2027-03-08", "08:00"),
			TestAppFactory: factory,
		},
		{
			Name: "no_capacity when 10 working days are full", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				for _, d := range []string{"02", "03", "04", "05", "08", "09", "10", "11", "12", "15"} {
					addSlot(t, app, "ktp-rekam", "2027-03-"+d, "08:00", "10:00", 0, 0)
				}
				// the 11th working day has room, and another service has room on the 2nd
				addSlot(t, app, "ktp-rekam", "2027-03-16", "08:00", "10:00", 5, 0)
				addSlot(t, app, "pengaduan", "2027-03-02", "08:00", "10:00", 5, 0)
			},
			ExpectedStatus:     400,
			ExpectedContent:    []string{`"slot":{"code":"no_capacity"`},
			NotExpectedContent: []string{`"code":"R-`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if _, err := app.FindRecordById("appointments", idA); err == nil {
					t.Error("an appointment was stored")
				}
				checkBookedCounts(t, app)
			},
			TestAppFactory: factory,
		},
		{
			Name: "a slot that has begun today is skipped", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-03-01", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				addSlot(t, app, "ktp-rekam", "2027-03-01", "08:00", "10:00", 5, 0) // 09:00 now
				addSlot(t, app, "ktp-rekam", "2027-03-01", "10:00", "12:00", 5, 0)
			},
			ExpectedStatus: 200, ExpectedContent: []string{`"date":"2027-03-01"`, `"start":"10:00"`},
			TestAppFactory: factory,
		},
		{
			Name: "a preference more than 60 days ahead is refused", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "ktp-rekam", "2027-06-01", ""), Headers: a,
			ExpectedStatus: 400, ExpectedContent: []string{`"preferred_date":{"code":"preferred_date_out_of_range"`},
			TestAppFactory: factory,
		},
		{
			Name: "the same id sent again books once", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA, testapp.ResidentA, "pengaduan", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				slot := addSlot(t, app, "pengaduan", "2027-03-02", "08:00", "10:00", 5, 0)
				addAppointment(t, app, idA, testapp.ResidentA, "pengaduan", slot)
			},
			ExpectedStatus: 400, ExpectedContent: []string{`"id":{"code":"validation_not_unique"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				all, _ := app.FindAllRecords("appointments")
				if len(all) != 1 {
					t.Errorf("%d appointments, want 1", len(all))
				}
				checkBookedCounts(t, app)
			},
			TestAppFactory: factory,
		},
		{
			Name: "a second active booking for the same service is refused", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA2, testapp.ResidentA, "ktp-rekam", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				slot := addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
				addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
			},
			ExpectedStatus: 400, ExpectedContent: []string{`"service":{"code":"already_booked"`},
			AfterTestFunc:  func(t testing.TB, app *tests.TestApp, _ *http.Response) { checkBookedCounts(t, app) },
			TestAppFactory: factory,
		},
		{
			Name: "another service may be booked beside it", Method: http.MethodPost, URL: appointmentsURL,
			Body: bookBody(idA2, testapp.ResidentA, "pengaduan", "2027-03-02", ""), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				slot := addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
				addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
				addSlot(t, app, "pengaduan", "2027-03-02", "08:00", "10:00", 5, 0)
			},
			ExpectedStatus: 200, ExpectedContent: []string{`"code":"P-`}, AfterTestFunc: bookedInto(idA2, "2027-03-02", "08:00"),
			TestAppFactory: factory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

func TestCancel(t *testing.T) {
	a := as(t, testapp.ResidentA)
	var slot string
	setup := func(date, start string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
		return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
			slot = addSlot(t, app, "ktp-rekam", date, start, "23:59", 1, 0)
			addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "cancel before the start frees the place", Method: http.MethodPatch, URL: appointmentsURL + "/" + idA,
			Body: strings.NewReader(`{"status":"cancelled"}`), Headers: a,
			BeforeTestFunc: setup("2027-03-02", "08:00"),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"cancelled"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n := booked(t, app, slot); n != 0 {
					t.Errorf("booked %d after cancel", n)
				}
				checkBookedCounts(t, app)
				events, _ := app.FindRecordsByFilter("appointment_events", "appointment = {:id} && to = 'cancelled'", "", 0, 0, map[string]any{"id": idA})
				if len(events) != 1 || events[0].GetString("actor") != testapp.ResidentA {
					t.Errorf("cancel events %d", len(events))
				}
			},
			TestAppFactory: factory,
		},
		{
			Name: "cancel after the start is refused", Method: http.MethodPatch, URL: appointmentsURL + "/" + idA,
			Body: strings.NewReader(`{"status":"cancelled"}`), Headers: a,
			BeforeTestFunc: setup("2027-03-01", "08:30"),
			ExpectedStatus: 400, ExpectedContent: []string{`"code":"too_late_to_cancel"`},
			AfterTestFunc:  func(t testing.TB, app *tests.TestApp, _ *http.Response) { checkBookedCounts(t, app) },
			TestAppFactory: factory,
		},
		{
			Name: "staff mark attended in one save; the place stays taken", Method: http.MethodPatch, URL: appointmentsURL + "/" + idA,
			Body: strings.NewReader(`{"status":"attended"}`), Headers: as(t, testapp.Staff),
			BeforeTestFunc: setup("2027-03-01", "08:30"),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"attended"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n := booked(t, app, slot); n != 1 {
					t.Errorf("booked %d", n)
				}
				checkBookedCounts(t, app)
				events, _ := app.FindRecordsByFilter("appointment_events", "appointment = {:id} && to = 'attended' && actor_kind = 'staff'", "", 0, 0, map[string]any{"id": idA})
				if len(events) != 1 {
					t.Errorf("attended events %d", len(events))
				}
			},
			TestAppFactory: factory,
		},
		{
			Name: "staff cannot move a ticket to another slot", Method: http.MethodPatch, URL: appointmentsURL + "/" + idA,
			Body: strings.NewReader(`{"date":"2027-03-09"}`), Headers: as(t, testapp.Staff),
			BeforeTestFunc: setup("2027-03-02", "08:00"),
			ExpectedStatus: 400, ExpectedContent: []string{`"date":{"code":"field_locked"`},
			TestAppFactory: factory,
		},
		{
			Name: "an attended visit cannot be cancelled", Method: http.MethodPatch, URL: appointmentsURL + "/" + idA,
			Body: strings.NewReader(`{"status":"cancelled"}`), Headers: a,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				setup("2027-03-02", "08:00")(t, app, e)
				r := appointment(t, app, idA)
				r.Set("status", "attended")
				if err := app.Save(r); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus: 400, ExpectedContent: []string{`"status":{"code":"transition_forbidden"`},
			TestAppFactory: factory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// TestResidentsOwnTheirAppointments: another resident's appointment cannot
// be read, listed or changed, and residents cannot write the server's fields.
func TestResidentsOwnTheirAppointments(t *testing.T) {
	a, b := as(t, testapp.ResidentA), as(t, testapp.ResidentB)
	var slot string
	setup := func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		slot = addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
		addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
	}
	unchanged := func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		r := appointment(t, app, idA)
		if r.GetString("status") != "booked" || r.GetString("code") != "R-TAA1" || r.GetString("slot") != slot {
			t.Errorf("changed: %v", r.PublicExport())
		}
		checkBookedCounts(t, app)
	}
	patch := func(name, body string, headers map[string]string) tests.ApiScenario {
		return tests.ApiScenario{
			Name: name, Method: http.MethodPatch, URL: appointmentsURL + "/" + idA, Body: strings.NewReader(body), Headers: headers,
			BeforeTestFunc: setup, ExpectedStatus: 404, ExpectedContent: notFound, AfterTestFunc: unchanged, TestAppFactory: factory,
		}
	}
	post := func(name, body string) tests.ApiScenario {
		return tests.ApiScenario{
			Name: name, Method: http.MethodPost, URL: appointmentsURL, Body: strings.NewReader(body), Headers: a,
			BeforeTestFunc: setup, ExpectedStatus: 400, ExpectedContent: []string{`"message":"Failed to create record."`},
			TestAppFactory: factory,
		}
	}
	book := `"owner":"` + testapp.ResidentA + `","service":"pengaduan","preferred_date":"2027-03-02"`
	scenarios := []tests.ApiScenario{
		{Name: "B cannot read A's appointment", Method: http.MethodGet, URL: appointmentsURL + "/" + idA, Headers: b,
			BeforeTestFunc: setup, ExpectedStatus: 404, ExpectedContent: notFound, TestAppFactory: factory},
		{Name: "B's list does not show it", Method: http.MethodGet, URL: appointmentsURL, Headers: b,
			BeforeTestFunc: setup, ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, TestAppFactory: factory},
		{Name: "B cannot find it by filter", Method: http.MethodGet, URL: appointmentsURL + "?filter=(id='" + idA + "')", Headers: b,
			BeforeTestFunc: setup, ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, TestAppFactory: factory},
		{Name: "A reads it", Method: http.MethodGet, URL: appointmentsURL + "/" + idA, Headers: a,
			BeforeTestFunc: setup, ExpectedStatus: 200, ExpectedContent: []string{`"code":"R-TAA1"`}, TestAppFactory: factory},
		{Name: "B cannot see A's events", Method: http.MethodGet, URL: "/api/collections/appointment_events/records", Headers: b,
			BeforeTestFunc: setup, ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, TestAppFactory: factory},
		{Name: "a guest cannot read slots", Method: http.MethodGet, URL: slotsURL,
			BeforeTestFunc: setup, ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, TestAppFactory: factory},
		{Name: "B reads the slots: times and places, nobody's name", Method: http.MethodGet, URL: slotsURL, Headers: b,
			BeforeTestFunc: setup, ExpectedStatus: 200,
			ExpectedContent:    []string{`"totalItems":1`, `"booked":1`, `"capacity":5`},
			NotExpectedContent: []string{testapp.ResidentA, idA},
			TestAppFactory:     factory},
		patch("B cannot cancel A's appointment", `{"status":"cancelled"}`, b),
		patch("A cannot set attended", `{"status":"attended"}`, a),
		patch("A cannot set the slot", `{"slot":"`+"xxxxxxxxxxxxxxx"+`","status":"cancelled"}`, a),
		patch("A cannot set the code", `{"code":"R-AAAA"}`, a),
		patch("A cannot move the day", `{"date":"2027-03-03"}`, a),
		patch("A cannot hand it to B", `{"owner":"`+testapp.ResidentB+`","status":"cancelled"}`, a),
		post("A cannot choose the slot", `{"id":"`+idA2+`",`+book+`,"slot":"xxxxxxxxxxxxxxx"}`),
		post("A cannot choose the code", `{"id":"`+idA2+`",`+book+`,"code":"P-AAAA"}`),
		post("A cannot book as attended", `{"id":"`+idA2+`",`+book+`,"status":"attended"}`),
		post("A cannot book for B", `{"id":"`+idA2+`","owner":"`+testapp.ResidentB+`","service":"pengaduan","preferred_date":"2027-03-02"}`),
		post("A cannot link B's application", `{"id":"`+idA2+`",`+book+`,"application":"`+testapp.ApplicationB+`"}`),
		{Name: "A cannot write booked", Method: http.MethodPatch, URL: slotsURL + "/SLOT", Headers: a,
			Body: strings.NewReader(`{"booked":0}`), BeforeTestFunc: setup, ExpectedStatus: 403, ExpectedContent: superusersOnly, TestAppFactory: factory},
		{Name: "A cannot add a slot", Method: http.MethodPost, URL: slotsURL, Headers: a,
			Body:           strings.NewReader(`{"service":"ktp-rekam","date":"2027-03-02","start":"10:00","end":"12:00","capacity":100}`),
			BeforeTestFunc: setup, ExpectedStatus: 403, ExpectedContent: superusersOnly, TestAppFactory: factory},
		{Name: "A cannot delete an appointment", Method: http.MethodDelete, URL: appointmentsURL + "/" + idA, Headers: a,
			BeforeTestFunc: setup, ExpectedStatus: 403, ExpectedContent: []string{`"status":403`}, AfterTestFunc: unchanged, TestAppFactory: factory},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// TestStaffAndSlots: booked is the server's, for staff too.
func TestStaffAndSlots(t *testing.T) {
	staff := as(t, testapp.Staff)
	var slot string
	setup := func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		slot = addSlot(t, app, "ktp-rekam", "2027-03-02", "08:00", "10:00", 5, 0)
		addAppointment(t, app, idA, testapp.ResidentA, "ktp-rekam", slot)
		addAppointment(t, app, idB, testapp.ResidentB, "ktp-rekam", slot)
	}
	patchSlot := func(name, body string, status int, content ...string) tests.ApiScenario {
		return tests.ApiScenario{
			Name: name, Method: http.MethodPatch, Headers: staff, Body: strings.NewReader(body),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { setup(t, app, e) },
			ExpectedStatus: status, ExpectedContent: content,
			AfterTestFunc:  func(t testing.TB, app *tests.TestApp, _ *http.Response) { checkBookedCounts(t, app) },
			TestAppFactory: func(t testing.TB) *tests.TestApp { return factory(t) },
		}
	}
	scenarios := []tests.ApiScenario{
		patchSlot("staff cannot write booked", `{"booked":0}`, 400, `"booked":{"code":"server_only"`),
		patchSlot("staff cannot lower the capacity below booked", `{"capacity":1}`, 400, `"capacity":{"code":"capacity_below_booked"`),
		patchSlot("staff change one day's capacity", `{"capacity":2}`, 200, `"capacity":2`),
		patchSlot("staff close a slot", `{"closed":true}`, 200, `"closed":true`),
		patchSlot("staff cannot move a slot with bookings", `{"start":"09:00"}`, 400, `"start":{"code":"slot_has_bookings"`),
	}
	for i := range scenarios {
		s := &scenarios[i]
		s.URL = slotsURL + "/placeholder"
		before := s.BeforeTestFunc
		s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			before(t, app, e)
			s.URL = slotsURL + "/" + slot
		}
	}
	for i := range scenarios {
		scenarios[i].Test(t)
	}
}
