package workflow_test

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

const applicationsURL = "/api/collections/applications/records"

// as returns the headers of a request made by the fixture account id,
// merged with the extra headers.
func as(t testing.TB, id string, extra ...map[string]string) map[string]string {
	headers := maps.Clone(testapp.AuthHeader(t, id))
	for _, e := range extra {
		maps.Copy(headers, e)
	}
	return headers
}

func jsonBody(t testing.TB, v any) io.Reader {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReader(string(raw))
}

// validAnswers returns the first valid answers of a service from the shared
// vectors (tests/fixtures/answers.json, made from the TypeScript fixtures).
func validAnswers(t testing.TB, service string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "tests", "fixtures", "answers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Services []struct {
			Service string                    `json:"service"`
			Valid   map[string]map[string]any `json:"valid"`
			Cases   []struct {
				Base string `json:"base"`
			} `json:"cases"`
		} `json:"services"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	for _, s := range vectors.Services {
		if s.Service == service {
			return s.Valid[s.Cases[0].Base]
		}
	}
	t.Fatalf("no valid answers of %s", service)
	return nil
}

// lostFamilyCard is the valid kk-hilang answers (a lost card), the service of the fixture applications.
func lostFamilyCard(t testing.TB) map[string]any {
	return validAnswers(t, "kk-hilang")
}

// setApplication changes fields of an application directly (no request hooks).
func setApplication(t testing.TB, app core.App, id string, fields map[string]any) {
	t.Helper()
	record, err := app.FindRecordById("applications", id)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		record.Set(k, v)
	}
	if err := app.Save(record); err != nil {
		t.Fatalf("set application %s: %v", id, err)
	}
}

// newApplication creates an application directly (no request hooks).
func newApplication(t testing.TB, app core.App, id, owner string, fields map[string]any) {
	t.Helper()
	collection, err := app.FindCollectionByNameOrId("applications")
	if err != nil {
		t.Fatal(err)
	}
	record := core.NewRecord(collection)
	record.Id = id
	record.Load(map[string]any{"owner": owner, "service": "kk-hilang", "status": "uploading"})
	record.Load(fields)
	if err := app.Save(record); err != nil {
		t.Fatalf("create application %s: %v", id, err)
	}
}

// attach adds documents of the given kinds to an application directly.
func attach(t testing.TB, app core.App, application, owner string, kinds ...string) {
	t.Helper()
	collection, err := app.FindCollectionByNameOrId("documents")
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range kinds {
		file, err := filesystem.NewFileFromBytes(testapp.MinimalPDF, kind+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		record := core.NewRecord(collection)
		record.Load(map[string]any{
			"application": application, "owner": owner, "kind": kind, "file": file,
			"sha256": strings.Repeat("0", 64), "size": len(testapp.MinimalPDF),
		})
		if err := app.Save(record); err != nil {
			t.Fatalf("attach %s: %v", kind, err)
		}
	}
}

// readyToSubmit gives an application valid kk-hilang answers and every document they ask for.
func readyToSubmit(t testing.TB, app core.App, id, owner string, fields map[string]any) {
	t.Helper()
	answers := lostFamilyCard(t)
	all := map[string]any{"data": answers}
	maps.Copy(all, fields)
	setApplication(t, app, id, all)
	var kinds []string
	for _, d := range catalog.DocumentsAskedFor("kk-hilang", answers) {
		kinds = append(kinds, d.Code)
	}
	attach(t, app, id, owner, kinds...)
}

// event is an application_events row.
type event struct {
	From, To, Actor, ActorKind, Note string
}

func events(t testing.TB, app core.App, application string) []event {
	t.Helper()
	var records []*core.Record
	err := app.RecordQuery("application_events").AndWhere(dbx.HashExp{"application": application}).OrderBy("rowid ASC").All(&records)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]event, len(records))
	for i, r := range records {
		out[i] = event{r.GetString("from"), r.GetString("to"), r.GetString("actor"), r.GetString("actor_kind"), r.GetString("note")}
	}
	return out
}

// apiError is the body of a PocketBase error response.
type apiError struct {
	Status  int                        `json:"status"`
	Message string                     `json:"message"`
	Data    map[string]json.RawMessage `json:"data"`
}

type fieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func decodeError(t testing.TB, res *http.Response) apiError {
	t.Helper()
	var body apiError
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return body
}

// nestedCodes returns the codes of a nested error object such as data.data.
func nestedCodes(t testing.TB, raw json.RawMessage) map[string]string {
	t.Helper()
	var fields map[string]fieldError
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatalf("not a nested field error object: %s", raw)
	}
	codes := make(map[string]string, len(fields))
	for k, v := range fields {
		if v.Message == "" {
			t.Errorf("%s: no message", k)
		}
		codes[k] = v.Code
	}
	return codes
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// withChange returns a copy of answers with one answer replaced.
func withChange(answers map[string]any, key string, value any) map[string]any {
	out := maps.Clone(answers)
	out[key] = value
	return out
}

func mapsEqual(a, b map[string]string) bool {
	return maps.Equal(a, b)
}

// unchangedApplication checks that ApplicationA is still in status and has no new event.
func unchangedApplication(t testing.TB, app core.App, status string) {
	t.Helper()
	record, err := app.FindRecordById("applications", testapp.ApplicationA)
	if err != nil {
		t.Fatal(err)
	}
	if record.GetString("status") != status || record.GetString("reference") != "" {
		t.Errorf("status %q reference %q, want %q and none", record.GetString("status"), record.GetString("reference"), status)
	}
	if got := events(t, app, testapp.ApplicationA); len(got) != 1 {
		t.Errorf("events %+v", got)
	}
}
