package migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
)

const documentsURL = "/api/collections/documents/records"

func TestDocumentsRules(t *testing.T) {
	a, b := testapp.ResidentA, testapp.ResidentB
	sha := strings.Repeat("ab", 32)

	upload := func(fields map[string]string) tests.ApiScenario {
		body, contentType := testapp.Multipart(t, fields, map[string][]byte{"file": testapp.MinimalPDF})
		return tests.ApiScenario{
			Method:  http.MethodPost,
			URL:     documentsURL,
			Body:    body,
			Headers: as(t, a, map[string]string{"Content-Type": contentType}),
		}
	}

	ownUpload := upload(map[string]string{"id": "newdocnewdoc001", "application": testapp.ApplicationA, "owner": a, "kind": "ktp", "sha256": sha, "size": "42"})
	ownUpload.Name = "A uploads a document to A's application with a client id"
	ownUpload.ExpectedStatus = http.StatusOK
	ownUpload.ExpectedContent = []string{`"id":"newdocnewdoc001"`, `"sha256":"` + sha + `"`}

	toB := upload(map[string]string{"application": testapp.ApplicationB, "owner": a, "kind": "ktp"})
	toB.Name = "A cannot attach a document to B's application"
	toB.ExpectedStatus = http.StatusBadRequest
	toB.ExpectedContent = []string{`"data":{}`}

	asB := upload(map[string]string{"application": testapp.ApplicationA, "owner": b, "kind": "ktp"})
	asB.Name = "A cannot upload a document owned by B"
	asB.ExpectedStatus = http.StatusBadRequest
	asB.ExpectedContent = []string{`"data":{}`}

	badHash := upload(map[string]string{"application": testapp.ApplicationA, "owner": a, "kind": "ktp", "sha256": "XYZ"})
	badHash.Name = "the sha256 must be 64 hex digits"
	badHash.ExpectedStatus = http.StatusBadRequest
	badHash.ExpectedContent = []string{`"sha256":{"code":"validation_invalid_format"`}

	fileToken := testapp.FileToken(t, a)
	textBody, textType := testapp.Multipart(t, map[string]string{"application": testapp.ApplicationA, "owner": a, "kind": "ktp"}, nil)
	scenarios := []tests.ApiScenario{
		ownUpload, toB, asB, badHash,
		{
			Name:            "a document needs a file",
			Method:          http.MethodPost,
			URL:             documentsURL,
			Body:            textBody,
			Headers:         as(t, a, map[string]string{"Content-Type": textType}),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"file":{"code":"validation_required"`},
		},
		{
			Name:               "A lists only A's documents",
			Method:             http.MethodGet,
			URL:                documentsURL,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, testapp.DocumentA},
			NotExpectedContent: []string{testapp.DocumentB},
		},
		{
			Name:            "A cannot view B's document",
			Method:          http.MethodGet,
			URL:             documentsURL + "/" + testapp.DocumentB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "documents cannot be updated but to mark them superseded",
			Method:          http.MethodPatch,
			URL:             documentsURL + "/" + testapp.DocumentA,
			Body:            strings.NewReader(`{"kind":"other"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot delete B's document",
			Method:          http.MethodDelete,
			URL:             documentsURL + "/" + testapp.DocumentB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:           "A deletes a document while uploading",
			Method:         http.MethodDelete,
			URL:            documentsURL + "/" + testapp.DocumentA,
			Headers:        as(t, a),
			ExpectedStatus: http.StatusNoContent,
		},
		{
			Name:    "A cannot delete a document once submitted",
			Method:  http.MethodDelete,
			URL:     documentsURL + "/" + testapp.DocumentA,
			Headers: as(t, a),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				record, err := app.FindRecordById("applications", testapp.ApplicationA)
				if err != nil {
					t.Fatal(err)
				}
				record.Set("status", "submitted")
				if err := app.Save(record); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "a protected file needs a file token",
			Method:          http.MethodGet,
			URL:             fileURL(t, testapp.DocumentA, ""),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A downloads A's file with A's file token",
			Method:          http.MethodGet,
			URL:             fileURL(t, testapp.DocumentA, fileToken),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"%PDF-1.4"},
		},
		{
			Name:            "A cannot download B's file with A's file token",
			Method:          http.MethodGet,
			URL:             fileURL(t, testapp.DocumentB, fileToken),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
	}

	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

// fileURL returns the download URL of the file of a fixture document.
func fileURL(t *testing.T, documentId, token string) string {
	app := testapp.New(t)
	record, err := app.FindRecordById("documents", documentId)
	if err != nil {
		t.Fatal(err)
	}
	return "/api/files/documents/" + documentId + "/" + record.GetString("file") + "?token=" + token
}
