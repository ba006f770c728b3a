package workflow_test

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/workflow"
)

var referencePattern = regexp.MustCompile(`^BPN-\d{8}-\d{4}$`)

// fixtureEvent is the event row that the fixtures give every application.
var fixtureEvent = event{To: "uploading", Actor: testapp.ResidentA, ActorKind: "resident"}

// expectEvents checks the events of ApplicationA after the fixture's own.
func expectEvents(want ...event) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		got := events(t, app, testapp.ApplicationA)
		want := append([]event{fixtureEvent}, want...)
		if !slices.Equal(got, want) {
			t.Errorf("events\n got  %+v\n want %+v", got, want)
		}
	}
}

// todayPrefixes are the reference prefixes of the WITA day now and a
// moment later (a test that runs across midnight WITA sees either).
func todayPrefixes(t testing.TB) []string {
	return []string{workflow.ReferenceDayPrefix(time.Now()), workflow.ReferenceDayPrefix(time.Now().Add(time.Minute))}
}

func hasTodayPrefix(t testing.TB, reference string) bool {
	for _, p := range todayPrefixes(t) {
		if strings.HasPrefix(reference, p) {
			return true
		}
	}
	return false
}

func TestResidentTransitions(t *testing.T) {
	a := testapp.ResidentA
	patch := func(body string) *strings.Reader { return strings.NewReader(body) }
	inStatus := func(status string, extra ...map[string]any) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
		return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
			fields := map[string]any{"status": status}
			if status != "uploading" && status != "needs_revision" {
				fields["reference"] = "BPN-20261101-0007"
			}
			for _, e := range extra {
				for k, v := range e {
					fields[k] = v
				}
			}
			readyToSubmit(t, app, testapp.ApplicationA, a, fields)
		}
	}
	unchanged := func(status string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			record, err := app.FindRecordById("applications", testapp.ApplicationA)
			if err != nil {
				t.Fatal(err)
			}
			if record.GetString("status") != status {
				t.Errorf("status %q, want %q", record.GetString("status"), status)
			}
			expectEvents()(t, app, res)
		}
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "uploading → cancelled",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"status":"cancelled"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("uploading"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"cancelled"`},
			AfterTestFunc:   expectEvents(event{"uploading", "cancelled", a, "resident", ""}),
		},
		{
			Name:            "submitted → cancelled",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"status":"cancelled"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("submitted"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"cancelled"`, `"reference":"BPN-20261101-0007"`},
			AfterTestFunc:   expectEvents(event{"submitted", "cancelled", a, "resident", ""}),
		},
		{
			Name:            "submitted → submitted again (a retried finalise) is a no-op without an event",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"status":"submitted"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("submitted"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"reference":"BPN-20261101-0007"`},
			AfterTestFunc:   expectEvents(),
		},
		{
			Name:            "uploading: the answers change without an event",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"data":{"loss_kind":"damaged"}}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("uploading"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"loss_kind":"damaged"`, `"status":"uploading"`},
			AfterTestFunc:   expectEvents(),
		},
		{
			Name:            "needs_revision: the answers change",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"data":{"loss_kind":"damaged"}}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("needs_revision"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"loss_kind":"damaged"`, `"status":"needs_revision"`},
			AfterTestFunc:   expectEvents(),
		},
		{
			Name:            "a staff status is refused by the API rule (404) before the workflow",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"status":"queued"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("submitted"),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
			AfterTestFunc:   unchanged("submitted"),
		},
	}

	forbidden := []struct{ from, to string }{
		{"submitted", "uploading"},
		{"needs_revision", "uploading"},
		{"needs_revision", "cancelled"},
		{"queued", "submitted"},
		{"queued", "cancelled"},
		{"queued", "uploading"},
		{"in_process", "cancelled"},
		{"in_process", "submitted"},
		{"completed", "submitted"},
		{"completed", "cancelled"},
		{"rejected", "submitted"},
		{"rejected", "cancelled"},
		{"cancelled", "uploading"},
		{"cancelled", "submitted"},
	}
	for _, f := range forbidden {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:           f.from + " → " + f.to + " is forbidden",
			Method:         http.MethodPatch,
			URL:            applicationsURL + "/" + testapp.ApplicationA,
			Body:           patch(`{"status":"` + f.to + `"}`),
			Headers:        as(t, a),
			BeforeTestFunc: inStatus(f.from),
			ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{
				`"data":{"status":{"code":"transition_forbidden","message":"Residents `,
				`\"` + f.from + `\"`,
			},
			AfterTestFunc: unchanged(f.from),
		})
	}

	for _, status := range []string{"submitted", "queued", "in_process", "completed", "rejected", "cancelled"} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            status + ": the answers are locked",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"data":{"loss_kind":"damaged"},"subject_name":"Budi"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus(status),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"code":"application_locked","message":"The application is \"` + status + `\"`, `"subject_name":{"code":"application_locked"`},
			AfterTestFunc:   unchanged(status),
		})
	}
	scenarios = append(scenarios,
		tests.ApiScenario{
			Name:            "submitted: the same answers sent again are no change",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            jsonBody(t, map[string]any{"status": "submitted", "data": lostFamilyCard(t)}),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("submitted"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`},
			AfterTestFunc:   expectEvents(),
		},
		tests.ApiScenario{
			Name:            "uploading: the service cannot change, not even to another online service",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"service":"ktp-ganti"}`),
			Headers:         as(t, a),
			BeforeTestFunc:  inStatus("uploading"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"service":{"code":"service_immutable"`},
			AfterTestFunc:   unchanged("uploading"),
		},
		tests.ApiScenario{
			Name:            "staff bypass the resident table and are recorded without an actor",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            patch(`{"status":"needs_revision","staff_note":"Foto KTP buram."}`),
			Headers:         as(t, testapp.Staff),
			BeforeTestFunc:  inStatus("in_process"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"needs_revision"`},
			AfterTestFunc:   expectEvents(event{"in_process", "needs_revision", "", "staff", "Foto KTP buram."}),
		},
	)

	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestFinalise(t *testing.T) {
	a := testapp.ResidentA
	url := applicationsURL + "/" + testapp.ApplicationA
	submit := func() *strings.Reader { return strings.NewReader(`{"status":"submitted"}`) }

	scenarios := []tests.ApiScenario{
		{
			Name:    "valid answers and documents: submitted, stamped, with a reference",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				readyToSubmit(t, app, testapp.ApplicationA, a, map[string]any{"subject_nik": "", "subject_name": "stale"})
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"subject_nik":"6471031708850003"`, `"subject_name":"Budi Santoso"`, `"revision":0`, `"reference":"BPN-`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				record, err := app.FindRecordById("applications", testapp.ApplicationA)
				if err != nil {
					t.Fatal(err)
				}
				reference := record.GetString("reference")
				if !referencePattern.MatchString(reference) || !hasTodayPrefix(t, reference) || !strings.HasSuffix(reference, "-0001") {
					t.Errorf("reference %q, want today's BPN-YYYYMMDD-0001", reference)
				}
				if submitted := record.GetDateTime("submitted").Time(); time.Since(submitted) > time.Minute || time.Since(submitted) < 0 {
					t.Errorf("submitted %v", submitted)
				}
				expectEvents(event{"uploading", "submitted", a, "resident", ""})(t, app, res)
			},
		},
		{
			Name:    "a second application the same day gets -0002",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				newApplication(t, app, "appfirsttoday01", testapp.ResidentB, map[string]any{
					"status": "submitted", "reference": workflow.ReferenceDayPrefix(time.Now()) + "0001",
				})
				newApplication(t, app, "appyesterday001", testapp.ResidentB, map[string]any{
					"status": "queued", "reference": workflow.ReferenceDayPrefix(time.Now().Add(-24*time.Hour)) + "0005",
				})
				readyToSubmit(t, app, testapp.ApplicationA, a, nil)
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `-0002"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				record, _ := app.FindRecordById("applications", testapp.ApplicationA)
				if reference := record.GetString("reference"); !hasTodayPrefix(t, reference) || !strings.HasSuffix(reference, "-0002") {
					t.Errorf("reference %q, want today's -0002", reference)
				}
			},
		},
		{
			Name:    "a resubmit after needs_revision keeps the reference and counts the revision",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, withChange(lostFamilyCard(t), "kk_number", "6471030202160001")) + `}`),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				readyToSubmit(t, app, testapp.ApplicationA, a, map[string]any{
					"status": "needs_revision", "reference": "BPN-20261101-0007", "revision": 1,
					"submitted": "2026-11-01 01:00:00.000Z", "staff_note": "Nomor KK salah.",
				})
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"reference":"BPN-20261101-0007"`, `"revision":2`, `"kk_number":"6471030202160001"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				record, _ := app.FindRecordById("applications", testapp.ApplicationA)
				if submitted := record.GetDateTime("submitted").Time(); time.Since(submitted) > time.Minute {
					t.Errorf("submitted %v: the resubmit is the new submission time", submitted)
				}
				if record.GetString("staff_note") != "" {
					t.Errorf("staff_note %q: the resubmission answers it (its needs_revision event keeps it)", record.GetString("staff_note"))
				}
				if summary := record.GetString("summary"); !strings.Contains(summary, "6471030202160001") {
					t.Errorf("summary %q lacks the corrected KK number", summary)
				}
				got := events(t, app, testapp.ApplicationA)
				if len(got) != 2 || got[1].From != "needs_revision" || got[1].To != "submitted" ||
					!strings.Contains(got[1].Note, "Jawaban diubah: Nomor Kartu Keluarga (KK)") {
					t.Errorf("events %+v, want one needs_revision → submitted naming the changed answer", got)
				}
			},
		},
		{
			Name:    "missing documents are listed by kind",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				setApplication(t, app, testapp.ApplicationA, map[string]any{"data": withChange(lostFamilyCard(t), "on_behalf", "yes")})
				attach(t, app, testapp.ApplicationA, a, "ktp-el", "kk-rusak") // kk-rusak is not asked for a lost card
			},
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"documents":{"surat-kehilangan-polisi":{"code":"document_missing"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				body := decodeError(t, res)
				if len(body.Data) != 1 {
					t.Errorf("only documents are wrong: %v", body.Data)
				}
				got := nestedCodes(t, body.Data["documents"])
				want := map[string]string{"surat-kehilangan-polisi": "document_missing", "surat-kuasa": "document_missing"}
				if !mapsEqual(got, want) {
					t.Errorf("documents %v, want %v", got, want)
				}
				unchangedApplication(t, app, "uploading")
			},
		},
		{
			Name:    "invalid answers: field-level errors under data, with the documents",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				answers := withChange(lostFamilyCard(t), "head", map[string]any{"nik": "1071051205900001", "name": "  "})
				answers = withChange(answers, "kk_number", "123")
				delete(answers, "on_behalf")
				setApplication(t, app, testapp.ApplicationA, map[string]any{"data": answers})
			},
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"data":{"head.name":{"code":"required","message":"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				body := decodeError(t, res)
				if body.Status != http.StatusBadRequest || body.Message == "" {
					t.Errorf("status %d message %q", body.Status, body.Message)
				}
				got := nestedCodes(t, body.Data["data"])
				want := map[string]string{
					"head.nik": "nik_province", "head.name": "required", "kk_number": "kk_format",
					"on_behalf": "required",
				}
				if !mapsEqual(got, want) {
					t.Errorf("data errors %v, want %v", got, want)
				}
				if docs := nestedCodes(t, body.Data["documents"]); len(docs) != 2 {
					t.Errorf("documents %v", docs)
				}
				unchangedApplication(t, app, "uploading")
			},
		},
		{
			Name:    "answers and documents sent in the finalise request itself",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, withChange(lostFamilyCard(t), "loss_kind", "damaged")) + `}`),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				attach(t, app, testapp.ApplicationA, a, "ktp-el", "kk-rusak")
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"loss_kind":"damaged"`},
		},
		{
			Name:    "a status changed by a concurrent request since it was read: 409",
			Method:  http.MethodPatch,
			URL:     url,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				readyToSubmit(t, app, testapp.ApplicationA, a, nil)
				// runs after the record was read and before the workflow's check
				app.OnRecordUpdateRequest("applications").Bind(&hook.Handler[*core.RecordRequestEvent]{
					Priority: -100,
					Func: func(e *core.RecordRequestEvent) error {
						setApplication(t, e.App, e.Record.Id, map[string]any{"status": "cancelled"})
						return e.Next()
					},
				})
			},
			ExpectedStatus:  http.StatusConflict,
			ExpectedContent: []string{`"data":{"status":{"code":"status_changed","message":"The application changed meanwhile (its status is now \"cancelled\")."}}`, `"status":409`},
			AfterTestFunc:   expectEvents(),
		},
		{
			Name:    "another resident's application is not found (API rule)",
			Method:  http.MethodPatch,
			URL:     applicationsURL + "/" + testapp.ApplicationB,
			Body:    submit(),
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
				readyToSubmit(t, app, testapp.ApplicationB, testapp.ResidentB, nil)
			},
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
	}

	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestCreate(t *testing.T) {
	a := testapp.ResidentA
	create := func(service string) *strings.Reader {
		return strings.NewReader(`{"id":"newappnewapp001","owner":"` + a + `","service":"` + service + `","status":"uploading","data":{}}`)
	}
	noApplication := func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		if _, err := app.FindRecordById("applications", "newappnewapp001"); err == nil {
			t.Error("the application was created")
		}
		if got := events(t, app, "newappnewapp001"); len(got) != 0 {
			t.Errorf("events %v", got)
		}
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "an online service: created with revision 0 and its first event",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            create("pindah-keluar"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"id":"newappnewapp001"`, `"status":"uploading"`, `"revision":0`, `"reference":""`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				got := events(t, app, "newappnewapp001")
				want := []event{{"", "uploading", a, "resident", ""}}
				if !slices.Equal(got, want) {
					t.Errorf("events %+v, want %+v", got, want)
				}
			},
		},
		{
			Name:            "an unknown service",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            create("paspor"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"service":{"code":"service_unknown","message":"\"paspor\" is not a service`},
			AfterTestFunc:   noApplication,
		},
		{
			Name:            "an in-person service",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            create("ktp-rekam"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"service":{"code":"service_unknown"`},
			AfterTestFunc:   noApplication,
		},
		{
			Name:            "a retried create gets validation_not_unique and writes no second event",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"id":"` + testapp.ApplicationA + `","owner":"` + a + `","service":"kk-hilang","status":"uploading"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"id":{"code":"validation_not_unique"`},
			AfterTestFunc:   expectEvents(),
		},
		{
			Name:            "the create rule keeps residents to uploading",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"id":"newappnewapp001","owner":"` + a + `","service":"kk-hilang","status":"submitted"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
			AfterTestFunc:   noApplication,
		},
	}

	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}
