package workflow

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

const documentsLinkHookId = "dukcapilDocumentsLink"

// registerDocumentsLink keeps applications.documents, the list of an
// application's documents that staff see (and open) on the application in
// the dashboard, in step with the documents collection: a new document is
// added in the transaction that creates it. A deleted document leaves the
// list by PocketBase's own clean-up of relation references.
func registerDocumentsLink(app core.App) {
	app.OnRecordCreateExecute(collections.Documents).Bind(&hook.Handler[*core.RecordEvent]{
		Id: documentsLinkHookId,
		Func: func(e *core.RecordEvent) error {
			original := e.App
			defer func() { e.App = original }()
			return original.RunInTransaction(func(tx core.App) error {
				e.App = tx
				if err := e.Next(); err != nil {
					return err
				}
				return SyncDocumentList(tx, e.Record.GetString("application"))
			})
		},
	})
}

// SyncDocumentList sets applications.documents of the application with
// the given id to its documents in the order they were created. It writes
// with SQL: the list is derived data, so the application's updated time and
// hooks are left alone.
func SyncDocumentList(tx core.App, application string) error {
	_, err := tx.NonconcurrentDB().NewQuery(
		"UPDATE {{applications}} SET [[documents]] = (" +
			"SELECT json_group_array([[id]]) FROM (SELECT [[id]] FROM {{documents}} WHERE [[application]] = {:id} ORDER BY [[rowid]])" +
			") WHERE [[id]] = {:id}",
	).Bind(dbx.Params{"id": application}).Execute()
	return err
}
