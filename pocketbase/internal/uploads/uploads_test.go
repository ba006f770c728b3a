package uploads_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/uploads"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

const newDocument = "tusdocument0001"

func sampleJPEG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for x := 0; x < 64; x++ {
		for y := 0; y < 48; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var sampleHTML = []byte("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// metadata is the Upload-Metadata header of a document upload of
// ResidentA's application; fields override (an empty value removes one).
func metadata(content []byte, fields map[string]string) string {
	all := map[string]string{
		uploads.MetaDocument:    newDocument,
		uploads.MetaApplication: testapp.ApplicationA,
		uploads.MetaKind:        "ktp-el",
		uploads.MetaSHA256:      hexSHA256(content),
		uploads.MetaFilename:    "ktp-el.jpg",
	}
	maps.Copy(all, fields)
	keys := make([]string, 0, len(all))
	for k, v := range all {
		if v != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + base64.StdEncoding.EncodeToString([]byte(all[k]))
	}
	return strings.Join(parts, ",")
}

// createHeaders are the headers of a tus creation request by a resident.
func createHeaders(t testing.TB, resident string, length int, meta string) map[string]string {
	headers := maps.Clone(testapp.AuthHeader(t, resident))
	headers["Tus-Resumable"] = "1.0.0"
	headers["Upload-Length"] = strconv.Itoa(length)
	headers["Upload-Metadata"] = meta
	return headers
}

// documentCount checks the number of documents with the id newDocument.
func documentCount(t testing.TB, app core.App, want int) {
	t.Helper()
	records, err := app.FindAllRecords("documents")
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, r := range records {
		if r.Id == newDocument {
			got++
		}
	}
	if got != want {
		t.Errorf("%d documents %s, want %d", got, newDocument, want)
	}
}

// storedUploads returns the number of uploads in the app's tus store.
func storedUploads(t testing.TB, app core.App) int {
	t.Helper()
	infos, err := filepath.Glob(filepath.Join(uploads.Dir(app), "*.info"))
	if err != nil {
		t.Fatal(err)
	}
	return len(infos)
}

func refusedWithNothingStored(t testing.TB, app *tests.TestApp, _ *http.Response) {
	documentCount(t, app, 0)
	if n := storedUploads(t, app); n != 0 {
		t.Errorf("%d uploads stored, want none", n)
	}
}

func TestUploadCreate(t *testing.T) {
	jpg := sampleJPEG(t)
	create := func(name string, resident string, length int, meta string, status int, content ...string) tests.ApiScenario {
		s := tests.ApiScenario{
			Name:            name,
			Method:          http.MethodPost,
			URL:             uploads.RoutePath,
			Headers:         createHeaders(t, resident, length, meta),
			ExpectedStatus:  status,
			ExpectedContent: content,
			AfterTestFunc:   refusedWithNothingStored,
		}
		return s
	}

	accepted := create("an own open application, a kind of its service, within the limit", testapp.ResidentA, len(jpg), metadata(jpg, nil), http.StatusCreated)
	accepted.ExpectedContent = nil
	accepted.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if location := res.Header.Get("Location"); location != uploads.RoutePath+"/"+newDocument {
			t.Errorf("Location %q, want %s/%s (named by the document)", location, uploads.RoutePath, newDocument)
		}
		if n := storedUploads(t, app); n != 1 {
			t.Errorf("%d uploads stored, want 1", n)
		}
		documentCount(t, app, 0) // nothing before the last byte
	}

	anonymous := create("not signed in", testapp.ResidentA, len(jpg), metadata(jpg, nil), http.StatusUnauthorized, `"status":401`)
	delete(anonymous.Headers, "Authorization")
	staff := create("staff (who add documents in the dashboard)", testapp.Staff, len(jpg), metadata(jpg, nil), http.StatusUnauthorized, `"status":401`)

	submitted := create("an own application that is submitted", testapp.ResidentA, len(jpg), metadata(jpg, nil), http.StatusBadRequest,
		`"application":{"code":"application_locked"`)
	submitted.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		record, err := app.FindRecordById("applications", testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		record.Set("status", "submitted")
		if err := app.Save(record); err != nil {
			t.Fatal(err)
		}
	}

	deferred := create("a size left open (Upload-Defer-Length)", testapp.ResidentA, 0, metadata(jpg, nil), http.StatusBadRequest,
		`"file":{"code":"upload_length_required"`)
	delete(deferred.Headers, "Upload-Length")
	deferred.Headers["Upload-Defer-Length"] = "1"

	scenarios := []tests.ApiScenario{
		accepted,
		anonymous,
		staff,
		create("to another resident's application", testapp.ResidentA, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaApplication: testapp.ApplicationB}), http.StatusBadRequest,
			`"application":{"code":"application_locked"`),
		create("resident B to A's application", testapp.ResidentB, len(jpg), metadata(jpg, nil), http.StatusBadRequest,
			`"application":{"code":"application_locked"`),
		create("beyond the size limit (10 MB)", testapp.ResidentA, 10<<20+1, metadata(jpg, nil), http.StatusBadRequest,
			`"file":{"code":"validation_file_size_limit"`),
		deferred,
		submitted,
		create("a kind that the service does not have", testapp.ResidentA, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaKind: "paspor"}), http.StatusBadRequest, `"kind":{"code":"kind_unknown"`),
		create("a document that has arrived already", testapp.ResidentA, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaDocument: testapp.DocumentA}), http.StatusBadRequest, `"id":{"code":"validation_not_unique"`),
		create("no SHA-256", testapp.ResidentA, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaSHA256: ""}), http.StatusBadRequest, `"sha256":{"code":"validation_invalid_format"`),
		create("a malformed document id", testapp.ResidentA, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaDocument: "../../etc"}), http.StatusBadRequest, `"id":{"code":"validation_invalid_format"`),
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

// TestUploadComplete sends whole files in the creation request (tus
// creation-with-upload), so that the last byte arrives in the scenario's
// one request.
func TestUploadComplete(t *testing.T) {
	jpg := sampleJPEG(t)
	whole := func(name string, content []byte, meta string, status int, expected ...string) tests.ApiScenario {
		headers := createHeaders(t, testapp.ResidentA, len(content), meta)
		headers["Content-Type"] = "application/offset+octet-stream"
		return tests.ApiScenario{
			Name:            name,
			Method:          http.MethodPost,
			URL:             uploads.RoutePath,
			Body:            bytes.NewReader(content),
			Headers:         headers,
			ExpectedStatus:  status,
			ExpectedContent: expected,
			AfterTestFunc:   refusedWithNothingStored,
		}
	}

	accepted := whole("a JPEG: the documents record, with the server's checks", jpg, metadata(jpg, nil), http.StatusCreated)
	accepted.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if got := res.Header.Get("Upload-Offset"); got != strconv.Itoa(len(jpg)) {
			t.Errorf("Upload-Offset %q, want %d", got, len(jpg))
		}
		documentCount(t, app, 1)
		record, err := app.FindRecordById("documents", newDocument)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]any{"owner": testapp.ResidentA, "application": testapp.ApplicationA, "kind": "ktp-el", "sha256": hexSHA256(jpg), "size": len(jpg)}
		for field, value := range want {
			if got := record.Get(field); fmt.Sprint(got) != fmt.Sprint(value) {
				t.Errorf("%s = %v, want %v", field, got, value)
			}
		}
		if name := record.GetString("file"); !strings.HasSuffix(name, ".jpg") {
			t.Errorf("stored as %q, want a .jpg named by its content", name)
		}
		fsys, err := app.NewFilesystem()
		if err != nil {
			t.Fatal(err)
		}
		defer fsys.Close()
		stored, err := fsys.GetReader(record.BaseFilesPath() + "/" + record.GetString("file"))
		if err != nil {
			t.Fatalf("the file is not in the storage: %v", err)
		}
		defer stored.Close()
		buf := new(bytes.Buffer)
		_, _ = buf.ReadFrom(stored)
		if !bytes.Equal(buf.Bytes(), jpg) {
			t.Errorf("stored %d bytes that differ from the %d sent", buf.Len(), len(jpg))
		}
		application, err := app.FindRecordById("applications", testapp.ApplicationA)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(application.GetStringSlice("documents"), newDocument) {
			t.Errorf("applications.documents %q misses the new document", application.GetStringSlice("documents"))
		}
	}
	accepted.ExpectedContent = nil

	scenarios := []tests.ApiScenario{
		accepted,
		whole("a disguised file (HTML named .jpg)", sampleHTML, metadata(sampleHTML, nil), http.StatusBadRequest,
			`"file":{"code":"file_type"`),
		whole("a wrong SHA-256", jpg, metadata(jpg, map[string]string{uploads.MetaSHA256: hexSHA256(sampleHTML)}), http.StatusBadRequest,
			`"sha256":{"code":"sha256_mismatch"`),
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

// tusSteps runs tus requests against the router of a scenario's app.
type tusSteps struct {
	t   testing.TB
	mux http.Handler
}

func newTusSteps(t testing.TB, e *core.ServeEvent) *tusSteps {
	mux, err := e.Router.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return &tusSteps{t: t, mux: mux}
}

func (s *tusSteps) do(method, url string, headers map[string]string, body []byte) *http.Response {
	req := httptest.NewRequest(method, url, bytes.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, req)
	return rec.Result()
}

func (s *tusSteps) create(resident string, content []byte) string {
	res := s.do(http.MethodPost, uploads.RoutePath, createHeaders(s.t, resident, len(content), metadata(content, nil)), nil)
	if res.StatusCode != http.StatusCreated {
		s.t.Fatalf("create: status %d", res.StatusCode)
	}
	return res.Header.Get("Location")
}

func (s *tusSteps) patch(resident, location string, offset int, chunk []byte) *http.Response {
	headers := maps.Clone(testapp.AuthHeader(s.t, resident))
	headers["Tus-Resumable"] = "1.0.0"
	headers["Content-Type"] = "application/offset+octet-stream"
	headers["Upload-Offset"] = strconv.Itoa(offset)
	return s.do(http.MethodPatch, location, headers, chunk)
}

func patchHeaders(t testing.TB, resident string, offset int) map[string]string {
	headers := maps.Clone(testapp.AuthHeader(t, resident))
	headers["Tus-Resumable"] = "1.0.0"
	headers["Content-Type"] = "application/offset+octet-stream"
	headers["Upload-Offset"] = strconv.Itoa(offset)
	return headers
}

// TestUploadResumes: an upload sent in two parts with an offset check in
// between, and the last request repeated. Each scenario's own request is the
// last step; the steps before it run in BeforeTestFunc, which also sets the
// scenario's URL to the upload's (the scenario reads it only afterwards).
func TestUploadResumes(t *testing.T) {
	jpg := sampleJPEG(t)
	half := len(jpg) / 2

	head := tests.ApiScenario{
		Name:           "HEAD after a cut tells the offset the server holds",
		Method:         http.MethodHead,
		ExpectedStatus: http.StatusOK,
		Headers:        map[string]string{"Tus-Resumable": "1.0.0", "Authorization": testapp.AuthHeader(t, testapp.ResidentA)["Authorization"]},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := res.Header.Get("Upload-Offset"); got != strconv.Itoa(half) {
				t.Errorf("Upload-Offset %q, want %d", got, half)
			}
			documentCount(t, app, 0)
		},
	}
	head.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		steps := newTusSteps(t, e)
		head.URL = steps.create(testapp.ResidentA, jpg)
		if res := steps.patch(testapp.ResidentA, head.URL, 0, jpg[:half]); res.StatusCode != http.StatusNoContent {
			t.Fatalf("first half: status %d", res.StatusCode)
		}
	}
	head.TestAppFactory = servertest.Factory
	head.Test(t)

	rest := tests.ApiScenario{
		Name:           "the rest from the offset completes it: one record",
		Method:         http.MethodPatch,
		Body:           bytes.NewReader(jpg[half:]),
		Headers:        patchHeaders(t, testapp.ResidentA, half),
		ExpectedStatus: http.StatusNoContent,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := res.Header.Get("Upload-Offset"); got != strconv.Itoa(len(jpg)) {
				t.Errorf("Upload-Offset %q, want %d", got, len(jpg))
			}
			documentCount(t, app, 1)
		},
	}
	rest.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		steps := newTusSteps(t, e)
		rest.URL = steps.create(testapp.ResidentA, jpg)
		steps.patch(testapp.ResidentA, rest.URL, 0, jpg[:half])
	}
	rest.TestAppFactory = servertest.Factory
	rest.Test(t)

	// the last request repeated as a client does whose answer was lost:
	// the same bytes from the same offset, or the offset of the end
	for _, repeat := range []struct {
		name   string
		offset int
		body   []byte
		status int
	}{
		{"the last request repeated (same offset, same bytes): refused as stale, still one record", half, jpg[half:], http.StatusConflict},
		{"the last request repeated after asking the offset (offset = size, no bytes): done, still one record", len(jpg), nil, http.StatusNoContent},
	} {
		s := tests.ApiScenario{
			Name:           repeat.name,
			Method:         http.MethodPatch,
			Body:           bytes.NewReader(repeat.body),
			Headers:        patchHeaders(t, testapp.ResidentA, repeat.offset),
			ExpectedStatus: repeat.status,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				documentCount(t, app, 1)
			},
		}
		if repeat.status == http.StatusConflict {
			s.ExpectedContent = []string{"ERR_MISMATCHED_OFFSET"}
		}
		s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			steps := newTusSteps(t, e)
			s.URL = steps.create(testapp.ResidentA, jpg)
			steps.patch(testapp.ResidentA, s.URL, 0, jpg[:half])
			if res := steps.patch(testapp.ResidentA, s.URL, half, jpg[half:]); res.StatusCode != http.StatusNoContent {
				t.Fatalf("last part: status %d", res.StatusCode)
			}
			documentCount(t, app, 1)
		}
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}

	again := tests.ApiScenario{
		Name:            "a second upload of a document that arrived is refused before its bytes: still one record",
		Method:          http.MethodPost,
		URL:             uploads.RoutePath,
		Headers:         createHeaders(t, testapp.ResidentA, len(jpg), metadata(jpg, nil)),
		ExpectedStatus:  http.StatusBadRequest,
		ExpectedContent: []string{`"id":{"code":"validation_not_unique"`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			documentCount(t, app, 1)
		},
	}
	again.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		steps := newTusSteps(t, e)
		location := steps.create(testapp.ResidentA, jpg)
		steps.patch(testapp.ResidentA, location, 0, jpg)
	}
	again.TestAppFactory = servertest.Factory
	again.Test(t)

	takeover := tests.ApiScenario{
		Name:   "another resident creating an upload under the id of A's unfinished one is refused",
		Method: http.MethodPost,
		URL:    uploads.RoutePath,
		Headers: createHeaders(t, testapp.ResidentB, len(jpg),
			metadata(jpg, map[string]string{uploads.MetaApplication: testapp.ApplicationB})),
		ExpectedStatus:  http.StatusBadRequest,
		ExpectedContent: []string{`"id":{"code":"validation_not_unique"`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			info, err := os.ReadFile(filepath.Join(uploads.Dir(app), newDocument+".info"))
			if err != nil || !strings.Contains(string(info), testapp.ResidentA) {
				t.Errorf("A's upload should be left as it was: %v %s", err, info)
			}
		},
	}
	takeover.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		steps := newTusSteps(t, e)
		steps.patch(testapp.ResidentA, steps.create(testapp.ResidentA, jpg), 0, jpg[:half])
	}
	takeover.TestAppFactory = servertest.Factory
	takeover.Test(t)

	for _, method := range []string{http.MethodHead, http.MethodPatch} {
		other := tests.ApiScenario{
			Name:           method + " of another resident's upload: it does not exist for them",
			Method:         method,
			Body:           bytes.NewReader(jpg[half:]),
			Headers:        patchHeaders(t, testapp.ResidentB, half),
			ExpectedStatus: http.StatusNotFound,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				documentCount(t, app, 0)
			},
		}
		if method == http.MethodPatch {
			other.ExpectedContent = []string{`"status":404`}
		}
		other.BeforeTestFunc = func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
			steps := newTusSteps(t, e)
			other.URL = steps.create(testapp.ResidentA, jpg)
			steps.patch(testapp.ResidentA, other.URL, 0, jpg[:half])
		}
		other.TestAppFactory = servertest.Factory
		other.Test(t)
	}
}
