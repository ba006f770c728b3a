package migrations_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// send makes n requests through the app's router, as the same client.
func send(t testing.TB, e *core.ServeEvent, n int, method, url, body string) {
	t.Helper()

	mux, err := e.Router.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		req := httptest.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		if rec.Code == http.StatusTooManyRequests {
			t.Fatalf("request %d of %d was already rate limited", i+1, n)
		}
	}
}

func TestRateLimits(t *testing.T) {
	const signIn = "/api/collections/users/auth-with-password"
	wrongPassword := `{"identity":"` + testapp.ResidentAEmail + `","password":"wrong-password"}`
	rightPassword := `{"identity":"` + testapp.ResidentAEmail + `","password":"` + testapp.Password + `"}`
	registration := func(i int) string {
		return `{"email":"new` + string(rune('a'+i)) + `@test.dukcapil.test","password":"rahasia-123","passwordConfirm":"rahasia-123","name":"X","nik":"647105120590000` + string(rune('1'+i)) + `"}`
	}

	scenarios := []tests.ApiScenario{
		{
			Name:            "sign-in works below the limit",
			Method:          http.MethodPost,
			URL:             signIn,
			Body:            strings.NewReader(rightPassword),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"token":`},
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				send(t, e, 9, http.MethodPost, signIn, wrongPassword)
			},
		},
		{
			Name:            "the 11th sign-in on one identity at once is refused (internal/limits)",
			Method:          http.MethodPost,
			URL:             signIn,
			Body:            strings.NewReader(rightPassword),
			ExpectedStatus:  http.StatusTooManyRequests,
			ExpectedContent: []string{`"status":429`},
			TestAppFactory:  servertest.Factory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				send(t, e, 10, http.MethodPost, signIn, wrongPassword)
			},
		},
		{
			Name:            "registration per address: the 201st within 10 minutes is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/users/records",
			Body:            strings.NewReader(registration(10)),
			ExpectedStatus:  http.StatusTooManyRequests,
			ExpectedContent: []string{`"status":429`},
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				// refused bodies (no password) count the same and cost nothing
				send(t, e, 200, http.MethodPost, "/api/collections/users/records", `{"email":"x@test.dukcapil.test"}`)
			},
		},
		{
			Name:            "the limits can be turned off through the settings",
			Method:          http.MethodPost,
			URL:             signIn,
			Body:            strings.NewReader(rightPassword),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"token":`},
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				app.Settings().RateLimits.Enabled = false
				if err := app.Save(app.Settings()); err != nil {
					t.Fatal(err)
				}
				send(t, e, 20, http.MethodPost, signIn, wrongPassword)
			},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.Factory
		}
		s.Test(t)
	}
}
