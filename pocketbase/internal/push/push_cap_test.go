package push_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

// TestSubscriptionsCapReplacesOldest: a resident keeps at most
// MaxSubscriptions push subscriptions; subscribing one more replaces the
// oldest, and another resident's are untouched.
func TestSubscriptionsCapReplacesOldest(t *testing.T) {
	d := newDeviceKeys(t, "browser", "")
	data, _ := json.Marshal(map[string]string{
		"owner": testapp.ResidentA, "endpoint": "https://fcm.googleapis.com/fcm/send/newest",
		"p256dh": d.p256dh(), "auth": d.authKey(),
	})
	h := testapp.AuthHeader(t, testapp.ResidentA)

	scenario := tests.ApiScenario{
		Name:    "the 11th subscription replaces the oldest",
		Method:  http.MethodPost,
		URL:     "/api/collections/push_subscriptions/records",
		Body:    strings.NewReader(string(data)),
		Headers: map[string]string{"Authorization": h["Authorization"], "Content-Type": "application/json"},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := testapp.Factory(t)
			push.Register(app, push.Config{Interval: -1})
			return app
		},
		BeforeTestFunc: func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
			c, _ := app.FindCollectionByNameOrId(collections.PushSubscriptions)
			// the fixture's SubA is the oldest; 9 more make the cap
			old := time.Now().Add(-time.Hour).UTC().Format("2006-01-02 15:04:05.000Z")
			if _, err := app.DB().Update(collections.PushSubscriptions, dbx.Params{"created": old}, dbx.HashExp{"id": testapp.SubA}).Execute(); err != nil {
				t.Fatal(err)
			}
			for i := range push.MaxSubscriptions - 1 {
				r := core.NewRecord(c)
				r.Load(map[string]any{"owner": testapp.ResidentA, "endpoint": fmt.Sprintf("https://fcm.googleapis.com/fcm/send/%d", i),
					"p256dh": d.p256dh(), "auth": d.authKey()})
				if err := app.Save(r); err != nil {
					t.Fatal(err)
				}
			}
		},
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"endpoint":"https://fcm.googleapis.com/fcm/send/newest"`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			subs, err := app.FindAllRecords(collections.PushSubscriptions, dbx.HashExp{"owner": testapp.ResidentA})
			if err != nil {
				t.Fatal(err)
			}
			if len(subs) != push.MaxSubscriptions {
				t.Errorf("%d subscriptions, want %d", len(subs), push.MaxSubscriptions)
			}
			if _, err := app.FindRecordById(collections.PushSubscriptions, testapp.SubA); err == nil {
				t.Error("the oldest subscription was kept")
			}
			if _, err := app.FindRecordById(collections.PushSubscriptions, testapp.SubB); err != nil {
				t.Error("another resident's subscription went")
			}
		},
	}
	scenario.Test(t)
}
