package workflow_test

import (
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/servertest"
	"dukcapil-daring/server/internal/testapp"
)

// TestUnknownKeysRefused: answers with a key that the service's form does
// not have (at the top, in a person beside its parts) are refused at that
// key with unknown_key, in the same answer as the other errors; the same
// answers without it are received.
func TestUnknownKeysRefused(t *testing.T) {
	a := testapp.ResidentA
	url := applicationsURL + "/" + testapp.ApplicationA
	ready := func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		readyToSubmit(t, app, testapp.ApplicationA, a, nil)
	}
	finalise := func(t testing.TB, answers map[string]any) *strings.Reader {
		return strings.NewReader(`{"status":"submitted","data":` + mustJSON(t, answers) + `}`)
	}
	withHeadPart := func(t testing.TB) map[string]any {
		answers := lostFamilyCard(t)
		head := maps.Clone(answers["head"].(map[string]any))
		head["hobi"] = "memancing"
		return withChange(answers, "head", head)
	}
	scenarios := []tests.ApiScenario{
		{
			Name:               "a key beside the form's fields is refused at that key",
			Method:             http.MethodPatch,
			URL:                url,
			Body:               finalise(t, withChange(lostFamilyCard(t), "pertanyaan_lama", "ya")),
			Headers:            as(t, a),
			BeforeTestFunc:     ready,
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"data":{"pertanyaan_lama":{"code":"unknown_key"`},
			NotExpectedContent: []string{`"status":"submitted"`},
		},
		{
			Name:               "so is a __proto__ key (JSON.parse makes it a key in the app too)",
			Method:             http.MethodPatch,
			URL:                url,
			Body:               finalise(t, withChange(lostFamilyCard(t), "__proto__", map[string]any{"admin": true})),
			Headers:            as(t, a),
			BeforeTestFunc:     ready,
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"data":{"__proto__":{"code":"unknown_key"`},
			NotExpectedContent: []string{`"status":"submitted"`},
		},
		{
			Name:            "a key beside a person's parts is refused at its path, with the other errors",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            finalise(t, withChange(withHeadPart(t), "kk_number", "123")),
			Headers:         as(t, a),
			BeforeTestFunc:  ready,
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"head.hobi":{"code":"unknown_key"`, `"kk_number":{"code":"kk_format"`},
		},
		{
			Name:            "the same answers without the unknown key are received",
			Method:          http.MethodPatch,
			URL:             url,
			Body:            finalise(t, lostFamilyCard(t)),
			Headers:         as(t, a),
			BeforeTestFunc:  ready,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"status":"submitted"`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = servertest.Factory
		s.Test(t)
	}
}
