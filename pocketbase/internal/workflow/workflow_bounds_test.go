package workflow_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// asKKBaru makes ApplicationA an uploading application of kk-baru (whose
// members group takes at most 10 items).
func asKKBaru(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
	r, err := app.FindRecordById("applications", testapp.ApplicationA)
	if err != nil {
		t.Fatal(err)
	}
	r.Set("service", "kk-baru")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
}

// emptyMembers is a finalise whose answers hold n empty family members.
func emptyMembers(n int) string {
	return `{"status":"submitted","data":{"members":[` + strings.TrimSuffix(strings.Repeat("{},", n), ",") + `]}}`
}

// smallBody fails when the answer is max bytes or more.
func smallBody(max int) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		if len(body) == 0 || len(body) >= max {
			t.Errorf("answer of %d bytes, want under %d", len(body), max)
		}
	}
}

// TestBoundedValidation: the work and the answer of a validation are
// bounded by the catalog, not by the request: a 1 MB body of empty group
// items is refused at the group, in a small answer; a body over what the
// collection needs is refused before it is read.
func TestBoundedValidation(t *testing.T) {
	oneMB := emptyMembers(340_000) // ~1 MB, under the data field's limit
	if len(oneMB) < 1_000_000 || len(oneMB) > 1<<20 {
		t.Fatalf("body of %d bytes", len(oneMB))
	}
	scenarios := []tests.ApiScenario{
		{
			Name:               "a 1 MB body of empty group items answers one group_max in under 64 KB",
			Method:             http.MethodPatch,
			URL:                applicationsURL + "/" + testapp.ApplicationA,
			Body:               strings.NewReader(oneMB),
			Headers:            as(t, testapp.ResidentA, map[string]string{"Content-Type": "application/json"}),
			BeforeTestFunc:     asKKBaru,
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"members":{"code":"group_max"`},
			NotExpectedContent: []string{`"members.0`},
			AfterTestFunc:      smallBody(64 << 10),
		},
		{
			Name:            "at the group's maximum every item is checked, the answer still small",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(emptyMembers(10)),
			Headers:         as(t, testapp.ResidentA, map[string]string{"Content-Type": "application/json"}),
			BeforeTestFunc:  asKKBaru,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"members.9.nik":{"code":"required"`},
			AfterTestFunc:   smallBody(64 << 10),
		},
		{
			Name:            "a 3 MB body to the applications is refused unread (413), whatever results allows staff",
			Method:          http.MethodPatch,
			URL:             applicationsURL + "/" + testapp.ApplicationA,
			Body:            strings.NewReader(emptyMembers(1_000_000)),
			Headers:         as(t, testapp.ResidentA, map[string]string{"Content-Type": "application/json"}),
			ExpectedStatus:  http.StatusRequestEntityTooLarge,
			ExpectedContent: []string{`"status":413`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}

func TestTruncateKeepsTheFirstByPath(t *testing.T) {
	errs := map[string]string{}
	for _, p := range []string{"c", "a", "b", "d"} {
		errs[p] = "required"
	}
	got := catalog.Truncate(errs, 2)
	if len(got) != 2 || got["a"] == "" || got["b"] == "" {
		t.Errorf("Truncate: %v", got)
	}
	many := map[string]string{}
	for i := range 500 {
		many[strings.Repeat("x", i%7)+string(rune('a'+i%26))+strings.Repeat("y", i)] = "required"
	}
	if n := len(catalog.Truncate(many, catalog.MaxErrors)); n != catalog.MaxErrors {
		t.Errorf("%d errors kept, want %d", n, catalog.MaxErrors)
	}
}
