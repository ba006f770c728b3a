package migrations_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/migrations"
)

// todayWITA is the office's date now, as the views compute it.
func todayWITA() string {
	return time.Now().UTC().Add(8 * time.Hour).Format(time.DateOnly)
}

func dayOffset(date string, days int) string {
	d, _ := time.Parse(time.DateOnly, date)
	return d.AddDate(0, 0, days).Format(time.DateOnly)
}

func newApplication(t testing.TB, app core.App, id string, fields map[string]any) {
	t.Helper()
	c, err := app.FindCollectionByNameOrId("applications")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Id = id
	r.Load(map[string]any{"owner": testapp.ResidentA, "service": "kk-baru"})
	r.Load(fields)
	if err := app.Save(r); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
}

// queueFixtures fills today's queue and the cases of needs_attention.
func queueFixtures(t testing.TB, app core.App) {
	today, yesterday, tomorrow := todayWITA(), dayOffset(todayWITA(), -1), dayOffset(todayWITA(), 1)
	at := func(date string) string { return date + " 00:00:00.000Z" }
	for id, f := range map[string]map[string]any{
		// today's queue, out of order
		"apptoday3queued": {"status": "queued", "process_date": at(today), "queue_no": 3, "submitted": "2026-11-27 01:00:00.000Z"},
		"apptoday1inproc": {"status": "in_process", "process_date": at(today), "queue_no": 1, "submitted": "2026-11-27 03:00:00.000Z"},
		"apptoday2queued": {"status": "queued", "process_date": at(today), "queue_no": 2, "submitted": "2026-11-27 02:00:00.000Z", "revision": 1},
		// today, but done: not in the queue
		"apptoday4done00": {"status": "completed", "process_date": at(today), "queue_no": 4},
		"apptoday5revise": {"status": "needs_revision", "process_date": at(today), "queue_no": 5},
		// other days
		"apptomorrow0001": {"status": "queued", "process_date": at(tomorrow), "queue_no": 1},
		"appyesterday001": {"status": "in_process", "process_date": at(yesterday), "queue_no": 7, "submitted": "2026-11-20 01:00:00.000Z"},
		"appyesterday002": {"status": "completed", "process_date": at(yesterday), "queue_no": 8},
		// resubmitted revisions, and a first submission
		"apprevisionnew1": {"status": "submitted", "revision": 1, "submitted": "2026-11-29 05:00:00.000Z"},
		"apprevisionold2": {"status": "submitted", "revision": 2, "submitted": "2026-11-28 05:00:00.000Z"},
		"appfirstsubmit1": {"status": "submitted", "revision": 0, "submitted": "2026-11-01 05:00:00.000Z"},
	} {
		newApplication(t, app, id, f)
	}
}

// listIds returns the ids of a records list response, in order.
func listIds(t testing.TB, res *http.Response) []string {
	t.Helper()
	var body struct {
		Items []struct {
			Id string `json:"id"`
		} `json:"items"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(body.Items))
	for i, item := range body.Items {
		ids[i] = item.Id
	}
	return ids
}

func TestQueueViews(t *testing.T) {
	setup := func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) { queueFixtures(t, app) }
	expectIds := func(want ...string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			if got := listIds(t, res); !slices.Equal(got, want) {
				t.Errorf("ids\n got  %v\n want %v", got, want)
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name:           "todays_queue: today's queued and in_process applications by queue number",
			Method:         http.MethodGet,
			URL:            "/api/collections/todays_queue/records",
			Headers:        as(t, testapp.Staff),
			BeforeTestFunc: setup,
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"totalItems":3`, `"queue_no":1`, `"status":"in_process"`,
				`"application":"apptoday1inproc"`, `"documents":[]`},
			NotExpectedContent: []string{`internal_note`, `staff_note`},
			AfterTestFunc:      expectIds("apptoday1inproc", "apptoday2queued", "apptoday3queued"),
		},
		{
			Name:           "needs_attention: resubmitted revisions, then applications left from an earlier morning, waiting longest first",
			Method:         http.MethodGet,
			URL:            "/api/collections/needs_attention/records",
			Headers:        as(t, testapp.Staff),
			BeforeTestFunc: setup,
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"totalItems":3`, `"reason":"revision resubmitted"`, `"reason":"left from an earlier morning"`,
				`"waiting_days":`},
			NotExpectedContent: []string{`"waiting_days":null`},
			AfterTestFunc:      expectIds("apprevisionold2", "apprevisionnew1", "appyesterday001"),
		},
		{
			Name:            "a resident cannot list today's queue",
			Method:          http.MethodGet,
			URL:             "/api/collections/todays_queue/records",
			Headers:         as(t, testapp.ResidentA),
			BeforeTestFunc:  setup,
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"status":403`},
		},
		{
			Name:            "a resident cannot list needs_attention",
			Method:          http.MethodGet,
			URL:             "/api/collections/needs_attention/records",
			Headers:         as(t, testapp.ResidentA),
			BeforeTestFunc:  setup,
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"status":403`},
		},
		{
			Name:            "a resident cannot list the intake runs",
			Method:          http.MethodGet,
			URL:             "/api/collections/intake_runs/records",
			Headers:         as(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"status":403`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

func TestQueueViewColumns(t *testing.T) {
	app := testapp.New(t)
	for name, want := range map[string][]string{
		"todays_queue": {"id", "queue_no", "reference", "service", "subject_name", "subject_nik", "status", "revision",
			"submitted", "owner", "documents", "application"},
		"needs_attention": {"id", "reason", "reference", "service", "subject_name", "status", "revision", "submitted",
			"waiting_days", "process_date", "queue_no", "staff_note", "owner", "documents", "application"},
	} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		if !c.IsView() || c.ListRule != nil || c.ViewRule != nil {
			t.Errorf("%s must be a superuser-only view", name)
		}
		if got := c.Fields.FieldNames(); !slices.Equal(got, want) {
			t.Errorf("%s columns\n got  %v\n want %v", name, got, want)
		}
		if f, ok := c.Fields.GetByName("application").(*core.RelationField); !ok || f.CollectionId != mustCollection(t, app, "applications").Id {
			t.Errorf("%s.application must open the application", name)
		}
	}
}

func mustCollection(t testing.TB, app core.App, name string) *core.Collection {
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDashboardSchema(t *testing.T) {
	app := testapp.New(t)

	apps := mustCollection(t, app, "applications")
	for _, name := range []string{"idx_applications_day_queue", "idx_applications_status_day_queue", "idx_applications_submitted", "idx_applications_owner"} {
		if apps.GetIndex(name) == "" {
			t.Errorf("missing index %s", name)
		}
	}
	if f, ok := apps.Fields.GetByName("documents").(*core.RelationField); !ok || f.CollectionId != mustCollection(t, app, "documents").Id || f.MaxSelect < 20 {
		t.Error("applications.documents must list the documents")
	}
	if f, _ := apps.Fields.GetByName("internal_note").(*core.TextField); f == nil || !f.Hidden {
		t.Error("internal_note must be hidden")
	}

	// every field that staff edit or read has a help text
	for collection, fields := range map[string][]string{
		"applications":       {"owner", "service", "status", "data", "subject_nik", "subject_name", "reference", "submitted", "process_date", "queue_no", "revision", "staff_note", "internal_note", "results", "documents"},
		"documents":          {"application", "owner", "kind", "file", "sha256", "size"},
		"application_events": {"application", "from", "to", "actor", "actor_kind", "note"},
		"notifications":      {"owner", "application", "kind", "title", "body", "read", "delivery", "attempts", "delivered_at"},
		"office_days":        {"date", "kind", "name"},
		"intake_runs":        {"date", "cutoff", "queued"},
	} {
		c := mustCollection(t, app, collection)
		for _, name := range fields {
			raw, _ := json.Marshal(c.Fields.GetByName(name))
			var f struct {
				Help string `json:"help"`
			}
			_ = json.Unmarshal(raw, &f)
			if f.Help == "" {
				t.Errorf("%s.%s has no help text", collection, name)
			}
		}
	}

	runs := mustCollection(t, app, "intake_runs")
	if runs.ListRule != nil || runs.CreateRule != nil || runs.UpdateRule != nil || runs.DeleteRule != nil || runs.GetIndex("idx_intake_runs_date") == "" {
		t.Error("intake_runs must be superuser-only with a unique date")
	}

	s := app.Settings()
	if migrations.BackupsCron != "0 18 * * *" { // 02:00 WITA
		t.Errorf("backups at %q", migrations.BackupsCron)
	}
	if s.Backups.Cron != migrations.BackupsCron || s.Backups.CronMaxKeep != 14 {
		t.Errorf("backups %q keep %d", s.Backups.Cron, s.Backups.CronMaxKeep)
	}
}

// The migration fills applications.documents of the data it finds.
func TestDashboardMigrationFillsTheDocumentLists(t *testing.T) {
	app := testapp.New(t)

	list := core.MigrationsList{}
	list.Copy(core.AppMigrations)
	runner := core.NewMigrationsRunner(app, list)
	var mine int
	for i, m := range list.Items() {
		if m.File == "1795824210_dashboard_workplace.go" {
			mine = len(list.Items()) - i
		}
	}
	if mine == 0 {
		t.Fatal("the dashboard migration is not registered")
	}
	if _, err := runner.Down(mine); err != nil {
		t.Fatalf("down: %v", err)
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("up: %v", err)
	}
	for app_, doc := range map[string]string{testapp.ApplicationA: testapp.DocumentA, testapp.ApplicationB: testapp.DocumentB} {
		r, err := app.FindRecordById("applications", app_)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.GetStringSlice("documents"); !slices.Equal(got, []string{doc}) {
			t.Errorf("%s documents %v, want [%s]", app_, got, doc)
		}
	}
}
