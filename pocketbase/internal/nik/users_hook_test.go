package nik_test

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/nik"
	"dukcapil-daring/server/internal/testapp"
)

func TestMain(m *testing.M) {
	os.Exit(testapp.Run(m))
}

func appWithNikHook(t testing.TB) *tests.TestApp {
	app := testapp.Factory(t)
	nik.Register(app)
	return app
}

func registration(email, nikValue, password string) *strings.Reader {
	return strings.NewReader(`{"email":"` + email + `","password":"` + password + `","passwordConfirm":"` + password +
		`","name":"Dewi Lestari","nik":"` + nikValue + `","phone":"081234567890","locale":"id"}`)
}

func TestRegistrationNik(t *testing.T) {
	const url = "/api/collections/users/records"

	scenarios := []tests.ApiScenario{
		{
			Name:            "a valid registration",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration("dewi@test.dukcapil.test", "6471016506950003", "rahasia-123"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"nik":"6471016506950003"`, `"name":"Dewi Lestari"`},
		},
		{
			Name:               "a bad province is refused with its code",
			Method:             http.MethodPost,
			URL:                url,
			Body:               registration("dewi@test.dukcapil.test", "1071051205900001", "rahasia-123"),
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"data":{"nik":{"code":"nik_province","message":"`},
			NotExpectedContent: []string{"validation_invalid_format"},
		},
		{
			Name:            "a short NIK is refused with nik_length next to other field errors",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration("not-an-email", "647105", "rahasia-123"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"nik":{"code":"nik_length"`, `"email":{"code":"validation_is_email"`},
		},
		{
			Name:            "a missing NIK is required",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration("dewi@test.dukcapil.test", "", "rahasia-123"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"nik":{"code":"validation_required"`},
		},
		{
			Name:            "a taken NIK",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration("dewi@test.dukcapil.test", testapp.ResidentANIK, "rahasia-123"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"nik":{"code":"nik_taken"`},
		},
		{
			Name:            "a taken email",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration(testapp.ResidentAEmail, "6471016506950003", "rahasia-123"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"email":{"code":"validation_not_unique"`},
		},
		{
			Name:            "a weak password",
			Method:          http.MethodPost,
			URL:             url,
			Body:            registration("dewi@test.dukcapil.test", "6471016506950003", "1234567"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"password":{"code":"validation_min_text_constraint"`},
		},
		{
			Name:            "a bad NIK on a profile update is refused",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.ResidentA,
			Body:            strings.NewReader(`{"nik":"6471051205900000"}`),
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"nik":{"code":"nik_serial"`},
		},
		{
			Name:            "another resident's NIK on a profile update is refused",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.ResidentA,
			Body:            strings.NewReader(`{"nik":"` + testapp.ResidentBNIK + `"}`),
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{"nik":{"code":"nik_taken"`},
		},
		{
			Name:            "keeping one's own NIK on update is fine",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.ResidentA,
			Body:            strings.NewReader(`{"nik":"` + testapp.ResidentANIK + `","name":"Budi S."}`),
			Headers:         testapp.AuthHeader(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"name":"Budi S."`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = appWithNikHook
		s.Test(t)
	}
}

func TestSaveFromServerCodeIsValidatedToo(t *testing.T) {
	app := testapp.New(t)
	nik.Register(app)

	user, err := app.FindRecordById("users", testapp.ResidentB)
	if err != nil {
		t.Fatal(err)
	}
	user.Set("nik", "6471051213900001")
	err = app.Save(user)
	if err == nil || !strings.Contains(err.Error(), "nik") {
		t.Fatalf("expected a nik error, got %v", err)
	}
	tests.TestValidationErrors(t, err, []string{"nik"})
}
