package workflow_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

const backIdCardDoc = "docktpbackktpbk"

// pagesOf returns the ids of ApplicationA's files of one requirement in the
// order staff see them (applications.documents).
func pagesOf(t testing.TB, app core.App, kind string) []string {
	t.Helper()
	var out []string
	for _, id := range applicationA(t, app).GetStringSlice("documents") {
		doc, err := app.FindRecordById("documents", id)
		if err != nil {
			t.Fatal(err)
		}
		if doc.GetString("kind") == kind {
			out = append(out, id)
		}
	}
	return out
}

func movePage(t testing.TB, name, id string, page string, who string, status int, content ...string) tests.ApiScenario {
	return tests.ApiScenario{
		Name:            name,
		Method:          http.MethodPatch,
		URL:             documentsURL + "/" + id,
		Body:            strings.NewReader(`{"page":` + page + `}`),
		Headers:         as(t, who),
		ExpectedStatus:  status,
		ExpectedContent: content,
	}
}

// TestPageOrder: a resident reorders the pages of a document while
// correcting: the server numbers a new file after the others, keeps the
// order the resident sets (staff see it in applications.documents), refuses
// a page beyond the document's maxFiles, a page of another resident's
// document and two files on one page at the resubmission, tells the move in
// the resubmission's event once, and locks the order after it.
func TestPageOrder(t *testing.T) {
	app := servertest.Factory(t)
	sentLostCard(t, app)
	a, b := testapp.ResidentA, testapp.ResidentB
	url := applicationsURL + "/" + testapp.ApplicationA
	resubmit := func() *strings.Reader {
		return strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, lostFamilyCard(t)) + `}`)
	}

	steps := []tests.ApiScenario{
		{
			Name:            "staff send it back",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"needs_revision","staff_note":"Tambahkan sisi belakang KTP-el."}`),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"needs_revision"`},
		},
		func() tests.ApiScenario {
			s := uploadAs(t, backIdCardDoc, "ktp-el")
			s.Name = "a second file of the KTP-el comes after the first"
			s.ExpectedStatus = http.StatusOK
			s.ExpectedContent = []string{`"id":"` + backIdCardDoc + `"`, `"page":2`}
			return s
		}(),
		movePage(t, "a page beyond the document's maxFiles (2) is refused", backIdCardDoc, "3", a,
			http.StatusBadRequest, `"page":{"code":"document_page"`),
		movePage(t, "so is page 0", backIdCardDoc, "0", a, http.StatusBadRequest, `"page":{"code":"document_page"`),
		movePage(t, "another resident cannot move it", backIdCardDoc, "1", b, http.StatusNotFound, `"data":{}`),
		{
			Name:            "nor change anything else of a document with a move",
			Method:          http.MethodPatch,
			URL:             documentsURL + "/" + backIdCardDoc,
			Body:            strings.NewReader(`{"page":1,"kind":"surat-kuasa"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		movePage(t, "the resident moves the back side to page 1", backIdCardDoc, "1", a, http.StatusOK, `"page":1`),
		{
			Name:            "two files on page 1: the resubmission is refused at the document",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            resubmit(),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"documents":{"ktp-el":{"code":"document_page"`},
		},
		{
			Name:            "a move of the same file to the same page changes nothing (a retry)",
			Method:          http.MethodPatch,
			URL:             documentsURL + "/" + backIdCardDoc,
			Body:            strings.NewReader(`{"page":1}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"page":1`, `"superseded":false`, `"superseded_at":""`},
		},
		func() tests.ApiScenario {
			s := movePage(t, "the front side goes to page 2: staff see the new order", idCardDoc, "2", a, http.StatusOK, `"page":2`)
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if got := pagesOf(t, app, "ktp-el"); !slices.Equal(got, []string{backIdCardDoc, idCardDoc}) {
					t.Errorf("KTP-el files %v, want the back side first", got)
				}
			}
			return s
		}(),
		{
			Name:            "the resubmission keeps the order and tells the move once",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            resubmit(),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"revision":1`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				resubmissions(t, app, 1, "Dokumen baru: KTP-el salah satu anggota keluarga di KK ini; "+
					"urutan halaman diubah: KTP-el salah satu anggota keluarga di KK ini.")
				if got := pagesOf(t, app, "ktp-el"); !slices.Equal(got, []string{backIdCardDoc, idCardDoc}) {
					t.Errorf("KTP-el files %v after the resubmission", got)
				}
			},
		},
		movePage(t, "after the resubmission the order is locked", idCardDoc, "1", a, http.StatusNotFound, `"data":{}`),
	}
	runSteps(t, app, steps)
}
