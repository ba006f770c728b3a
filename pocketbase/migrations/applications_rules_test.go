package migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
)

const applicationsURL = "/api/collections/applications/records"

func TestApplicationsRules(t *testing.T) {
	a, b := testapp.ResidentA, testapp.ResidentB
	newApp := func(extra string) *strings.Reader {
		return strings.NewReader(`{"id":"newappnewapp001","owner":"` + a + `","service":"kk-hilang","status":"uploading"` + extra + `}`)
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "guest lists nothing",
			Method:          http.MethodGet,
			URL:             applicationsURL,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"totalItems":0`},
		},
		{
			Name:               "A lists only A's applications, without the internal note",
			Method:             http.MethodGet,
			URL:                applicationsURL,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, `"id":"` + testapp.ApplicationA + `"`, `"staff_note":"note a"`},
			NotExpectedContent: []string{testapp.ApplicationB, "internal_note", "internal a"},
		},
		{
			Name:            "A cannot view B's application",
			Method:          http.MethodGet,
			URL:             applicationsURL + "/" + testapp.ApplicationB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot update B's application",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationB,
			Body:            strings.NewReader(`{"status":"cancelled"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot delete an application",
			Method:          http.MethodDelete,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "guest cannot create",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            newApp(""),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A creates an uploading application with a client id",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            newApp(`,"data":{"a":1},"subject_nik":"6471051205900001"`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"id":"newappnewapp001"`, `"status":"uploading"`, `"owner":"` + a + `"`},
		},
		{
			Name:            "A cannot create an application for B",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"owner":"` + b + `","service":"kk-hilang","status":"uploading"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "the id of an existing application is refused",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"id":"` + testapp.ApplicationA + `","owner":"` + a + `","service":"kk-hilang","status":"uploading"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"id":{"code":"validation_not_unique"`},
		},
		{
			Name:               "the internal note cannot be set by a resident (dropped)",
			Method:             http.MethodPost,
			URL:                applicationsURL,
			Body:               newApp(`,"internal_note":"sneaky"`),
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"id":"newappnewapp001"`},
			NotExpectedContent: []string{"sneaky"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				record, err := app.FindRecordById("applications", "newappnewapp001")
				if err != nil || record.GetString("internal_note") != "" {
					t.Errorf("internal_note must stay empty, got %q (%v)", record.GetString("internal_note"), err)
				}
			},
		},
	}

	for _, status := range []string{"submitted", "queued", "in_process", "completed", "needs_revision", "rejected", "cancelled"} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "A cannot create with status " + status,
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            strings.NewReader(`{"owner":"` + a + `","service":"kk-hilang","status":"` + status + `"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		})
	}

	staffFields := map[string]string{
		"reference":    `"BPN-20261128-0001"`,
		"queue_no":     `1`,
		"staff_note":   `"ok"`,
		"process_date": `"2026-11-30 00:00:00.000Z"`,
		"submitted":    `"2026-11-28 00:00:00.000Z"`,
		"revision":     `2`,
	}
	for field, value := range staffFields {
		scenarios = append(scenarios,
			tests.ApiScenario{
				Name:            "A cannot set " + field + " on create",
				Method:          http.MethodPost,
				URL:             applicationsURL,
				Body:            newApp(`,"` + field + `":` + value),
				Headers:         as(t, a),
				ExpectedStatus:  http.StatusBadRequest,
				ExpectedContent: []string{`"data":{}`},
			},
			tests.ApiScenario{
				Name:            "A cannot set " + field + " on update",
				Method:          http.MethodPatch,
				URL:             applicationsURL + "/" + testapp.ApplicationA,
				Body:            strings.NewReader(`{"` + field + `":` + value + `}`),
				Headers:         as(t, a),
				ExpectedStatus:  http.StatusNotFound,
				ExpectedContent: []string{`"data":{}`},
			},
		)
	}

	createWithResult, createType := testapp.Multipart(t,
		map[string]string{"owner": a, "service": "kk-hilang", "status": "uploading"},
		map[string][]byte{"results": testapp.MinimalPDF})
	updateWithResult, updateType := testapp.Multipart(t, nil, map[string][]byte{"results": testapp.MinimalPDF})
	scenarios = append(scenarios,
		tests.ApiScenario{
			Name:            "A cannot upload results on create",
			Method:          http.MethodPost,
			URL:             applicationsURL,
			Body:            createWithResult,
			Headers:         as(t, a, map[string]string{"Content-Type": createType}),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		tests.ApiScenario{
			Name:            "A cannot upload results on update",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            updateWithResult,
			Headers:         as(t, a, map[string]string{"Content-Type": updateType}),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		tests.ApiScenario{
			Name:            "A cannot give the application to B",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"owner":"` + b + `"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		tests.ApiScenario{
			Name:            "A updates the answers",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"data":{"reason":"damaged"},"subject_name":"Budi"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"reason":"damaged"`},
		},
	)
	for _, status := range []string{"uploading", "submitted", "cancelled"} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "A may set status " + status,
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"status":"` + status + `"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"` + status + `"`},
		})
	}
	for _, status := range []string{"queued", "in_process", "completed", "needs_revision", "rejected"} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "A may not set status " + status,
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(`{"status":"` + status + `"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		})
	}
	scenarios = append(scenarios, tests.ApiScenario{
		Name:            "staff sets the staff fields",
		Method:          http.MethodPatch,
		URL:             applicationsURL + "/" + testapp.ApplicationA,
		Body:            strings.NewReader(`{"status":"queued","queue_no":3,"reference":"BPN-20261128-0003","internal_note":"checked"}`),
		Headers:         as(t, testapp.Staff),
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"queue_no":3`, `"internal_note":"checked"`},
	})

	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}
