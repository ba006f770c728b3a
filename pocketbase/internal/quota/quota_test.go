package quota_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/quota"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// createApplications stores n more uploading applications of ResidentA.
func createApplications(n int, status string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		c, err := app.FindCollectionByNameOrId(quota.ApplicationsCollection)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			r := core.NewRecord(c)
			r.Id = fmt.Sprintf("openapp%08d", i)
			r.Load(map[string]any{"owner": testapp.ResidentA, "service": "kk-hilang", "status": status, "data": map[string]any{}})
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func createApplication(id string) tests.ApiScenario {
	body := fmt.Sprintf(`{"id":%q,"owner":%q,"service":"kk-hilang","status":"uploading","data":{"reason":"lost"}}`, id, testapp.ResidentA)
	return tests.ApiScenario{
		Method:         http.MethodPost,
		URL:            "/api/collections/applications/records",
		Body:           strings.NewReader(body),
		TestAppFactory: servertest.Factory,
	}
}

// TestOpenApplicationsCap: a resident has at most 10 applications
// uploading at once; submitted ones do not count, and a retried create of
// an existing one is still recognised as "id taken".
func TestOpenApplicationsCap(t *testing.T) {
	t.Parallel()
	header := testapp.AuthHeader(t, testapp.ResidentA)

	under := createApplication("newapplicatio01")
	under.Name = "the 10th open application is accepted"
	under.Headers = header
	under.BeforeTestFunc = createApplications(quota.DefaultMaxOpenApplications-2, "uploading") // + the fixture's
	under.ExpectedStatus = http.StatusOK
	under.ExpectedContent = []string{`"id":"newapplicatio01"`}

	over := createApplication("newapplicatio02")
	over.Name = "the 11th is refused with quota_open_applications"
	over.Headers = header
	over.BeforeTestFunc = createApplications(quota.DefaultMaxOpenApplications-1, "uploading")
	over.ExpectedStatus = http.StatusBadRequest
	over.ExpectedContent = []string{`"status":{"code":"quota_open_applications","message":"At most 10 of your applications`}

	submitted := createApplication("newapplicatio03")
	submitted.Name = "submitted applications do not count"
	submitted.Headers = header
	submitted.BeforeTestFunc = createApplications(30, "submitted")
	submitted.ExpectedStatus = http.StatusOK
	submitted.ExpectedContent = []string{`"id":"newapplicatio03"`}

	retried := createApplication(testapp.ApplicationA)
	retried.Name = "a retried create at the cap is still answered id taken"
	retried.Headers = header
	retried.BeforeTestFunc = createApplications(quota.DefaultMaxOpenApplications, "uploading")
	retried.ExpectedStatus = http.StatusBadRequest
	retried.ExpectedContent = []string{`"id":{"code":"validation_not_unique"`}
	retried.NotExpectedContent = []string{"quota_open_applications"}

	for _, s := range []tests.ApiScenario{under, over, submitted, retried} {
		s.Test(t)
	}
}

var sampleJPEG = []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// uploadKTP is a resident's upload of a KTP photo to ApplicationA.
func uploadKTP(t testing.TB, content []byte) tests.ApiScenario {
	body, contentType := testapp.MultipartFiles(t, map[string]string{
		"application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": "ktp-el", "sha256": hexSHA256(content),
	}, testapp.File{Field: "file", Name: "ktp.png", Content: content})
	headers := maps.Clone(testapp.AuthHeader(t, testapp.ResidentA))
	headers["Content-Type"] = contentType
	return tests.ApiScenario{Method: http.MethodPost, URL: "/api/collections/documents/records", Body: body, Headers: headers,
		TestAppFactory: servertest.Factory}
}

// holdKTP stores n KTP documents on ApplicationA and sets its status.
func holdKTP(n int, status string, superseded bool) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		application, err := app.FindRecordById(quota.ApplicationsCollection, testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		application.Set("status", status)
		if err := app.Save(application); err != nil {
			t.Fatal(err)
		}
		c, _ := app.FindCollectionByNameOrId(quota.DocumentsCollection)
		for i := range n {
			f, _ := filesystem.NewFileFromBytes(testapp.MinimalPDF, "ktp.pdf")
			r := core.NewRecord(c)
			r.Load(map[string]any{"application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": "ktp-el",
				"file": f, "sha256": strings.Repeat("0", 64), "size": i + 1, "superseded": superseded})
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestDocumentsCap: an application takes the catalog's count of files of
// each document (the KTP-el: front and back), replaced ones included; while
// it waits for a revision, that many more per revision (the replacements:
// the old ones are kept, superseded, for the record) and no more.
func TestDocumentsCap(t *testing.T) {
	t.Parallel()
	png := pngBytes(t)

	first := uploadKTP(t, png)
	first.Name = "the first KTP-el side is accepted"
	first.BeforeTestFunc = holdKTP(0, "uploading", false)
	first.ExpectedStatus = http.StatusOK
	first.ExpectedContent = []string{`"kind":"ktp-el"`}

	second := uploadKTP(t, png)
	second.Name = "the second side is accepted (maxFiles 2)"
	second.BeforeTestFunc = holdKTP(1, "uploading", false)
	second.ExpectedStatus = http.StatusOK
	second.ExpectedContent = []string{`"kind":"ktp-el"`}

	third := uploadKTP(t, png)
	third.Name = "a third file is refused with document_limit"
	third.BeforeTestFunc = holdKTP(2, "uploading", false)
	third.ExpectedStatus = http.StatusBadRequest
	third.ExpectedContent = []string{`"kind":{"code":"document_limit"`}

	revision := uploadKTP(t, png)
	revision.Name = "a replacement during a revision is accepted (the old ones superseded)"
	revision.BeforeTestFunc = holdKTP(2, "needs_revision", true)
	revision.ExpectedStatus = http.StatusOK
	revision.ExpectedContent = []string{`"kind":"ktp-el"`}

	revisionOver := uploadKTP(t, png)
	revisionOver.Name = "replacing again and again within one revision is refused with quota_documents"
	revisionOver.BeforeTestFunc = holdKTP(4, "needs_revision", true)
	revisionOver.ExpectedStatus = http.StatusBadRequest
	revisionOver.ExpectedContent = []string{`"kind":{"code":"quota_documents"`}

	for _, s := range []tests.ApiScenario{first, second, third, revision, revisionOver} {
		s.Test(t)
	}
}

// TestAbandonedUploadsRemoved: an application left uploading for longer
// than the set time goes with its documents and their files; a recent one
// and an old submitted one stay.
func TestAbandonedUploadsRemoved(t *testing.T) {
	t.Parallel()
	app := servertest.New(t)
	defer app.Cleanup()

	createApplications(2, "uploading")(t, app, nil)
	old := time.Now().Add(-40 * 24 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z")
	for _, id := range []string{testapp.ApplicationA, "openapp00000000", testapp.ApplicationB} {
		if _, err := app.DB().NewQuery("UPDATE applications SET updated = {:old} WHERE id = {:id}").
			Bind(map[string]any{"old": old, "id": id}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := app.FindRecordById(quota.ApplicationsCollection, testapp.ApplicationB)
	if _, err := app.DB().NewQuery("UPDATE applications SET status = 'submitted' WHERE id = {:id}").
		Bind(map[string]any{"id": b.Id}).Execute(); err != nil {
		t.Fatal(err)
	}
	doc, err := app.FindRecordById(quota.DocumentsCollection, testapp.DocumentA)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	fileKey := doc.BaseFilesPath() + "/" + doc.GetString("file")
	if ok, _ := fsys.Exists(fileKey); !ok {
		t.Fatalf("the fixture document's file %s is not stored", fileKey)
	}

	n, err := quota.RemoveAbandoned(app, time.Now().Add(-quota.DefaultAbandonAfter), "")
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d removed, want 2 (ApplicationA and one of the new ones)", n)
	}
	for id, want := range map[string]bool{testapp.ApplicationA: false, "openapp00000000": false, "openapp00000001": true, testapp.ApplicationB: true} {
		_, err := app.FindRecordById(quota.ApplicationsCollection, id)
		if got := err == nil; got != want {
			t.Errorf("application %s kept: %v, want %v", id, got, want)
		}
	}
	if _, err := app.FindRecordById(quota.DocumentsCollection, testapp.DocumentA); err == nil {
		t.Error("the abandoned application's document is still there")
	}
	// PocketBase deletes the files after the commit, in the background
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		ok, _ := fsys.Exists(fileKey)
		if !ok {
			break
		}
		if time.Now().After(deadline) {
			t.Error("the abandoned application's file is still stored")
			break
		}
	}
}

// pngBytes is a tiny real PNG.
func pngBytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := encodePNG(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
