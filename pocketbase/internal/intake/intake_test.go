package intake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/office"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// wita returns the instant of a WITA wall-clock time "2006-01-02 15:04:05".
func wita(t testing.TB, wall string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(office.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.ParseInLocation(time.DateTime, wall, loc)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// submitted creates a submitted application of owner with the submission
// time wall (WITA) and the given reference, directly.
func submitted(t testing.TB, app core.App, id, owner, service, wall, reference string) {
	t.Helper()
	create(t, app, id, map[string]any{
		"owner": owner, "service": service, "status": "submitted",
		"submitted": wita(t, wall).UTC(), "reference": reference,
	})
}

func create(t testing.TB, app core.App, id string, fields map[string]any) {
	t.Helper()
	collection, err := app.FindCollectionByNameOrId("applications")
	if err != nil {
		t.Fatal(err)
	}
	record := core.NewRecord(collection)
	record.Id = id
	record.Load(fields)
	if err := app.Save(record); err != nil {
		t.Fatalf("create %s: %v", id, err)
	}
}

// application is the queue state of an application.
type application struct {
	Status, ProcessDate string
	QueueNo             int
}

func stateOf(t testing.TB, app core.App, id string) application {
	t.Helper()
	r, err := app.FindRecordById("applications", id)
	if err != nil {
		t.Fatal(err)
	}
	return application{r.GetString("status"), r.GetString("process_date"), r.GetInt("queue_no")}
}

type eventRow struct{ Application, From, To, Actor, ActorKind, Note string }

// intakeEvents returns the events written by the system, in order.
func intakeEvents(t testing.TB, app core.App) []eventRow {
	t.Helper()
	var rows []eventRow
	err := app.DB().NewQuery("SELECT application, [[from]], [[to]], actor, actor_kind, note FROM application_events WHERE actor_kind = 'system' ORDER BY rowid").
		All(&rows)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

type notificationRow struct {
	Owner, Application, Kind, Title, Body, Delivery string
	Read                                            bool
}

func summaries(t testing.TB, app core.App) []notificationRow {
	t.Helper()
	var records []*core.Record
	if err := app.RecordQuery("notifications").AndWhere(dbx.HashExp{"kind": "morning_summary"}).OrderBy("rowid").All(&records); err != nil {
		t.Fatal(err)
	}
	out := make([]notificationRow, len(records))
	for i, r := range records {
		out[i] = notificationRow{r.GetString("owner"), r.GetString("application"), r.GetString("kind"),
			r.GetString("title"), r.GetString("body"), r.GetString("delivery"), r.GetBool("read")}
	}
	return out
}

func runRow(t testing.TB, app core.App, date string) *core.Record {
	t.Helper()
	r, err := app.FindFirstRecordByData("intake_runs", "date", date)
	if err != nil {
		return nil
	}
	return r
}

func setLocale(t testing.TB, app core.App, user, locale string) {
	t.Helper()
	r, err := app.FindRecordById("users", user)
	if err != nil {
		t.Fatal(err)
	}
	r.Set("locale", locale)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
}

// Monday 30 November 2026, a working day; its intake is at 07:30 WITA.
const monday = "2026-11-30"

// threeSubmitted gives ResidentA two submitted applications and ResidentB
// one, submitted before Monday's intake, plus applications that the
// intake must leave alone.
func threeSubmitted(t testing.TB, app core.App) {
	a, b := testapp.ResidentA, testapp.ResidentB
	submitted(t, app, "appa2second0001", a, "kk-baru", "2026-11-29 22:10:00", "BPN-20261129-0001")
	submitted(t, app, "appa1first00001", a, "akta-kelahiran", "2026-11-27 08:00:00", "BPN-20261127-0003")
	submitted(t, app, "appb1middle0001", b, "akta-kematian", "2026-11-28 12:00:00", "BPN-20261128-0002")
	// after the cutoff, another status, a revision waiting for its resident
	submitted(t, app, "appalate0000001", a, "kk-baru", "2026-11-30 07:30:00", "BPN-20261130-0001")
	create(t, app, "appuploading001", map[string]any{"owner": a, "service": "kk-baru", "status": "uploading"})
	create(t, app, "apprevision0001", map[string]any{"owner": b, "service": "kk-baru", "status": "needs_revision",
		"submitted": wita(t, "2026-11-20 09:00:00").UTC(), "reference": "BPN-20261120-0001"})
}

func TestRunQueuesInOrderOfSubmission(t *testing.T) {
	app := testapp.New(t)
	threeSubmitted(t, app)
	setLocale(t, app, testapp.ResidentB, "en")

	result, err := intake.Run(app, monday, wita(t, "2026-11-30 07:30:00"))
	if err != nil {
		t.Fatal(err)
	}
	if result.Queued != 3 || result.First != 1 || result.Last != 3 || result.Notified != 2 || result.Total != 3 || result.Run == "" {
		t.Errorf("result %+v", result)
	}

	day := "2026-11-30 00:00:00.000Z"
	for id, want := range map[string]application{
		"appa1first00001": {"queued", day, 1},
		"appb1middle0001": {"queued", day, 2},
		"appa2second0001": {"queued", day, 3},
		"appalate0000001": {"submitted", "", 0},
		"appuploading001": {"uploading", "", 0},
		"apprevision0001": {"needs_revision", "", 0},
	} {
		if got := stateOf(t, app, id); got != want {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}

	wantEvents := []eventRow{
		{"appa1first00001", "submitted", "queued", "", "system", "Antrean pagi 2026-11-30, nomor 1"},
		{"appb1middle0001", "submitted", "queued", "", "system", "Antrean pagi 2026-11-30, nomor 2"},
		{"appa2second0001", "submitted", "queued", "", "system", "Antrean pagi 2026-11-30, nomor 3"},
	}
	if got := intakeEvents(t, app); !slices.Equal(got, wantEvents) {
		t.Errorf("events\n got  %+v\n want %+v", got, wantEvents)
	}

	wantNotifications := []notificationRow{
		{testapp.ResidentA, "", "morning_summary", "2 permohonan masuk antrean hari ini",
			"Diproses hari ini, 30 November 2026:\nNomor 1: Akta kelahiran (BPN-20261127-0003)\nNomor 3: Kartu Keluarga (KK) baru (BPN-20261129-0001)",
			"pending", false},
		{testapp.ResidentB, "appb1middle0001", "morning_summary", "In today's queue, number 2",
			"Your death certificate application BPN-20261128-0002 is processed today, 30 November 2026.", "pending", false},
	}
	if got := summaries(t, app); !slices.Equal(got, wantNotifications) {
		t.Errorf("notifications\n got  %+v\n want %+v", got, wantNotifications)
	}

	run := runRow(t, app, monday)
	if run == nil || run.GetInt("queued") != 3 || !run.GetDateTime("cutoff").Time().Equal(wita(t, "2026-11-30 07:30:00")) {
		t.Errorf("intake_runs row %v", run)
	}

	// the bulk writes are readable as records, as the API and the push sender read them
	queued, err := app.FindRecordById("applications", "appa1first00001")
	if err != nil || queued.GetDateTime("updated").Time().Before(time.Now().Add(-time.Minute)) {
		t.Errorf("updated must be set by the intake: %v %v", queued.GetDateTime("updated"), err)
	}
	notifications, err := app.FindRecordsByFilter("notifications", "kind = 'morning_summary' && delivery = 'pending' && read = false", "", 0, 0)
	if err != nil || len(notifications) != 2 || len(notifications[0].Id) != 15 || notifications[0].GetDateTime("created").IsZero() {
		t.Errorf("notifications as records: %d %v", len(notifications), err)
	}
}

func TestRunTwiceChangesNothing(t *testing.T) {
	app := testapp.New(t)
	threeSubmitted(t, app)
	cutoff := wita(t, "2026-11-30 07:30:00")
	if _, err := intake.Run(app, monday, cutoff); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		var rows []struct {
			Id, Status, Updated string
			QueueNo             int `db:"queue_no"`
		}
		if err := app.DB().NewQuery("SELECT id, status, updated, queue_no FROM applications ORDER BY id").All(&rows); err != nil {
			t.Fatal(err)
		}
		var n, e int
		_ = app.DB().NewQuery("SELECT COUNT(*) FROM notifications").Row(&n)
		_ = app.DB().NewQuery("SELECT COUNT(*) FROM application_events").Row(&e)
		raw, _ := json.Marshal(rows)
		run := runRow(t, app, monday)
		return fmt.Sprintf("%s run %s/%d notifications %d events %d", raw, run.GetString("updated"), run.GetInt("queued"), n, e)
	}
	before := snapshot()

	again, err := intake.Run(app, monday, cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if again.Queued != 0 || again.Notified != 0 || again.Total != 3 {
		t.Errorf("second run %+v", again)
	}
	if after := snapshot(); after != before {
		t.Errorf("the second run changed something:\n%s\n%s", before, after)
	}
}

func TestRunContinuesTheNumbersOfTheDay(t *testing.T) {
	app := testapp.New(t)
	create(t, app, "appbyhand000001", map[string]any{"owner": testapp.ResidentB, "service": "kk-baru", "status": "in_process",
		"process_date": "2026-11-30 00:00:00.000Z", "queue_no": 5})
	create(t, app, "appotherday0001", map[string]any{"owner": testapp.ResidentB, "service": "kk-baru", "status": "queued",
		"process_date": "2026-12-01 00:00:00.000Z", "queue_no": 40})
	submitted(t, app, "appnext00000001", testapp.ResidentA, "kk-baru", "2026-11-29 10:00:00", "BPN-20261129-0001")

	result, err := intake.Run(app, monday, wita(t, "2026-11-30 07:30:00"))
	if err != nil {
		t.Fatal(err)
	}
	if got := stateOf(t, app, "appnext00000001"); got.QueueNo != 6 || result.First != 6 {
		t.Errorf("queue number %d (result %+v), want 6", got.QueueNo, result)
	}
	if _, err := intake.Run(app, "2026-11-31", time.Now()); err == nil {
		t.Error("an impossible date must be refused")
	}
}

func TestRunIfDue(t *testing.T) {
	type check struct {
		name       string
		now        string // WITA
		intakeTime string
		setup      func(t testing.TB, app core.App)
		ran        bool
		queued     int
		cutoff     string // WITA, when ran
	}
	addDay := func(date, kind string) func(testing.TB, core.App) {
		return func(t testing.TB, app core.App) {
			c, _ := app.FindCollectionByNameOrId("office_days")
			r := core.NewRecord(c)
			r.Load(map[string]any{"date": date, "kind": kind, "name": "ditambah staf"})
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	priorRun := func(date, cutoffWall string) func(testing.TB, core.App) {
		return func(t testing.TB, app core.App) {
			if _, err := intake.Run(app, date, wita(t, cutoffWall)); err != nil {
				t.Fatal(err)
			}
		}
	}
	checks := []check{
		{name: "a working day, a second before the intake", now: "2026-11-30 07:29:59", ran: false},
		{name: "a working day, at the intake time", now: "2026-11-30 07:30:00", ran: true, queued: 3, cutoff: "2026-11-30 07:30:00"},
		{name: "a morning missed: the server starts at 09:00", now: "2026-11-30 09:00:00", ran: true, queued: 3, cutoff: "2026-11-30 07:30:00"},
		{name: "the next tick after the run does nothing", now: "2026-11-30 07:31:00", setup: priorRun(monday, "2026-11-30 07:30:00"), ran: false},
		{name: "a run by hand at 07:00 does not replace the 07:30 intake", now: "2026-11-30 07:30:00",
			setup: func(t testing.TB, app core.App) {
				priorRun(monday, "2026-11-30 07:00:00")(t, app)
				submitted(t, app, "appat0710000001", testapp.ResidentB, "kk-baru", "2026-11-30 07:10:00", "BPN-20261130-0002")
			}, ran: true, queued: 1, cutoff: "2026-11-30 07:30:00"},
		{name: "a run by hand at 09:00 covers the morning", now: "2026-11-30 09:01:00", setup: priorRun(monday, "2026-11-30 09:00:00"), ran: false},
		{name: "a Saturday", now: "2026-11-28 10:00:00", ran: false},
		{name: "a Sunday", now: "2026-11-29 10:00:00", ran: false},
		{name: "Christmas 2026 (seeded holiday)", now: "2026-12-25 10:00:00", ran: false},
		{name: "cuti bersama 24 December 2026", now: "2026-12-24 10:00:00", ran: false},
		{name: "1 January 2027 before staff enter the 2027 holidays", now: "2027-01-01 08:00:00", ran: true, queued: 4, cutoff: "2027-01-01 07:30:00"},
		{name: "1 January 2027 entered by staff as a holiday", now: "2027-01-01 08:00:00", setup: addDay("2027-01-01", "holiday"), ran: false},
		{name: "a Saturday made an extra working day", now: "2026-11-28 08:00:00", setup: addDay("2026-11-28", "extra_working_day"),
			ran: true, queued: 1, cutoff: "2026-11-28 07:30:00"},
		{name: "intake time 08:15, at 08:14", now: "2026-11-30 08:14:00", intakeTime: "08:15", ran: false},
		{name: "intake time 08:15, at 08:15", now: "2026-11-30 08:15:00", intakeTime: "08:15", ran: true, queued: 4, cutoff: "2026-11-30 08:15:00"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			app := testapp.New(t)
			threeSubmitted(t, app)
			if c.setup != nil {
				c.setup(t, app)
			}
			intakeTime := c.intakeTime
			if intakeTime == "" {
				intakeTime = office.DefaultIntakeTime
			}
			result, ran, err := intake.RunIfDue(app, wita(t, c.now), intakeTime)
			if err != nil {
				t.Fatal(err)
			}
			if ran != c.ran || result.Queued != c.queued {
				t.Fatalf("ran %v queued %d, want %v %d (%+v)", ran, result.Queued, c.ran, c.queued, result)
			}
			if ran && !result.Cutoff.Equal(wita(t, c.cutoff)) {
				t.Errorf("cutoff %s, want %s WITA", result.Cutoff, c.cutoff)
			}
			if ran && result.Date != c.now[:10] {
				t.Errorf("date %s, want %s", result.Date, c.now[:10])
			}
		})
	}
}

// withIntake is a test app factory with the intake registered at the given clock.
func withIntake(intakeTime string, now time.Time, setup func(testing.TB, core.App)) func(testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		if setup != nil {
			setup(t, app)
		}
		intake.Register(app, intake.Config{IntakeTime: intakeTime, Now: func() time.Time { return now }})
		return app
	}
}

func TestRegisterCatchesUpAtStartAndTicksEveryMinute(t *testing.T) {
	at0900 := wita(t, "2026-11-30 09:00:00")
	scenario := tests.ApiScenario{
		Name:            "a server started at 09:00 runs the 07:30 intake",
		Method:          http.MethodGet,
		URL:             "/api/health",
		TestAppFactory:  withIntake("", at0900, func(t testing.TB, app core.App) { threeSubmitted(t, app) }),
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"code":200`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if got := stateOf(t, app, "appb1middle0001"); got.Status != "queued" || got.QueueNo != 2 {
				t.Errorf("not queued at start: %+v", got)
			}
			var job func()
			for _, j := range app.Cron().Jobs() {
				if j.Id() == "dukcapilMorningIntake" && j.Expression() == "* * * * *" {
					job = j.Run
				}
			}
			if job == nil {
				t.Fatal("no cron job of the intake")
			}
			// a late submission, then the next tick: nothing (the morning is done)
			submitted(t, app, "applatesubmit01", testapp.ResidentA, "kk-baru", "2026-11-30 08:59:00", "BPN-20261130-0009")
			job()
			if got := stateOf(t, app, "applatesubmit01"); got.Status != "submitted" {
				t.Errorf("a tick after the morning's run queued %+v", got)
			}
			if n := len(intakeEvents(t, app)); n != 3 {
				t.Errorf("%d intake events, want 3", n)
			}
		},
	}
	scenario.Test(t)

	off := tests.ApiScenario{
		Name:            "the intake time off: no catch-up and no cron job",
		Method:          http.MethodGet,
		URL:             "/api/health",
		TestAppFactory:  withIntake(intake.Off, at0900, func(t testing.TB, app core.App) { threeSubmitted(t, app) }),
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"code":200`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if got := stateOf(t, app, "appb1middle0001"); got.Status != "submitted" {
				t.Errorf("queued although off: %+v", got)
			}
			for _, j := range app.Cron().Jobs() {
				if j.Id() == "dukcapilMorningIntake" {
					t.Error("a cron job although off")
				}
			}
		},
	}
	off.Test(t)
}

func TestConfig(t *testing.T) {
	for _, ok := range []string{"", "07:30", "23:59", intake.Off} {
		if err := intake.CheckConfig(intake.Config{IntakeTime: ok}); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"7:30", "24:00", "OFF", "07.30"} {
		if err := intake.CheckConfig(intake.Config{IntakeTime: bad}); err == nil {
			t.Errorf("%q must be refused", bad)
		}
	}
	t.Setenv(intake.EnvIntakeTime, "")
	if got := intake.IntakeTimeFromEnv("07:30"); got != "07:30" {
		t.Errorf("unset env: %q", got)
	}
	t.Setenv(intake.EnvIntakeTime, "08:00")
	if got := intake.IntakeTimeFromEnv("07:30"); got != "08:00" {
		t.Errorf("env: %q", got)
	}
}

func TestRoute(t *testing.T) {
	now := wita(t, "2026-11-30 10:15:00")
	factory := withIntake(intake.Off, now, func(t testing.TB, app core.App) { threeSubmitted(t, app) })
	scenarios := []tests.ApiScenario{
		{
			Name:           "staff run the intake now: everything submitted until now",
			Method:         http.MethodPost,
			URL:            intake.RoutePath,
			Headers:        testapp.AuthHeader(t, testapp.Staff),
			TestAppFactory: factory,
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"date":"2026-11-30"`, `"cutoff":"2026-11-30T02:15:00Z"`, `"queued":4`,
				`"first":1`, `"last":4`, `"notified":2`, `"total":4`, `"run":"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if got := stateOf(t, app, "appalate0000001"); got.QueueNo != 4 {
					t.Errorf("the 07:30 submission: %+v", got)
				}
			},
		},
		{
			Name:    "a second run by hand the same day queues only the new ones, continuing the numbers",
			Method:  http.MethodPost,
			URL:     intake.RoutePath,
			Headers: testapp.AuthHeader(t, testapp.Staff),
			TestAppFactory: withIntake(intake.Off, now, func(t testing.TB, app core.App) {
				threeSubmitted(t, app)
				if _, err := intake.Run(app, monday, wita(t, "2026-11-30 07:30:00")); err != nil {
					t.Fatal(err)
				}
			}),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"queued":1`, `"first":4`, `"last":4`, `"notified":1`, `"total":4`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				run := runRow(t, app, monday)
				if run.GetInt("queued") != 4 || !run.GetDateTime("cutoff").Time().Equal(now) {
					t.Errorf("run row: queued %d cutoff %s", run.GetInt("queued"), run.GetDateTime("cutoff"))
				}
			},
		},
		{
			Name:            "a resident may not run it",
			Method:          http.MethodPost,
			URL:             intake.RoutePath,
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"status":403`},
			AfterTestFunc:   nothingQueued,
		},
		{
			Name:            "a guest may not run it",
			Method:          http.MethodPost,
			URL:             intake.RoutePath,
			TestAppFactory:  factory,
			ExpectedStatus:  http.StatusUnauthorized,
			ExpectedContent: []string{`"status":401`},
			AfterTestFunc:   nothingQueued,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

func nothingQueued(t testing.TB, app *tests.TestApp, _ *http.Response) {
	if got := stateOf(t, app, "appa1first00001"); got.Status != "submitted" {
		t.Errorf("queued: %+v", got)
	}
	if runRow(t, app, monday) != nil {
		t.Error("a run was recorded")
	}
}

// The resident sees the intake's rows through the API like any other: the
// queued application and their own summary, not the other resident's.
func TestResidentReadsTheIntakeRows(t *testing.T) {
	scenario := tests.ApiScenario{
		Name:    "A lists A's notifications after the intake",
		Method:  http.MethodGet,
		URL:     "/api/collections/notifications/records?filter=" + strings.ReplaceAll("kind='morning_summary'", "'", "%27"),
		Headers: testapp.AuthHeader(t, testapp.ResidentA),
		TestAppFactory: withIntake(intake.Off, time.Now(), func(t testing.TB, app core.App) {
			threeSubmitted(t, app)
			if _, err := intake.Run(app, monday, wita(t, "2026-11-30 07:30:00")); err != nil {
				t.Fatal(err)
			}
		}),
		ExpectedStatus:     http.StatusOK,
		ExpectedContent:    []string{`"totalItems":1`, `"title":"2 permohonan masuk antrean hari ini"`, `"owner":"` + testapp.ResidentA + `"`},
		NotExpectedContent: []string{testapp.ResidentB},
	}
	scenario.Test(t)
}
