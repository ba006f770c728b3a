package workflow_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// TestStaffPageBounds: staff change documents in the dashboard whatever
// the application's status, but a document's page keeps the bounds a
// resident's move has (1 to its kind's maxFiles, refused with
// document_page): on a staff create the server numbers the file after the
// others whatever page staff typed (and a file beyond maxFiles is refused
// with document_limit); a staff move beyond the bounds, to page 0, on a
// superseded file or a kind change that leaves the page beyond the new
// kind's maxFiles is refused; a move within them is saved, and a swap of
// two pages passes through a shared page as a resident's does.
func TestStaffPageBounds(t *testing.T) {
	app := servertest.Factory(t)
	sentLostCard(t, app) // submitted: residents can no longer change its documents
	staff := testapp.Staff
	staffUpload := func(name, id string, content ...string) tests.ApiScenario {
		body, contentType := testapp.MultipartFiles(t, map[string]string{
			"id": id, "application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": "ktp-el",
			"sha256": hexSHA256(testapp.MinimalPDF), "size": "1", "page": "7",
		}, testapp.File{Field: "file", Name: "ktp-el.pdf", Content: testapp.MinimalPDF})
		return tests.ApiScenario{Name: name, Method: http.MethodPost, URL: documentsURL, Body: body,
			Headers:        as(t, staff, map[string]string{"Content-Type": contentType}),
			ExpectedStatus: http.StatusOK, ExpectedContent: content}
	}
	refused := `"page":{"code":"document_page"`
	patch := func(name, id, body string, status int, content ...string) tests.ApiScenario {
		return tests.ApiScenario{Name: name, Method: http.MethodPatch, URL: documentsURL + "/" + id,
			Body: strings.NewReader(body), Headers: as(t, staff), ExpectedStatus: status, ExpectedContent: content}
	}

	tooMany := staffUpload("a third KTP-el file (maxFiles 2) is refused", "docktpthirdktp3")
	tooMany.ExpectedStatus = http.StatusBadRequest
	tooMany.ExpectedContent = []string{`"kind":{"code":"document_limit"`}

	steps := []tests.ApiScenario{
		staffUpload("a staff file is numbered after the others, not on the page typed", backIdCardDoc, `"id":"`+backIdCardDoc+`"`, `"page":2`),
		tooMany,
		movePage(t, "a staff move beyond the document's maxFiles (2) is refused", backIdCardDoc, "3", staff, http.StatusBadRequest, refused, `between 1 and 2`),
		movePage(t, "so is page 0", backIdCardDoc, "0", staff, http.StatusBadRequest, refused),
		patch("so is a kind change that leaves the page beyond the new kind's maxFiles (1)", backIdCardDoc,
			`{"kind":"kk-rusak"}`, http.StatusBadRequest, refused, `between 1 and 1`),
		patch("so is a page on a file staff mark superseded", backIdCardDoc,
			`{"superseded":true,"page":1}`, http.StatusBadRequest, refused, `no page`),
		movePage(t, "a swap: the back side to page 1, sharing it for a moment", backIdCardDoc, "1", staff, http.StatusOK, `"page":1`),
		func() tests.ApiScenario {
			s := movePage(t, "then the front side to page 2: staff see the new order", idCardDoc, "2", staff, http.StatusOK, `"page":2`)
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if got := pagesOf(t, app, "ktp-el"); !slices.Equal(got, []string{backIdCardDoc, idCardDoc}) {
					t.Errorf("KTP-el files %v, want the back side first", got)
				}
				if status := applicationA(t, app).GetString("status"); status != "submitted" {
					t.Errorf("status %q after staff moved a page, want submitted", status)
				}
			}
			return s
		}(),
		patch("a staff change that leaves the page alone is not checked", idCardDoc, `{"superseded":false}`, http.StatusOK, `"page":2`),
	}
	runSteps(t, app, steps)
}
