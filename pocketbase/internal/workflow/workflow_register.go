// Package workflow enforces the application status workflow of DESIGN.md
// ("Application status") on the applications API: which status changes a
// resident may make, that the answers are frozen once submitted, the checks
// and stamps of finalising (validation against the catalog, the required
// documents, the submission time, the subject and the reference number),
// and the application_events audit row of every status change, written in
// the same transaction as the change.
package workflow

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Collection names.
const (
	ApplicationsCollection = "applications"
	DocumentsCollection    = "documents"
	EventsCollection       = "application_events"
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
)

const (
	createHookId = "dukcapilApplicationsCreate"
	updateHookId = "dukcapilApplicationsUpdate"
)

// Register binds the workflow to the create and update requests of the
// applications API (the records API and the dashboard). Records saved by
// server code (the morning intake, the seed) are not checked here.
func Register(app core.App) {
	app.OnRecordCreateRequest(ApplicationsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   createHookId,
		Func: onCreate,
	})
	app.OnRecordUpdateRequest(ApplicationsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   updateHookId,
		Func: onUpdate,
	})
}
