package accounts_test

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/server"
	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

// withVerifiedEmailRule is servertest.Factory with the office's setting given.
func withVerifiedEmailRule(required bool) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		config := server.TestConfig()
		config.Accounts.RequireVerifiedEmail = required
		if err := server.Register(app, config); err != nil {
			t.Fatal(err)
		}
		return app
	}
}

func unverify(t testing.TB, app *tests.TestApp, id string) {
	t.Helper()
	user, err := app.FindRecordById("users", id)
	if err != nil {
		t.Fatal(err)
	}
	user.SetVerified(false)
	if err := app.Save(user); err != nil {
		t.Fatal(err)
	}
}

func TestNikIsFixed(t *testing.T) {
	url := "/api/collections/users/records/" + testapp.ResidentA
	scenarios := []tests.ApiScenario{
		{
			Name:            "a resident's change of their own NIK is refused with account_nik_fixed",
			Method:          http.MethodPatch,
			URL:             url,
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			Body:            strings.NewReader(`{"nik":"6471016506950003"}`),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"nik":{"code":"account_nik_fixed"`},
			TestAppFactory:  servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				user, _ := app.FindRecordById("users", testapp.ResidentA)
				if user.GetString("nik") != testapp.ResidentANIK {
					t.Fatalf("the NIK changed to %s", user.GetString("nik"))
				}
			},
		},
		{
			Name:            "a resident may still change name and phone (the same NIK sent back is fine)",
			Method:          http.MethodPatch,
			URL:             url,
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			Body:            strings.NewReader(`{"name":"Budi S.","phone":"081298765432","nik":"` + testapp.ResidentANIK + `"}`),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"name":"Budi S."`, `"phone":"081298765432"`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "staff may correct a NIK",
			Method:          http.MethodPatch,
			URL:             url,
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            strings.NewReader(`{"nik":"6471016506950003"}`),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"nik":"6471016506950003"`},
			TestAppFactory:  servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				events := accountEvents(t, app)
				if len(events) != 1 {
					t.Fatalf("%d account events, want 1", len(events))
				}
				e := events[0]
				want := map[string]string{"user": testapp.ResidentA, "kind": "nik_changed", "from": "647105******0001",
					"to": "647101******0003", "actor": testapp.Staff, "actor_email": testapp.StaffEmail}
				for field, value := range want {
					if got := e.GetString(field); got != value {
						t.Errorf("account event %s = %q, want %q", field, got, value)
					}
				}
				if since := time.Since(e.GetDateTime("created").Time()); since < 0 || since > time.Minute {
					t.Errorf("account event created %v ago", since)
				}
			},
		},
		{
			Name:            "a staff change to an invalid NIK is refused and records nothing",
			Method:          http.MethodPatch,
			URL:             url,
			Headers:         testapp.AuthHeader(t, testapp.Staff),
			Body:            strings.NewReader(`{"nik":"6471010000000003"}`),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"nik":{"code":"nik_day"`},
			TestAppFactory:  servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if events := accountEvents(t, app); len(events) != 0 {
					t.Errorf("account events %v after a refused change", events)
				}
			},
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

func accountEvents(t testing.TB, app core.App) []*core.Record {
	t.Helper()
	events, err := app.FindAllRecords("account_events")
	if err != nil {
		t.Fatal(err)
	}
	return events
}

// TestAccountEventsAreStaffOnlyAndAppendOnly: residents cannot read the
// audit of account changes; staff read it and can neither add, change nor
// delete a row through the API.
func TestAccountEventsAreStaffOnlyAndAppendOnly(t *testing.T) {
	const url = "/api/collections/account_events/records"
	withEvent := func(t testing.TB) *tests.TestApp {
		app := servertest.Factory(t)
		collection, err := app.FindCollectionByNameOrId("account_events")
		if err != nil {
			t.Fatal(err)
		}
		event := core.NewRecord(collection)
		event.Id = "acctevtaaaaaaaa"
		event.Load(map[string]any{"user": testapp.ResidentA, "kind": "nik_changed", "from": "647105******0001", "to": "647101******0003", "actor": testapp.Staff})
		if err := app.Save(event); err != nil {
			t.Fatal(err)
		}
		return app
	}
	scenarios := []tests.ApiScenario{
		{Name: "the resident cannot list them", Method: http.MethodGet, URL: url, Headers: testapp.AuthHeader(t, testapp.ResidentA),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`"data":{}`}},
		{Name: "staff read them", Method: http.MethodGet, URL: url, Headers: testapp.AuthHeader(t, testapp.Staff),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"totalItems":1`, `"from":"647105******0001"`}},
		{Name: "staff cannot add one", Method: http.MethodPost, URL: url, Headers: testapp.AuthHeader(t, testapp.Staff),
			Body: strings.NewReader(`{"user":"` + testapp.ResidentA + `","kind":"nik_changed"}`), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`}},
		{Name: "nor change one", Method: http.MethodPatch, URL: url + "/acctevtaaaaaaaa", Headers: testapp.AuthHeader(t, testapp.Staff),
			Body: strings.NewReader(`{"to":"647101******0009"}`), ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`"data":{}`}},
		{Name: "nor delete one", Method: http.MethodDelete, URL: url + "/acctevtaaaaaaaa", Headers: testapp.AuthHeader(t, testapp.Staff),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`"data":{}`}},
	}
	for _, scenario := range scenarios {
		scenario.TestAppFactory = withEvent
		scenario.Test(t)
	}
}

func TestSignIn(t *testing.T) {
	auth := func(collection, identity string) *strings.Reader {
		return strings.NewReader(`{"identity":"` + identity + `","password":"` + testapp.Password + `"}`)
	}
	scenarios := []tests.ApiScenario{
		{
			Name:            "a resident signs in with the NIK",
			Method:          http.MethodPost,
			URL:             "/api/collections/users/auth-with-password",
			Body:            auth("users", testapp.ResidentANIK),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"token":"`, `"id":"` + testapp.ResidentA + `"`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:            "a resident signs in with the e-mail",
			Method:          http.MethodPost,
			URL:             "/api/collections/users/auth-with-password",
			Body:            auth("users", testapp.ResidentAEmail),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"token":"`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:               "a staff password alone gives no session: the second factor is asked for",
			Method:             http.MethodPost,
			URL:                "/api/collections/_superusers/auth-with-password",
			Body:               auth(core.CollectionNameSuperusers, testapp.StaffEmail),
			ExpectedStatus:     http.StatusUnauthorized,
			ExpectedContent:    []string{`"mfaId":"`},
			NotExpectedContent: []string{`"token"`},
			TestAppFactory:     servertest.Factory,
		},
		{
			Name:            "staff can ask for the e-mailed one-time code",
			Method:          http.MethodPost,
			URL:             "/api/collections/_superusers/request-otp",
			Body:            strings.NewReader(`{"email":"` + testapp.StaffEmail + `"}`),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"otpId":"`},
			TestAppFactory:  servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				waitForMail(app)
				if app.TestMailer.TotalSend() != 1 || !strings.Contains(app.TestMailer.LastMessage().HTML, "Kode sekali pakai") {
					t.Fatalf("expected one OTP e-mail, got %d", app.TestMailer.TotalSend())
				}
			},
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

func TestFinaliseNeedsVerifiedEmail(t *testing.T) {
	url := "/api/collections/applications/records/" + testapp.ApplicationA
	submit := func() *strings.Reader { return strings.NewReader(`{"status":"submitted"}`) }
	scenarios := []tests.ApiScenario{
		{
			Name:            "while the setting is on, an unverified account's finalise is refused",
			Method:          http.MethodPatch,
			URL:             url,
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			Body:            submit(),
			BeforeTestFunc:  func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { unverify(t, app, testapp.ResidentA) },
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"owner":{"code":"account_email_not_verified"`},
			TestAppFactory:  withVerifiedEmailRule(true),
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				application, _ := app.FindRecordById("applications", testapp.ApplicationA)
				if application.GetString("status") != "uploading" {
					t.Fatalf("status is %s", application.GetString("status"))
				}
			},
		},
		{
			Name:               "with the setting off, the same finalise goes on to the workflow's own checks",
			Method:             http.MethodPatch,
			URL:                url,
			Headers:            testapp.AuthHeader(t, testapp.ResidentA),
			Body:               submit(),
			BeforeTestFunc:     func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { unverify(t, app, testapp.ResidentA) },
			ExpectedStatus:     http.StatusBadRequest,
			NotExpectedContent: []string{"account_email_not_verified"},
			TestAppFactory:     withVerifiedEmailRule(false),
		},
		{
			Name:               "a verified account is not held back",
			Method:             http.MethodPatch,
			URL:                url,
			Headers:            testapp.AuthHeader(t, testapp.ResidentA),
			Body:               submit(),
			ExpectedStatus:     http.StatusBadRequest,
			NotExpectedContent: []string{"account_email_not_verified"},
			TestAppFactory:     withVerifiedEmailRule(true),
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

func TestRegistrationSendsVerification(t *testing.T) {
	body := `{"email":"dewi@test.dukcapil.test","password":"rahasia-123","passwordConfirm":"rahasia-123","name":"Dewi Lestari","nik":"6471016506950003"}`
	scenario := tests.ApiScenario{
		Method:          http.MethodPost,
		URL:             "/api/collections/users/records",
		Body:            strings.NewReader(body),
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"verified":false`},
		TestAppFactory:  servertest.Factory,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			waitForMail(app)
			message := app.TestMailer.LastMessage()
			if app.TestMailer.TotalSend() != 1 || !strings.Contains(message.HTML, "/akun/verifikasi?token=") || !strings.Contains(message.HTML, "Konfirmasi email") {
				t.Fatalf("expected the verification e-mail with a link to the app, got %d: %s", app.TestMailer.TotalSend(), message.HTML)
			}
		},
	}
	scenario.Test(t)
}

func TestSignOutEverywhere(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{
			Name:            "guests cannot",
			Method:          http.MethodPost,
			URL:             "/api/accounts/sign-out-everywhere",
			ExpectedStatus:  http.StatusUnauthorized,
			ExpectedContent: []string{`"data":{}`},
			TestAppFactory:  servertest.Factory,
		},
		{
			Name:           "a resident ends every session and loses every push subscription",
			Method:         http.MethodPost,
			URL:            "/api/accounts/sign-out-everywhere",
			Headers:        testapp.AuthHeader(t, testapp.ResidentA),
			ExpectedStatus: http.StatusNoContent,
			TestAppFactory: servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				user, _ := app.FindRecordById("users", testapp.ResidentA)
				if _, err := app.FindAuthRecordByToken(testapp.AuthHeader(t, testapp.ResidentA)["Authorization"], core.TokenTypeAuth); err == nil {
					t.Fatal("the old token still works")
				}
				if n, _ := app.CountRecords("push_subscriptions"); n != 1 {
					t.Fatalf("%d subscriptions left, want only B's", n)
				}
				_ = user
			},
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

func TestPushRevoke(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{
			Name:           "a wrong auth secret removes nothing",
			Method:         http.MethodPost,
			URL:            "/api/accounts/push-revoke",
			Body:           strings.NewReader(`{"endpoint":"https://push.example.test/a","auth":"wrong"}`),
			ExpectedStatus: http.StatusNoContent,
			TestAppFactory: servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById("push_subscriptions", testapp.SubA); err != nil {
					t.Fatal("the subscription was removed")
				}
			},
		},
		{
			Name:           "the endpoint with its auth secret removes the subscription, without a session",
			Method:         http.MethodPost,
			URL:            "/api/accounts/push-revoke",
			Body:           strings.NewReader(`{"endpoint":"https://push.example.test/a","auth":"autha"}`),
			ExpectedStatus: http.StatusNoContent,
			TestAppFactory: servertest.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById("push_subscriptions", testapp.SubA); err == nil {
					t.Fatal("the subscription is still there")
				}
			},
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

// waitForMail waits up to two seconds for an e-mail sent in the background.
func waitForMail(app *tests.TestApp) {
	for i := 0; i < 100 && app.TestMailer.TotalSend() == 0; i++ {
		time.Sleep(20 * time.Millisecond)
	}
}
