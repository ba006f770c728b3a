package files

import (
	"fmt"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// CodeDocumentLimit is the error code of a document beyond the number of
// files (pages, sides) its requirement may have (the catalog's maxFiles).
const CodeDocumentLimit = "document_limit"

// checkFileLimit refuses a new document when its application already holds
// as many files of its kind (not superseded) as the catalog allows. A
// retried upload of a document the server holds already is left to the id
// check. It also keeps a new document from arriving superseded. Call it in
// the transaction that saves the document.
func checkFileLimit(tx core.App, service *catalog.Service, document *core.Record) error {
	document.Set("superseded", false)
	document.Set("superseded_at", "")
	if document.Id != "" {
		if _, err := tx.FindRecordById(collections.Documents, document.Id); err == nil {
			return nil
		}
	}
	kind := document.GetString("kind")
	requirement := service.Requirement(kind)
	if requirement == nil {
		return nil
	}
	held, err := tx.CountRecords(collections.Documents, dbx.HashExp{
		"application": document.GetString("application"), "kind": kind, "superseded": false,
	})
	if err != nil {
		return err
	}
	if limit := requirement.FileLimit(); int(held) >= limit {
		return validation.NewError(CodeDocumentLimit, fmt.Sprintf(
			"The document %q takes at most %d files: replace or remove one first.", requirement.Name.EN, limit))
	}
	return nil
}
