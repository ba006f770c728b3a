package workflow

import (
	"fmt"
	"slices"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/trail"
)

const (
	documentsLinkHookId      = "dukcapilDocumentsLink"
	documentsSupersedeHookId = "dukcapilDocumentsSupersede"
	supersededAtField        = "superseded_at"
)

// registerDocumentsLink keeps applications.documents (the documents of an
// application as it stands) and applications.superseded_documents (those
// the resident replaced or removed), the lists that staff see (and open) on
// the application in the dashboard, in step with the documents collection:
// a new or superseded document is listed in the transaction that saves it.
// A deleted document leaves the lists by PocketBase's own clean-up of
// relation references.
//
// It also guards a resident's update of a document, which the API rule
// limits to marking it superseded or moving it to another page (its place
// among the files of its requirement): the application must still be uploading
// or needs_revision in the transaction of the change (a resubmission may
// have locked it meanwhile), and the server stamps superseded_at.
func registerDocumentsLink(app core.App) {
	relist := func(e *core.RecordEvent) error {
		original := e.App
		defer func() { e.App = original }()
		return original.RunInTransaction(func(tx core.App) error {
			e.App = tx
			if err := e.Next(); err != nil {
				return err
			}
			return SyncDocumentList(tx, e.Record.GetString("application"))
		})
	}
	app.OnRecordCreateExecute(collections.Documents).Bind(&hook.Handler[*core.RecordEvent]{Id: documentsLinkHookId, Func: relist})
	app.OnRecordUpdateExecute(collections.Documents).Bind(&hook.Handler[*core.RecordEvent]{Id: documentsLinkHookId, Func: relist})
	app.OnRecordUpdateRequest(collections.Documents).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   documentsSupersedeHookId,
		Func: onSupersede,
	})
}

// onSupersede checks and stamps a resident's marking of a document as
// superseded (marking it again changes nothing) and checks a move of a
// document to another page (checkPageMove). Staff go through onStaffUpdate.
func onSupersede(e *core.RecordRequestEvent) error {
	if e.HasSuperuserAuth() {
		return onStaffUpdate(e)
	}
	return trail.InTransaction(e, func(tx core.App) error {
		application, err := tx.FindRecordById(collections.Applications, e.Record.GetString("application"))
		if err != nil {
			return err
		}
		if status := application.GetString("status"); !slices.Contains(editableStatuses, status) {
			return apis.NewBadRequestError("The application cannot be changed now.", validation.Errors{
				"application": validation.NewError(CodeApplicationLocked, fmt.Sprintf(
					"The application is %q: its documents can change only while it is %q or %q.", status, StatusUploading, StatusNeedsRevision))})
		}
		if err := checkPageMove(application, e.Record); err != nil {
			return apis.NewBadRequestError("The page cannot be moved there.", err)
		}
		if e.Record.Original().GetBool("superseded") || !e.Record.GetBool("superseded") {
			e.Record.Set(supersededAtField, e.Record.Original().GetDateTime(supersededAtField))
		} else {
			e.Record.Set(supersededAtField, types.NowDateTime())
		}
		return e.Next()
	})
}

// onStaffUpdate checks a staff change of a document in the dashboard. Staff
// may change a document whatever the application's status, but its page
// keeps the bounds of a resident's move (checkPageMove): 1 to the maxFiles
// of the kind it has after the change, on a file that is not superseded. As
// for a resident, two files may share a page for a moment (a swap of two
// pages takes two saves). A missing application is left to the relation
// field's own validation.
func onStaffUpdate(e *core.RecordRequestEvent) error {
	application, err := e.App.FindRecordById(collections.Applications, e.Record.GetString("application"))
	if err != nil {
		return e.Next()
	}
	if err := checkPageMove(application, e.Record); err != nil {
		return apis.NewBadRequestError("The page cannot be moved there.", err)
	}
	return e.Next()
}

// SyncDocumentList sets applications.documents of the application with
// the given id to its documents that are not superseded, and
// applications.superseded_documents to the others: the files of a
// requirement together (the requirements in the order their first file
// arrived), by page, and the superseded ones in the order they were added. It writes with SQL: the lists are derived data, so the
// application's updated time and hooks are left alone.
func SyncDocumentList(tx core.App, application string) error {
	_, err := tx.NonconcurrentDB().NewQuery(
		"UPDATE {{applications}} SET " +
			"[[documents]] = (SELECT json_group_array([[id]]) FROM (SELECT [[id]] FROM {{documents}} " +
			"WHERE [[application]] = {:id} AND [[superseded]] = FALSE ORDER BY " + pageOrder + ")), " +
			"[[superseded_documents]] = (SELECT json_group_array([[id]]) FROM (SELECT [[id]] FROM {{documents}} " +
			"WHERE [[application]] = {:id} AND [[superseded]] = TRUE ORDER BY [[rowid]])) " +
			"WHERE [[id]] = {:id}",
	).Bind(dbx.Params{"id": application}).Execute()
	return err
}

// pageOrder sorts the documents of one application for staff: the files of
// a requirement together, by page (then by arrival, for equal pages).
const pageOrder = "(SELECT MIN(d.[[rowid]]) FROM {{documents}} AS d WHERE d.[[application]] = {{documents}}.[[application]] " +
	"AND d.[[kind]] = {{documents}}.[[kind]]), [[page]], [[rowid]]"
