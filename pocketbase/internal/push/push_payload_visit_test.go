package push_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/push"
	"dukcapil-daring/server/internal/testapp"
)

// TestPayloadOfVisitReminder: a reminder (notifications.appointment set)
// opens the visit's ticket and is tagged per visit.
func TestPayloadOfVisitReminder(t *testing.T) {
	app := testapp.New(t)
	c, err := app.FindCollectionByNameOrId("notifications")
	if err != nil {
		t.Fatal(err)
	}
	n := core.NewRecord(c)
	n.Id = "ntfvisit0000001"
	n.Set("kind", "visit_reminder")
	n.Set("appointment", "visitaaaaaaaaa1")
	p := push.NewPayload(n, "")
	if p.URL != "/kunjungan/visitaaaaaaaaa1" || p.Tag != "visit-visitaaaaaaaaa1" {
		t.Errorf("url %q tag %q", p.URL, p.Tag)
	}
}
