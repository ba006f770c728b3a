package workflow

import (
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/trail"
)

// writeEvent appends the application_events row of a status change; call
// it with the transaction app of the change.
func writeEvent(tx core.App, application, from, to string, who trail.Actor, note string) error {
	return trail.AppendEvent(tx, collections.ApplicationEvents, "application", application, from, to, who, note)
}
