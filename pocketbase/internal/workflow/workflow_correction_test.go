package workflow_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

const (
	policeReportDoc = "docpolicepolice"
	idCardDoc       = "docktpktpktpktp"
	newIdCardDoc    = "docnewktpnewktp"
	documentsURL    = "/api/collections/documents/records"
)

// sentLostCard puts ApplicationA in submitted (valid kk-hilang answers, its
// two documents with known ids, received a moment ago), as the resident sent it.
func sentLostCard(t testing.TB, app core.App) {
	t.Helper()
	collection, err := app.FindCollectionByNameOrId("documents")
	if err != nil {
		t.Fatal(err)
	}
	for id, kind := range map[string]string{policeReportDoc: "surat-kehilangan-polisi", idCardDoc: "ktp-el"} {
		file, err := filesystem.NewFileFromBytes(testapp.MinimalPDF, kind+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		record := core.NewRecord(collection)
		record.Id = id
		record.Load(map[string]any{"application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": kind, "file": file,
			"sha256": hexSHA256(testapp.MinimalPDF), "size": len(testapp.MinimalPDF)})
		if err := app.Save(record); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(5 * time.Millisecond) // the documents were there before it was sent
	setApplication(t, app, testapp.ApplicationA, map[string]any{
		"status": "submitted", "data": lostFamilyCard(t), "reference": "BPN-20261201-0003",
		"submitted": types.NowDateTime(), "staff_note": "",
	})
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// uploadAs is a document upload by ResidentA to ApplicationA.
func uploadAs(t testing.TB, id, kind string) tests.ApiScenario {
	body, contentType := testapp.MultipartFiles(t, map[string]string{
		"id": id, "application": testapp.ApplicationA, "owner": testapp.ResidentA, "kind": kind,
		"sha256": hexSHA256(testapp.MinimalPDF), "size": "1",
	}, testapp.File{Field: "file", Name: kind + ".pdf", Content: testapp.MinimalPDF})
	return tests.ApiScenario{Method: http.MethodPost, URL: documentsURL, Body: body,
		Headers: as(t, testapp.ResidentA, map[string]string{"Content-Type": contentType})}
}

func applicationA(t testing.TB, app core.App) *core.Record {
	t.Helper()
	record, err := app.FindRecordById("applications", testapp.ApplicationA)
	if err != nil {
		t.Fatal(err)
	}
	return record
}

// TestCorrectionJourney walks one application through a correction, each
// step a request against the same app: staff send a submitted application
// back in one save, the resident cannot change its service, supersedes a
// document and uploads a new one within maxFiles, resubmits (validated like
// the first finalise) twice with one effect, and finds it locked after.
func TestCorrectionJourney(t *testing.T) {
	app := servertest.Factory(t)
	sentLostCard(t, app)
	a := testapp.ResidentA
	url := applicationsURL + "/" + testapp.ApplicationA
	corrected := withChange(lostFamilyCard(t), "kk_number", "6471030202160001")
	resubmit := func() *strings.Reader {
		return strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, corrected) + `}`)
	}

	steps := []tests.ApiScenario{
		{
			Name:            "staff send a submitted application back with a note in one save",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"needs_revision","staff_note":"Foto KTP-el buram, mohon foto ulang."}`),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"needs_revision"`, `"staff_note":"Foto KTP-el buram, mohon foto ulang."`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				got := events(t, app, testapp.ApplicationA)
				if last := got[len(got)-1]; last != (event{"submitted", "needs_revision", "", "staff", "Foto KTP-el buram, mohon foto ulang."}) {
					t.Errorf("last event %+v", last)
				}
				if notes := newNotifications(t, app); len(notes) != 1 || notes[0].Kind != "needs_revision" {
					t.Errorf("notifications %+v, want one needs_revision", notes)
				}
				// the inbox reads in the language the resident chose on the phone
				n, err := app.FindFirstRecordByData("notifications", "kind", "needs_revision")
				if err != nil {
					t.Fatal(err)
				}
				if texts := n.GetString("texts"); !strings.Contains(texts, `"en":{"body":"Foto KTP-el buram`) || !strings.Contains(texts, `"title":"Needs correction: `) ||
					!strings.Contains(texts, `"title":"Perlu perbaikan: `) {
					t.Errorf("texts %s, want the Indonesian and the English text", texts)
				}
			},
		},
		{
			Name:            "the resident cannot change the service while correcting",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"service":"ktp-ganti"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"service":{"code":"service_immutable"`},
		},
		{
			Name:            "nor can staff",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"service":"ktp-ganti"}`),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"service":{"code":"service_immutable"`},
		},
		{
			Name:            "the resident marks the blurry KTP-el superseded: kept, listed apart",
			Method:          http.MethodPatch,
			URL:             documentsURL + "/" + idCardDoc,
			Body:            strings.NewReader(`{"superseded":true}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"superseded":true`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				doc, err := app.FindRecordById("documents", idCardDoc)
				if err != nil || doc.GetDateTime("superseded_at").IsZero() {
					t.Errorf("superseded document %v, err %v: kept with its time", doc, err)
				}
				record := applicationA(t, app)
				if got := record.GetStringSlice("documents"); len(got) != 2 || got[1] != policeReportDoc {
					t.Errorf("documents %v, want the fixture's and the police report", got)
				}
				if got := record.GetStringSlice("superseded_documents"); len(got) != 1 || got[0] != idCardDoc {
					t.Errorf("superseded_documents %v", got)
				}
			},
		},
		{
			Name:            "a resubmission without the KTP-el is refused like a first finalise",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            resubmit(),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"documents":{"ktp-el":{"code":"document_missing"`},
		},
		func() tests.ApiScenario {
			s := uploadAs(t, newIdCardDoc, "ktp-el")
			s.Name = "the new photo of the KTP-el is accepted"
			s.ExpectedStatus = http.StatusOK
			s.ExpectedContent = []string{`"id":"` + newIdCardDoc + `"`, `"superseded":false`}
			return s
		}(),
		func() tests.ApiScenario {
			s := uploadAs(t, "docktpbackktpbk", "ktp-el")
			s.Name = "its back side too (maxFiles 2)"
			s.ExpectedStatus = http.StatusOK
			s.ExpectedContent = []string{`"id":"docktpbackktpbk"`}
			return s
		}(),
		func() tests.ApiScenario {
			s := uploadAs(t, "docktpthirdktp3", "ktp-el")
			s.Name = "a third file of the KTP-el is beyond maxFiles"
			s.ExpectedStatus = http.StatusBadRequest
			s.ExpectedContent = []string{`"kind":{"code":"document_limit"`}
			return s
		}(),
		{
			Name:            "invalid answers are refused at their field",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, withChange(corrected, "kk_number", "123")) + `}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"kk_number":{"code":"kk_format"`},
		},
		{
			Name:            "the corrected application is resubmitted: same reference, revision 1, note archived",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            resubmit(),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"reference":"BPN-20261201-0003"`, `"revision":1`, `"staff_note":""`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				record := applicationA(t, app)
				summary := record.GetString("summary")
				for _, want := range []string{"6471030202160001", "<th>Nomor Kartu Keluarga (KK)</th>", "KTP-el salah satu anggota keluarga di KK ini: 2 berkas", "Diganti atau dihapus"} {
					if !strings.Contains(summary, want) {
						t.Errorf("summary lacks %q: %s", want, summary)
					}
				}
				resubmissions(t, app, 1, "Jawaban diubah: Nomor Kartu Keluarga (KK); dokumen diganti atau dihapus: KTP-el salah satu anggota keluarga di KK ini; dokumen baru: KTP-el salah satu anggota keluarga di KK ini, KTP-el salah satu anggota keluarga di KK ini.")
			},
		},
		{
			Name:            "the same resubmission again (its answer was lost) counts once",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            resubmit(),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`, `"revision":1`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				resubmissions(t, app, 1, "")
			},
		},
		{
			Name:            "after the resubmission the answers are locked again",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            strings.NewReader(`{"data":` + mustJSON(t, lostFamilyCard(t)) + `}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"data":{"code":"application_locked"`},
		},
		func() tests.ApiScenario {
			s := uploadAs(t, "doclatelatelate", "surat-kuasa")
			s.Name = "and so are the documents: no new one"
			s.ExpectedStatus = http.StatusBadRequest
			s.ExpectedContent = []string{`"application":{"code":"application_locked"`}
			return s
		}(),
		{
			Name:            "and none superseded",
			Method:          http.MethodPatch,
			URL:             documentsURL + "/" + policeReportDoc,
			Body:            strings.NewReader(`{"superseded":true}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if doc, _ := app.FindRecordById("documents", policeReportDoc); doc == nil || doc.GetBool("superseded") {
					t.Errorf("police report %v: still part of the application", doc)
				}
			},
		},
	}
	runSteps(t, app, steps)
}

// runSteps runs scenarios one after the other, each on a copy of the data
// the step before left (a router is built per scenario, and PocketBase
// binds one per app).
func runSteps(t *testing.T, app *tests.TestApp, steps []tests.ApiScenario) {
	t.Cleanup(func() { app.Cleanup() })
	for _, s := range steps {
		s.TestAppFactory = func(t testing.TB) *tests.TestApp {
			next, err := tests.NewTestApp(app.DataDir())
			if err != nil {
				t.Fatal(err)
			}
			servertest.RegisterHooks(next)
			app.Cleanup()
			app = next
			return next
		}
		s.DisableTestAppCleanup = true
		s.Test(t)
	}
}

// resubmissions checks the needs_revision → submitted events of
// ApplicationA: want of them, the last with the note (unless empty).
func resubmissions(t testing.TB, app core.App, want int, note string) {
	t.Helper()
	var found []event
	for _, e := range events(t, app, testapp.ApplicationA) {
		if e.From == "needs_revision" && e.To == "submitted" {
			found = append(found, e)
		}
	}
	if len(found) != want {
		t.Fatalf("%d resubmission events %+v, want %d", len(found), found, want)
	}
	if note != "" && found[want-1].Note != note {
		t.Errorf("resubmission note %q, want %q", found[want-1].Note, note)
	}
	if record := applicationA(t, app); record.GetInt("revision") != want {
		t.Errorf("revision %d, want %d", record.GetInt("revision"), want)
	}
}
