package workflow_test

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/workflow"
)

var allStatuses = []string{"uploading", "submitted", "queued", "in_process", "completed", "needs_revision", "rejected", "cancelled"}

// staffAllowed is the staff transition table the tests expect.
var staffAllowed = map[string][]string{
	"submitted":  {"queued", "needs_revision", "rejected"},
	"queued":     {"in_process", "completed", "needs_revision", "rejected"},
	"in_process": {"completed", "needs_revision", "rejected"},
}

// notification is a notifications row of a test.
type notification struct {
	Owner, Application, Kind, Title, Body, Delivery string
	Read                                            bool
}

// newNotifications returns the notifications rows besides the fixtures' (kind info).
func newNotifications(t testing.TB, app core.App) []notification {
	t.Helper()
	var records []*core.Record
	err := app.RecordQuery("notifications").AndWhere(dbx.NewExp("kind != 'info'")).OrderBy("rowid ASC").All(&records)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]notification, len(records))
	for i, r := range records {
		out[i] = notification{r.GetString("owner"), r.GetString("application"), r.GetString("kind"),
			r.GetString("title"), r.GetString("body"), r.GetString("delivery"), r.GetBool("read")}
	}
	return out
}

// deliveryDecidedOrPending counts a delivery that the push worker (registered
// as on the server) already decided as pending: the notification was
// written for delivery either way.
func deliveryDecidedOrPending(notes []notification) []notification {
	for i := range notes {
		if notes[i].Delivery != "" {
			notes[i].Delivery = "pending"
		}
	}
	return notes
}

// pdfFile returns a result PDF for a direct save.
func pdfFile(t testing.TB, name string) *filesystem.File {
	t.Helper()
	f, err := filesystem.NewFileFromBytes(testapp.MinimalPDF, name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// staffSetup puts ApplicationA (kk-hilang, reference BPN-20261101-0007) in
// status with the given extra fields, directly.
func staffSetup(status string, extra map[string]any) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		fields := map[string]any{"status": status, "reference": "BPN-20261101-0007", "staff_note": ""}
		maps.Copy(fields, extra)
		setApplication(t, app, testapp.ApplicationA, fields)
	}
}

// nothingWritten checks that ApplicationA kept its status and that no event
// and no notification was written.
func nothingWritten(status string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, res *http.Response) {
		t.Helper()
		record, err := app.FindRecordById("applications", testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		if got := record.GetString("status"); got != status {
			t.Errorf("status %q, want %q", got, status)
		}
		expectEvents()(t, app, res)
		if n := newNotifications(t, app); len(n) != 0 {
			t.Errorf("notifications written: %+v", n)
		}
	}
}

func TestStaffTransitionTable(t *testing.T) {
	staff := as(t, testapp.Staff)
	var scenarios []tests.ApiScenario
	for _, from := range allStatuses {
		for _, to := range allStatuses {
			if from == to {
				continue
			}
			allowed := slices.Contains(staffAllowed[from], to)
			extra := map[string]any{}
			body := `{"status":"` + to + `"}`
			note := ""
			switch to {
			case "completed":
				extra["results"] = pdfFile(t, "akta.pdf")
			case "needs_revision", "rejected":
				note = "Foto KK buram, mohon unggah ulang."
				body = `{"status":"` + to + `","staff_note":"` + note + `"}`
			}
			s := tests.ApiScenario{
				Name:           "staff " + from + " → " + to,
				Method:         http.MethodPatch,
				URL:            applicationsURL + "/" + testapp.ApplicationA,
				Body:           strings.NewReader(body),
				Headers:        staff,
				BeforeTestFunc: staffSetup(from, extra),
			}
			if !allowed {
				s.ExpectedStatus = http.StatusBadRequest
				s.ExpectedContent = []string{`"data":{"status":{"code":"transition_forbidden","message":"Staff `, `\"` + from + `\"`, `\"` + to + `\"`}
				s.AfterTestFunc = nothingWritten(from)
				scenarios = append(scenarios, s)
				continue
			}
			s.ExpectedStatus = http.StatusOK
			s.ExpectedContent = []string{`"status":"` + to + `"`}
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
				got := events(t, app, testapp.ApplicationA)
				if len(got) != 2 {
					t.Fatalf("events %+v", got)
				}
				wantNote := note
				if to == "queued" {
					wantNote = "Antrean " + office.Today(time.Now()) + ", nomor 1 (diantrekan staf)"
				}
				if want := (event{from, to, "", "staff", wantNote}); got[1] != want {
					t.Errorf("event %+v, want %+v", got[1], want)
				}
				notes := newNotifications(t, app)
				wantKind := map[string]string{"queued": "queued", "completed": "completed", "needs_revision": "needs_revision", "rejected": "rejected"}[to]
				if wantKind == "" {
					if len(notes) != 0 {
						t.Errorf("no notification expected for %s, got %+v", to, notes)
					}
					return
				}
				if len(notes) != 1 || notes[0].Kind != wantKind || notes[0].Owner != testapp.ResidentA ||
					notes[0].Application != testapp.ApplicationA || notes[0].Delivery != "pending" || notes[0].Read {
					t.Errorf("notifications %+v, want one %s for A", notes, wantKind)
				}
			}
			scenarios = append(scenarios, s)
		}
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestStaffDecisionConditions(t *testing.T) {
	staff := as(t, testapp.Staff)
	url := applicationsURL + "/" + testapp.ApplicationA
	withPDF, pdfType := testapp.MultipartFiles(t, map[string]string{"status": "completed"},
		testapp.File{Field: "results", Name: "akta-kelahiran.pdf", Content: testapp.MinimalPDF})
	withHTML, htmlType := testapp.MultipartFiles(t, map[string]string{"status": "completed"},
		testapp.File{Field: "results", Name: "akta.pdf", Content: []byte("<!doctype html><html><body>x</body></html>")})

	scenarios := []tests.ApiScenario{
		{
			Name:            "completed without a result PDF: result_required, nothing written",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"completed"}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("in_process", nil),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"results":{"code":"result_required","message":"An application becomes \"completed\" only with at least one result PDF in results."}}`},
			AfterTestFunc:   nothingWritten("in_process"),
		},
		{
			Name:            "completed with the PDF uploaded in the same multipart request",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            withPDF,
			Headers:         as(t, testapp.Staff, map[string]string{"Content-Type": pdfType}),
			BeforeTestFunc:  staffSetup("in_process", nil),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"completed"`, `"results":["akta_kelahiran_`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectEvents(event{"in_process", "completed", "", "staff", ""})(t, app, res)
				want := []notification{{testapp.ResidentA, testapp.ApplicationA, "completed",
					"Kartu Keluarga (KK) hilang atau rusak siap diunduh",
					"Permohonan BPN-20261101-0007 selesai. Buka aplikasi untuk mengunduh dokumennya.", "pending", false}}
				if got := deliveryDecidedOrPending(newNotifications(t, app)); !slices.Equal(got, want) {
					t.Errorf("notifications\n got  %+v\n want %+v", got, want)
				}
			},
		},
		{
			Name:            "completed with an HTML file as the result: refused by the field's PDF type, nothing written",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            withHTML,
			Headers:         as(t, testapp.Staff, map[string]string{"Content-Type": htmlType}),
			BeforeTestFunc:  staffSetup("in_process", nil),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"results":{"code":"validation_invalid_mime_type"`},
			AfterTestFunc:   nothingWritten("in_process"),
		},
		{
			Name:            "a completed application cannot lose its last result",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"results":[]}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("completed", map[string]any{"results": pdfFile(t, "akta.pdf")}),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"results":{"code":"result_required"`},
			AfterTestFunc:   nothingWritten("completed"),
		},
		{
			Name:            "needs_revision without a note: note_required, nothing written",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"needs_revision"}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("in_process", nil),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"staff_note":{"code":"note_required","message":"An application becomes \"needs_revision\" only with a note for the resident in staff_note."}}`},
			AfterTestFunc:   nothingWritten("in_process"),
		},
		{
			Name:            "rejected with a blank note: note_required",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"rejected","staff_note":"  \n "}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("queued", nil),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"staff_note":{"code":"note_required"`},
			AfterTestFunc:   nothingWritten("queued"),
		},
		{
			Name:            "a forbidden move names the rule, before the other checks",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"needs_revision"}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("uploading", nil),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"status":{"code":"transition_forbidden","message":"Staff cannot change the status of an application that is \"uploading\" (asked: \"needs_revision\"). The resident finalises it (uploading → submitted)."}}`},
			AfterTestFunc:   nothingWritten("uploading"),
		},
		{
			Name:            "a final status says so",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"in_process"}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("completed", map[string]any{"results": pdfFile(t, "akta.pdf")}),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`Completed is final.`},
			AfterTestFunc:   nothingWritten("completed"),
		},
		{
			Name:            "needs_revision with a note: event with the note, notification quoting it",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"needs_revision","staff_note":"Foto surat kehilangan terpotong."}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("queued", nil),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"needs_revision"`, `"staff_note":"Foto surat kehilangan terpotong."`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				expectEvents(event{"queued", "needs_revision", "", "staff", "Foto surat kehilangan terpotong."})(t, app, res)
				want := []notification{{testapp.ResidentA, testapp.ApplicationA, "needs_revision",
					"Perlu perbaikan: Kartu Keluarga (KK) hilang atau rusak",
					"Foto surat kehilangan terpotong.\nPermohonan BPN-20261101-0007: perbaiki di aplikasi, lalu kirim lagi.", "pending", false}}
				if got := deliveryDecidedOrPending(newNotifications(t, app)); !slices.Equal(got, want) {
					t.Errorf("notifications\n got  %+v\n want %+v", got, want)
				}
			},
		},
		{
			Name:    "rejected, for a resident who reads English",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    strings.NewReader(`{"status":"rejected","staff_note":"The applicant is not registered in Balikpapan."}`),
			Headers: staff,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				staffSetup("in_process", map[string]any{"service": "akta-kelahiran"})(t, app, e)
				user, _ := app.FindRecordById("users", testapp.ResidentA)
				user.Set("locale", "en")
				if err := app.Save(user); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"rejected"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				want := []notification{{testapp.ResidentA, testapp.ApplicationA, "rejected",
					"Application rejected: Birth certificate",
					"The applicant is not registered in Balikpapan.\nApplication BPN-20261101-0007.", "pending", false}}
				if got := deliveryDecidedOrPending(newNotifications(t, app)); !slices.Equal(got, want) {
					t.Errorf("notifications\n got  %+v\n want %+v", got, want)
				}
			},
		},
		{
			Name:    "submitted → queued by hand: today's next number, an event and a queued notification",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    strings.NewReader(`{"status":"queued"}`),
			Headers: staff,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				today := office.Today(time.Now())
				newApplication(t, app, "appqueuedtoday1", testapp.ResidentB, map[string]any{
					"status": "in_process", "process_date": workflow.ProcessDateValue(today), "queue_no": 4,
				})
				newApplication(t, app, "appqueuedbefore", testapp.ResidentB, map[string]any{
					"status": "queued", "process_date": "2026-01-05 00:00:00.000Z", "queue_no": 9,
				})
				staffSetup("submitted", map[string]any{"service": "akta-kelahiran", "queue_no": 2, "process_date": "2026-01-05 00:00:00.000Z"})(t, app, e)
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"queued"`, `"queue_no":5`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				today := office.Today(time.Now())
				record, _ := app.FindRecordById("applications", testapp.ApplicationA)
				if got := record.GetString("process_date"); got != today+" 00:00:00.000Z" {
					t.Errorf("process_date %q, want today %s", got, today)
				}
				expectEvents(event{"submitted", "queued", "", "staff", "Antrean " + today + ", nomor 5 (diantrekan staf)"})(t, app, res)
				got := newNotifications(t, app)
				if len(got) != 1 || got[0].Kind != "queued" || got[0].Title != "Masuk antrean hari ini, nomor 5" ||
					!strings.HasPrefix(got[0].Body, "Permohonan akta kelahiran BPN-20261101-0007 diproses hari ini, ") {
					t.Errorf("notifications %+v", got)
				}
			},
		},
		{
			Name:            "a staff edit without a status change writes nothing",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"internal_note":"Telepon pemohon besok."}`),
			Headers:         staff,
			BeforeTestFunc:  staffSetup("in_process", nil),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"internal_note":"Telepon pemohon besok."`},
			AfterTestFunc:   nothingWritten("in_process"),
		},
		{
			Name:    "the event and the notification are in the transaction of the change: a failing notification undoes it",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    strings.NewReader(`{"status":"rejected","staff_note":"Bukan warga Balikpapan."}`),
			Headers: staff,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				staffSetup("in_process", nil)(t, app, e)
				app.OnRecordCreate("notifications").BindFunc(func(e *core.RecordEvent) error {
					return errors.New("disk full")
				})
			},
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"status":400`},
			AfterTestFunc:   nothingWritten("in_process"),
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

// Residents cannot make the staff moves: the API rule refuses every staff
// status before the workflow sees the request.
func TestResidentCannotMakeStaffMoves(t *testing.T) {
	var scenarios []tests.ApiScenario
	for from, tos := range staffAllowed {
		for _, to := range tos {
			extra := map[string]any{}
			if to == "completed" {
				extra["results"] = pdfFile(t, "akta.pdf")
			}
			scenarios = append(scenarios, tests.ApiScenario{
				Name:            "resident " + from + " → " + to,
				Method:          http.MethodPatch,
				URL:             applicationsURL + "/" + testapp.ApplicationA,
				Body:            strings.NewReader(`{"status":"` + to + `","staff_note":"x"}`),
				Headers:         as(t, testapp.ResidentA),
				BeforeTestFunc:  staffSetup(from, extra),
				ExpectedStatus:  http.StatusNotFound,
				ExpectedContent: []string{`"data":{}`},
				AfterTestFunc:   nothingWritten(from),
			})
		}
	}
	for _, to := range []string{"queued", "in_process", "completed", "needs_revision", "rejected"} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "resident submitted → " + to + " with only the status",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"status":"` + to + `"}`),
			Headers:         as(t, testapp.ResidentA),
			BeforeTestFunc:  staffSetup("submitted", nil),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
			AfterTestFunc:   nothingWritten("submitted"),
		})
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestAuditTrailIsAppendOnlyForStaff(t *testing.T) {
	staff := as(t, testapp.Staff)
	eventsURL := "/api/collections/application_events/records"
	notificationsURL := "/api/collections/notifications/records"
	eventKept := func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		if r, err := app.FindRecordById("application_events", testapp.EventA); err != nil || r.GetString("to") != "uploading" {
			t.Errorf("the event was changed or deleted: %v", err)
		}
	}
	notificationKept := func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		if r, err := app.FindRecordById("notifications", testapp.NotifA); err != nil || r.GetString("title") != "Halo a" {
			t.Errorf("the notification was changed or deleted: %v", err)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "staff cannot write an event", Method: http.MethodPost, URL: eventsURL, Headers: staff,
			Body:           strings.NewReader(`{"application":"` + testapp.ApplicationA + `","from":"queued","to":"completed","actor_kind":"staff"}`),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`audit trail`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) { expectEvents()(t, app, res) },
		},
		{
			Name: "staff cannot change an event", Method: http.MethodPatch, URL: eventsURL + "/" + testapp.EventA, Headers: staff,
			Body:           strings.NewReader(`{"to":"completed"}`),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`audit trail`}, AfterTestFunc: eventKept,
		},
		{
			Name: "staff cannot delete an event", Method: http.MethodDelete, URL: eventsURL + "/" + testapp.EventA, Headers: staff,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`audit trail`}, AfterTestFunc: eventKept,
		},
		{
			Name: "staff cannot change a notification", Method: http.MethodPatch, URL: notificationsURL + "/" + testapp.NotifA, Headers: staff,
			Body:           strings.NewReader(`{"title":"Ralat"}`),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`only its resident marks it as read`}, AfterTestFunc: notificationKept,
		},
		{
			Name: "staff cannot delete a notification", Method: http.MethodDelete, URL: notificationsURL + "/" + testapp.NotifA, Headers: staff,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`append-only`}, AfterTestFunc: notificationKept,
		},
		{
			Name: "the resident still marks a notification as read", Method: http.MethodPatch, URL: notificationsURL + "/" + testapp.NotifA,
			Headers: as(t, testapp.ResidentA), Body: strings.NewReader(`{"read":true}`),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"read":true`},
		},
		{
			Name: "staff may send an info notification by hand", Method: http.MethodPost, URL: notificationsURL, Headers: staff,
			Body:           strings.NewReader(`{"owner":"` + testapp.ResidentA + `","kind":"info","title":"Layanan tutup","body":"Kantor tutup Jumat.","delivery":"pending"}`),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"title":"Layanan tutup"`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestApplicationListsItsDocuments(t *testing.T) {
	app := servertest.New(t)

	documentsOf := func() []string {
		record, err := app.FindRecordById("applications", testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		return record.GetStringSlice("documents")
	}
	// (the fixtures are saved without the hooks; the migration's fill of
	// existing data is tested in the migrations package)
	attach(t, app, testapp.ApplicationA, testapp.ResidentA, "ktp-el", "kk-rusak")
	got := documentsOf()
	if len(got) != 3 || got[0] != testapp.DocumentA {
		t.Fatalf("documents after two uploads: %v", got)
	}

	second, err := app.FindRecordById("documents", got[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(second); err != nil {
		t.Fatal(err)
	}
	if after := documentsOf(); !slices.Equal(after, []string{got[0], got[2]}) {
		t.Errorf("documents after deleting %s: %v", got[1], after)
	}

	// B's application is not touched
	if other, _ := app.FindRecordById("applications", testapp.ApplicationB); len(other.GetStringSlice("documents")) != 0 {
		t.Errorf("B's documents: %v", other.GetStringSlice("documents"))
	}
}

// The resident cannot write the list of documents.
func TestResidentCannotSetTheDocumentList(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{
			Name:            "on update",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"documents":["` + testapp.DocumentA + `"]}`),
			Headers:         as(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "on create",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"owner":"` + testapp.ResidentA + `","service":"kk-hilang","status":"uploading","documents":["` + testapp.DocumentB + `"]}`),
			Headers:         as(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

// The finished documents are protected files: only the application's
// resident downloads them (with a file token), never another resident.
func TestResultFilesOnlyForTheirResident(t *testing.T) {
	for _, c := range []struct {
		name, token string
		status      int
		content     string
	}{
		{"without a token", "", http.StatusNotFound, `"data":{}`},
		{"with another resident's token", testapp.FileToken(t, testapp.ResidentA), http.StatusNotFound, `"data":{}`},
		{"with the resident's own token", testapp.FileToken(t, testapp.ResidentB), http.StatusOK, "%PDF-1.4"},
	} {
		// the stored file name is made on save, so each scenario gets its app first
		app := servertest.New(t)
		setApplication(t, app, testapp.ApplicationB, map[string]any{"status": "completed", "results": pdfFile(t, "akta.pdf")})
		record, err := app.FindRecordById("applications", testapp.ApplicationB)
		if err != nil {
			t.Fatal(err)
		}
		s := tests.ApiScenario{
			Name:                  c.name,
			Method:                http.MethodGet,
			URL:                   "/api/files/applications/" + testapp.ApplicationB + "/" + record.GetStringSlice("results")[0] + "?token=" + c.token,
			TestAppFactory:        func(testing.TB) *tests.TestApp { return app },
			DisableTestAppCleanup: true,
			ExpectedStatus:        c.status,
			ExpectedContent:       []string{c.content},
		}
		s.Test(t)
	}
}
