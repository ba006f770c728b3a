package trail_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/testapp"
	"dukcapil-daring/server/internal/trail"
)

// The package's own tests: what each exported function writes, on the
// schema and fixtures alone (testapp, no feature hooks). The workflow and
// visits tests show the same rows arriving through the API.

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

func record(t testing.TB, app core.App, collection, id string) *core.Record {
	t.Helper()
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func requestBy(auth *core.Record) *core.RecordRequestEvent {
	return &core.RecordRequestEvent{RequestEvent: &core.RequestEvent{Auth: auth}}
}

// TestActorOf: a superuser is staff (no id), a signed-in resident is a
// resident with their id, and a request without auth is the system.
func TestActorOf(t *testing.T) {
	app := testapp.New(t)
	cases := []struct {
		name string
		auth *core.Record
		want trail.Actor
	}{
		{"a superuser is staff", record(t, app, core.CollectionNameSuperusers, testapp.Staff), trail.Actor{Kind: "staff"}},
		{"a resident is named", record(t, app, collections.Users, testapp.ResidentA), trail.Actor{ID: testapp.ResidentA, Kind: "resident"}},
		{"no auth is the system", nil, trail.Actor{Kind: "system"}},
	}
	for _, c := range cases {
		if got := trail.ActorOf(requestBy(c.auth)); got != c.want {
			t.Errorf("%s: ActorOf = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestAppendEvent: one row per call with the record, the status change,
// the actor (an id for a resident only, and its kind) and the note.
func TestAppendEvent(t *testing.T) {
	app := testapp.New(t)
	actors := []trail.Actor{
		{ID: testapp.ResidentA, Kind: trail.ActorResident},
		{Kind: trail.ActorStaff},
		{Kind: trail.ActorSystem},
	}
	for _, who := range actors {
		note := "oleh " + who.Kind
		if err := trail.AppendEvent(app, collections.ApplicationEvents, "application", testapp.ApplicationA, "submitted", "queued", who, note); err != nil {
			t.Fatalf("%s: %v", who.Kind, err)
		}
		rows, err := app.FindRecordsByFilter(collections.ApplicationEvents, "application = {:a} && note = {:n}", "", 0, 0,
			dbx.Params{"a": testapp.ApplicationA, "n": note})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%s: %d rows (%v), want 1", who.Kind, len(rows), err)
		}
		row := rows[0]
		got := [5]string{row.GetString("from"), row.GetString("to"), row.GetString("actor"), row.GetString("actor_kind"), row.GetString("note")}
		if want := [5]string{"submitted", "queued", who.ID, who.Kind, note}; got != want {
			t.Errorf("%s: row %v, want %v", who.Kind, got, want)
		}
	}
	if err := trail.AppendEvent(app, "no_such_events", "application", testapp.ApplicationA, "", "queued", actors[1], ""); err == nil {
		t.Error("an unknown events collection: no error")
	}
	if err := trail.AppendEvent(app, collections.ApplicationEvents, "application", testapp.ApplicationA, "", "queued", trail.Actor{Kind: "robot"}, ""); err == nil {
		t.Error("an actor kind outside resident/staff/system was saved")
	}
}

// TestTextsJSON: locale → {title, body}, for both languages; no texts is
// an empty object.
func TestTextsJSON(t *testing.T) {
	raw := trail.TextsJSON(map[string]trail.Text{
		"id": {Title: "Permohonan diterima", Body: "Datang pukul 08.00."},
		"en": {Title: "Application received", Body: "Come at 08.00."},
	})
	var got map[string]map[string]string
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"id": {"title": "Permohonan diterima", "body": "Datang pukul 08.00."},
		"en": {"title": "Application received", "body": "Come at 08.00."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TextsJSON = %s, want %v", raw, want)
	}
	if empty := string(trail.TextsJSON(nil)); empty != "{}" {
		t.Errorf("TextsJSON(nil) = %s, want {}", empty)
	}
}

// TestWriteNotification: a row for the owner about the subject (or about
// nothing), unread and pending delivery, with the push's title and body and
// the texts of both languages when given.
func TestWriteNotification(t *testing.T) {
	app := testapp.New(t)
	texts := trail.TextsJSON(map[string]trail.Text{
		"id": {Title: "Perlu perbaikan", Body: "Perbaiki permohonan di aplikasi."},
		"en": {Title: "Needs correction", Body: "Correct the application in the app."},
	})
	if err := trail.WriteNotification(app, trail.Notification{
		Owner: testapp.ResidentA, About: "application", Subject: testapp.ApplicationA, Kind: "needs_revision",
		Title: "Needs correction", Body: "Correct the application in the app.", Texts: texts,
	}); err != nil {
		t.Fatal(err)
	}
	if err := trail.WriteNotification(app, trail.Notification{Owner: testapp.ResidentB, Kind: "info", Title: "Halo", Body: "Selamat datang kembali"}); err != nil {
		t.Fatal(err)
	}

	about, err := app.FindFirstRecordByFilter(collections.Notifications, "owner = {:o} && kind = 'needs_revision'", dbx.Params{"o": testapp.ResidentA})
	if err != nil {
		t.Fatal(err)
	}
	if got := [4]string{about.GetString("application"), about.GetString("title"), about.GetString("body"), about.GetString("delivery")}; got !=
		[4]string{testapp.ApplicationA, "Needs correction", "Correct the application in the app.", trail.DeliveryPending} {
		t.Errorf("notification %v", got)
	}
	if about.GetBool("read") {
		t.Error("a new notification is read")
	}
	var stored map[string]map[string]string
	if err := json.Unmarshal([]byte(about.GetString("texts")), &stored); err != nil || stored["id"]["title"] != "Perlu perbaikan" || stored["en"]["body"] != "Correct the application in the app." {
		t.Errorf("texts %q (%v)", about.GetString("texts"), err)
	}

	plain, err := app.FindFirstRecordByFilter(collections.Notifications, "owner = {:o} && body = 'Selamat datang kembali'", dbx.Params{"o": testapp.ResidentB})
	if err != nil {
		t.Fatal(err)
	}
	if plain.GetString("application") != "" || plain.GetString("delivery") != trail.DeliveryPending || plain.GetBool("read") {
		t.Errorf("notification about nothing: application %q, delivery %q, read %v", plain.GetString("application"), plain.GetString("delivery"), plain.GetBool("read"))
	}
	if texts := plain.GetString("texts"); texts != "" && texts != "null" {
		t.Errorf("texts %q without texts given", texts)
	}

	if err := trail.WriteNotification(app, trail.Notification{Owner: testapp.ResidentA, Kind: "no_such_kind"}); err == nil {
		t.Error("a kind outside the collection's values was saved")
	}
}

// TestOwnerLocale: "en" only for a resident who chose English; Indonesian
// otherwise, also for an unknown resident.
func TestOwnerLocale(t *testing.T) {
	app := testapp.New(t)
	if got := trail.OwnerLocale(app, testapp.ResidentA); got != "id" {
		t.Errorf("fixture resident (id): %q", got)
	}
	user := record(t, app, collections.Users, testapp.ResidentB)
	for _, c := range []struct{ locale, want string }{{"en", "en"}, {"id", "id"}, {"", "id"}} {
		user.Set("locale", c.locale)
		if err := app.Save(user); err != nil {
			t.Fatalf("locale %q: %v", c.locale, err)
		}
		if got := trail.OwnerLocale(app, testapp.ResidentB); got != c.want {
			t.Errorf("locale %q: OwnerLocale = %q, want %q", c.locale, got, c.want)
		}
	}
	if got := trail.OwnerLocale(app, "nosuchresident"); got != "id" {
		t.Errorf("unknown resident: %q", got)
	}
}

// TestInTransaction: what fn writes and the request's save commit together
// or not at all; during fn e.App is the transaction, after it the app again.
func TestInTransaction(t *testing.T) {
	app := testapp.New(t)
	e := requestBy(nil)
	e.App = app
	write := func(note string, fail error) error {
		return trail.InTransaction(e, func(tx core.App) error {
			if !tx.IsTransactional() || e.App != tx {
				t.Error("fn does not run in the transaction")
			}
			if err := trail.AppendEvent(tx, collections.ApplicationEvents, "application", testapp.ApplicationA, "", "queued", trail.Actor{Kind: trail.ActorSystem}, note); err != nil {
				return err
			}
			return fail
		})
	}
	count := func(note string) int {
		n, err := app.CountRecords(collections.ApplicationEvents, dbx.HashExp{"note": note})
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}

	if err := write("kept", nil); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	if err := write("rolled back", refused); !errors.Is(err, refused) {
		t.Fatalf("error %v, want fn's", err)
	}
	if kept, gone := count("kept"), count("rolled back"); kept != 1 || gone != 0 {
		t.Errorf("rows: %d committed (want 1), %d of the failed fn (want 0)", kept, gone)
	}
	if e.App != core.App(app) {
		t.Error("e.App is not the app again after the transaction")
	}
}
