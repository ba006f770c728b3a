// Package workflow enforces the application status workflow of DESIGN.md
// ("Application status") on the applications API: which status changes a
// resident and staff may make, that the answers are frozen once submitted,
// the checks and stamps of finalising (validation against the catalog, the
// required documents, the submission time, the subject and the reference
// number), the conditions of the staff decisions (a result PDF to complete,
// a note to ask for a revision or to reject), and the application_events
// audit row of every status change and the notifications row of every
// change the resident should hear about (texts in workflow_texts.go), both
// written in the same transaction as the change.
package workflow

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

// Application statuses (DESIGN.md "Application status").
const (
	StatusUploading     = "uploading"
	StatusSubmitted     = "submitted"
	StatusQueued        = "queued"
	StatusInProcess     = "in_process"
	StatusCompleted     = "completed"
	StatusNeedsRevision = "needs_revision"
	StatusRejected      = "rejected"
	StatusCancelled     = "cancelled"
)

// Error codes of the field errors this package returns.
const (
	CodeTransitionForbidden = "transition_forbidden"
	CodeApplicationLocked   = "application_locked"
	CodeDocumentMissing     = "document_missing"
	CodeStatusChanged       = "status_changed"
	CodeResultRequired      = "result_required"
	CodeNoteRequired        = "note_required"
	CodeServiceImmutable    = "service_immutable"
	CodeDocumentLimit       = "document_limit"
)

const (
	createHookId = "dukcapilApplicationsCreate"
	updateHookId = "dukcapilApplicationsUpdate"
)

// Register binds the workflow to the create and update requests of the
// applications API (the records API and the dashboard): the resident and
// staff transition tables, the answers lock, finalising, the event of every
// status change and the notification of every change the resident should
// hear about, written in the transaction of the change. It also keeps the
// events and notifications append-only through the API and the
// application's list of documents in step. Records saved by server code
// (the morning intake, the seed) are not checked here.
func Register(app core.App) {
	registerAudit(app)
	registerDocumentsLink(app)
	registerPages(app)

	app.OnRecordCreateRequest(collections.Applications).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   createHookId,
		Func: onCreate,
	})
	app.OnRecordUpdateRequest(collections.Applications).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   updateHookId,
		Func: onUpdate,
	})
}
