// Package crashtest kills the server (SIGKILL) in the middle of a finalise
// and in the middle of the morning intake, opens its data dir again, and
// checks that nothing is half-written: every application is wholly before
// or wholly after, its events, notifications and stamps agree with its
// status, and receipt and queue numbers are unique.
package crashtest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/intake"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// Environment of the child process (the same test binary).
const (
	envDir   = "DUKCAPIL_CRASH_DIR"
	envMode  = "DUKCAPIL_CRASH_MODE"
	envPause = "DUKCAPIL_CRASH_PAUSE_AT"
)

const applications = 12

// open opens the data dir as the server does (a restart).
func open(t testing.TB, dir string) core.App {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env"})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	return app
}

// validAnswers reads the first valid answers of service from the shared vectors.
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
		} `json:"services"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	for _, s := range vectors.Services {
		if s.Service == service {
			for _, a := range s.Valid {
				return a
			}
		}
	}
	t.Fatalf("no valid answers of %s", service)
	return nil
}

// seed returns a data dir with the fixtures and `applications` uploading
// applications of ResidentA, each with its required documents.
func seed(t *testing.T) string {
	t.Helper()
	app := testapp.New(t)
	const service = "akta-kelahiran"
	answers := validAnswers(t, service)
	apps, _ := app.FindCollectionByNameOrId("applications")
	docs, _ := app.FindCollectionByNameOrId("documents")
	for i := range applications {
		a := core.NewRecord(apps)
		a.Id = fmt.Sprintf("crashapp%07d", i)
		a.Load(map[string]any{"owner": testapp.ResidentA, "service": service, "status": "uploading", "data": answers})
		if err := app.Save(a); err != nil {
			t.Fatal(err)
		}
		for _, d := range catalog.DocumentsAskedFor(service, answers) {
			f, _ := filesystem.NewFileFromBytes(testapp.MinimalPDF, d.Code+".pdf")
			r := core.NewRecord(docs)
			r.Load(map[string]any{"application": a.Id, "owner": testapp.ResidentA, "kind": d.Code, "file": f,
				"sha256": strings.Repeat("0", 64), "size": len(testapp.MinimalPDF)})
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(app.DataDir())); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pauseInside makes the pauseAt-th save of a record of collection stop
// inside its transaction, after the row is written, until the process is
// killed; it prints "PAUSED" first.
func pauseInside(app core.App, collection string, pauseAt int) {
	n := 0
	handler := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		n++
		if n == pauseAt {
			fmt.Println("PAUSED")
			time.Sleep(time.Hour)
		}
		return nil
	}
	app.OnRecordUpdate(collection).BindFunc(handler)
	app.OnRecordCreate(collection).BindFunc(handler)
}

// TestCrashChild is the server process that the crash test kills; it does
// nothing unless started by it.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(envDir)
	if dir == "" {
		t.Skip("started by TestKilledMidFinaliseAndIntake only")
	}
	var pauseAt int
	fmt.Sscan(os.Getenv(envPause), &pauseAt)
	app := open(t, dir)
	servertest.RegisterHooks(app)

	switch os.Getenv(envMode) {
	case "finalise":
		pauseInside(app, "applications", pauseAt)
		r, err := apis.NewRouter(app)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(*core.ServeEvent) error { return nil }); err != nil {
			t.Fatal(err)
		}
		mux, _ := r.BuildMux()
		user, _ := app.FindRecordById("users", testapp.ResidentA)
		token, _ := user.NewAuthToken()
		for i := range applications {
			req := httptest.NewRequest(http.MethodPatch, fmt.Sprintf("/api/collections/applications/records/crashapp%07d", i),
				strings.NewReader(`{"status":"submitted"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", token)
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			fmt.Println("finalised", i, rec.Code)
		}
	case "intake":
		pauseInside(app, collections.IntakeRuns, 1)
		today := time.Now().In(time.FixedZone("WITA", 8*3600)).Format(time.DateOnly)
		if _, err := intake.Run(app, today, time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Println("DONE")
}

// runAndKill starts the child in mode and kills it (SIGKILL) once it has
// paused inside a transaction.
func runAndKill(t *testing.T, dir, mode string, pauseAt int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), envDir+"="+dir, envMode+"="+mode, fmt.Sprintf("%s=%d", envPause, pauseAt))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	paused := false
	scanner := bufio.NewScanner(out)
	timer := time.AfterFunc(60*time.Second, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	for scanner.Scan() {
		line := scanner.Text()
		lines = append(lines, line)
		if line == "PAUSED" {
			paused = true
			_ = cmd.Process.Kill() // SIGKILL: no deferred code, no rollback by the process
			break
		}
	}
	_ = cmd.Wait()
	if !paused {
		t.Fatalf("the %s child never paused:\n%s", mode, strings.Join(lines, "\n"))
	}
	return lines
}

// state reads what the checks need.
type state struct {
	status, reference string
	queueNo           int
	submittedEvents   int
	queuedEvents      int
	notifications     int
}

func read(t *testing.T, app core.App) map[string]state {
	t.Helper()
	out := map[string]state{}
	records, err := app.FindRecordsByFilter("applications", "id ~ 'crashapp'", "id", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		count := func(collection string, where dbx.Expression) int {
			var n int
			q := app.DB().Select("count(*)").From(collection).Where(dbx.HashExp{"application": r.Id})
			if where != nil {
				q = q.AndWhere(where)
			}
			if err := q.Row(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		out[r.Id] = state{
			status: r.GetString("status"), reference: r.GetString("reference"), queueNo: r.GetInt("queue_no"),
			submittedEvents: count("application_events", dbx.HashExp{"to": "submitted"}),
			queuedEvents:    count("application_events", dbx.HashExp{"to": "queued"}),
			notifications:   count("notifications", nil),
		}
	}
	return out
}

func TestKilledMidFinaliseAndIntake(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dir := seed(t)

	// 1. killed inside the 5th finalise: 4 are wholly submitted, the rest wholly uploading
	lines := runAndKill(t, dir, "finalise", 5)
	if done := strings.Count(strings.Join(lines, "\n"), "finalised"); done != 4 {
		t.Fatalf("%d finalises answered before the kill, want 4", done)
	}
	app := open(t, dir)
	after := read(t, app)
	references := map[string]bool{}
	submitted := 0
	var notified int
	for id, s := range after {
		switch s.status {
		case "submitted":
			submitted++
			if s.reference == "" || s.submittedEvents != 1 || references[s.reference] {
				t.Errorf("%s: submitted but %+v", id, s)
			}
			references[s.reference] = true
			if submitted == 1 {
				notified = s.notifications
			} else if s.notifications != notified {
				t.Errorf("%s: %d notifications, others %d", id, s.notifications, notified)
			}
		case "uploading":
			if s.reference != "" || s.submittedEvents != 0 || s.notifications != 0 {
				t.Errorf("%s: half-written finalise %+v", id, s)
			}
		default:
			t.Errorf("%s: status %q", id, s.status)
		}
	}
	if submitted != 4 {
		t.Errorf("%d submitted after the kill, want 4", submitted)
	}
	if err := app.ResetBootstrapState(); err != nil {
		t.Fatal(err)
	}

	// 2. killed inside the intake (its rows written, not committed): nothing is queued
	runAndKill(t, dir, "intake", 1)
	app = open(t, dir)
	for id, s := range read(t, app) {
		if s.status == "queued" || s.queuedEvents != 0 || s.queueNo != 0 {
			t.Errorf("%s: half-written intake %+v", id, s)
		}
	}
	var runs int
	if err := app.DB().Select("count(*)").From(collections.IntakeRuns).Row(&runs); err != nil {
		t.Fatal(err)
	}
	if runs != 0 {
		t.Errorf("%d intake runs recorded by a killed intake", runs)
	}

	// 3. after the restart the intake runs whole: every submitted one queued once, numbers unique
	today := time.Now().In(time.FixedZone("WITA", 8*3600)).Format(time.DateOnly)
	if _, err := intake.Run(app, today, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	numbers := map[int]bool{}
	queued := 0
	for id, s := range read(t, app) {
		if s.status != "queued" {
			continue
		}
		queued++
		if s.queuedEvents != 1 || s.queueNo == 0 || numbers[s.queueNo] {
			t.Errorf("%s: queued as %+v", id, s)
		}
		numbers[s.queueNo] = true
	}
	if queued != 4 {
		t.Errorf("%d queued, want the 4 submitted", queued)
	}
	_ = app.ResetBootstrapState()
}
