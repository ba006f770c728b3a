package migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/testapp"
)

func TestEventsRules(t *testing.T) {
	const url = "/api/collections/application_events/records"
	a := testapp.ResidentA

	scenarios := []tests.ApiScenario{
		{
			Name:               "A lists only the events of A's applications",
			Method:             http.MethodGet,
			URL:                url,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, testapp.EventA},
			NotExpectedContent: []string{testapp.EventB},
		},
		{
			Name:            "A cannot view B's event",
			Method:          http.MethodGet,
			URL:             url + "/" + testapp.EventB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot write an event",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(`{"application":"` + testapp.ApplicationA + `","to":"completed"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot change an event",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.EventA,
			Body:            strings.NewReader(`{"to":"completed"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot delete an event",
			Method:          http.MethodDelete,
			URL:             url + "/" + testapp.EventA,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

func TestNotificationsRules(t *testing.T) {
	const url = "/api/collections/notifications/records"
	a := testapp.ResidentA

	scenarios := []tests.ApiScenario{
		{
			Name:               "A lists only A's notifications",
			Method:             http.MethodGet,
			URL:                url,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, testapp.NotifA},
			NotExpectedContent: []string{testapp.NotifB},
		},
		{
			Name:            "A cannot view B's notification",
			Method:          http.MethodGet,
			URL:             url + "/" + testapp.NotifB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A marks A's notification as read",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.NotifA,
			Body:            strings.NewReader(`{"read":true}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"read":true`},
		},
		{
			Name:            "A cannot mark B's notification as read",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.NotifB,
			Body:            strings.NewReader(`{"read":true}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot create a notification",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(`{"owner":"` + a + `","title":"x"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot delete a notification",
			Method:          http.MethodDelete,
			URL:             url + "/" + testapp.NotifA,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
	}
	for field, value := range map[string]string{
		"title": `"x"`, "body": `"x"`, "kind": `"completed"`, "delivery": `"sent"`,
		"attempts": `5`, "owner": `"` + testapp.ResidentB + `"`, "application": `""`,
		"delivered_at": `"2026-11-28 00:00:00.000Z"`,
	} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "A cannot change " + field,
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.NotifA,
			Body:            strings.NewReader(`{"read":true,"` + field + `":` + value + `}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		})
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

func TestPushSubscriptionsRules(t *testing.T) {
	const url = "/api/collections/push_subscriptions/records"
	a, b := testapp.ResidentA, testapp.ResidentB
	subscription := func(owner, endpoint string) *strings.Reader {
		return strings.NewReader(`{"owner":"` + owner + `","endpoint":"` + endpoint + `","p256dh":"k","auth":"s","user_agent":"test"}`)
	}

	scenarios := []tests.ApiScenario{
		{
			Name:               "A lists only A's subscriptions",
			Method:             http.MethodGet,
			URL:                url,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, testapp.SubA},
			NotExpectedContent: []string{testapp.SubB},
		},
		{
			Name:            "A cannot view B's subscription",
			Method:          http.MethodGet,
			URL:             url + "/" + testapp.SubB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A subscribes",
			Method:          http.MethodPost,
			URL:             url,
			Body:            subscription(a, "https://push.example.test/new"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"endpoint":"https://push.example.test/new"`},
		},
		{
			Name:            "an endpoint is unique",
			Method:          http.MethodPost,
			URL:             url,
			Body:            subscription(a, "https://push.example.test/a"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"endpoint":{"code":"validation_not_unique"`},
		},
		{
			Name:            "A cannot subscribe for B",
			Method:          http.MethodPost,
			URL:             url,
			Body:            subscription(b, "https://push.example.test/other"),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "a guest cannot subscribe",
			Method:          http.MethodPost,
			URL:             url,
			Body:            subscription(a, "https://push.example.test/guest"),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "subscriptions cannot be updated",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.SubA,
			Body:            strings.NewReader(`{"failures":0}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot delete B's subscription",
			Method:          http.MethodDelete,
			URL:             url + "/" + testapp.SubB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:           "A unsubscribes",
			Method:         http.MethodDelete,
			URL:            url + "/" + testapp.SubA,
			Headers:        as(t, a),
			ExpectedStatus: http.StatusNoContent,
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

func TestOfficeDaysRules(t *testing.T) {
	const url = "/api/collections/office_days/records"
	day := `{"date":"2027-01-01","kind":"holiday","name":"Tahun Baru 2027 Masehi"}`

	scenarios := []tests.ApiScenario{
		{
			Name:            "guests read the calendar",
			Method:          http.MethodGet,
			URL:             url + "?perPage=100&sort=date",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"totalItems":25`, `"date":"2026-08-17"`, `"kind":"cuti_bersama"`},
		},
		{
			Name:            "a guest cannot add a day",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(day),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "a resident cannot add a day",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(day),
			Headers:         as(t, testapp.ResidentA),
			ExpectedStatus:  http.StatusForbidden,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "staff add a day",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(day),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"date":"2027-01-01"`},
		},
		{
			Name:            "a date is unique",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(`{"date":"2026-08-17","kind":"holiday"}`),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"date":{"code":"validation_not_unique"`},
		},
		{
			Name:            "a date is YYYY-MM-DD",
			Method:          http.MethodPost,
			URL:             url,
			Body:            strings.NewReader(`{"date":"17-08-2027","kind":"holiday"}`),
			Headers:         as(t, testapp.Staff),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"date":{"code":"validation_invalid_format"`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

func TestUsersRules(t *testing.T) {
	const url = "/api/collections/users/records"
	a := testapp.ResidentA

	scenarios := []tests.ApiScenario{
		{
			Name:               "A lists only A",
			Method:             http.MethodGet,
			URL:                url,
			Headers:            as(t, a),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`"totalItems":1`, a},
			NotExpectedContent: []string{testapp.ResidentB},
		},
		{
			Name:            "A cannot view B",
			Method:          http.MethodGet,
			URL:             url + "/" + testapp.ResidentB,
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A cannot update B",
			Method:          http.MethodPatch,
			URL:             url + "/" + testapp.ResidentB,
			Body:            strings.NewReader(`{"name":"X"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusNotFound,
			ExpectedContent: []string{`"data":{}`},
		},
		{
			Name:            "A updates A's phone",
			Method:          http.MethodPatch,
			URL:             url + "/" + a,
			Body:            strings.NewReader(`{"phone":"+6281234567890","locale":"en"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"phone":"+6281234567890"`, `"locale":"en"`},
		},
		{
			Name:            "a phone must be Indonesian",
			Method:          http.MethodPatch,
			URL:             url + "/" + a,
			Body:            strings.NewReader(`{"phone":"12345"}`),
			Headers:         as(t, a),
			ExpectedStatus:  http.StatusBadRequest,
			ExpectedContent: []string{`"phone":{"code":"validation_invalid_format"`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}
