// Package files checks the documents that residents upload: the file's
// content must be a JPEG, PNG, WebP or PDF (by its first bytes, whatever its
// name or declared type), its SHA-256 must be the one the client computed,
// its size is the real one, and it must belong to a requirement of an
// application of the uploader that still accepts documents.
package files

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

// Error codes of the field errors of a refused document.
const (
	CodeFileType          = "file_type"
	CodeSHA256Mismatch    = "sha256_mismatch"
	CodeApplicationLocked = "application_locked"
	CodeKindUnknown       = "kind_unknown"
	CodeImageTooLarge     = "image_too_large"
)

// openStatuses are the application statuses in which documents may be added.
var openStatuses = []string{"uploading", "needs_revision"}

const (
	createHookId   = "dukcapilDocumentsCreate"
	downloadHookId = "dukcapilFilesDownload"
)

// Register binds the document checks to the create requests of the
// documents API.
func Register(app core.App) {
	app.OnRecordCreateRequest(collections.Documents).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:   createHookId,
		Func: onCreate,
	})
	app.OnFileDownloadRequest().Bind(&hook.Handler[*core.FileDownloadRequestEvent]{
		Id:   downloadHookId,
		Func: onDownload,
	})
}
