package workflow

import (
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
)

// writeEvent appends the application_events row of a status change; call
// it with the transaction app of the change.
func writeEvent(tx core.App, application, from, to string, who actor, note string) error {
	collection, err := tx.FindCachedCollectionByNameOrId(collections.ApplicationEvents)
	if err != nil {
		return err
	}
	event := core.NewRecord(collection)
	event.Set("application", application)
	event.Set("from", from)
	event.Set("to", to)
	event.Set("actor", who.id)
	event.Set("actor_kind", who.kind)
	event.Set("note", note)
	return tx.Save(event)
}
