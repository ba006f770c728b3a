package files

import (
	"fmt"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// CodeDocuments is the code of a document beyond what its application takes.
const CodeDocuments = "quota_documents"

// checkCount refuses a resident's document beyond what the application's
// service asks for: the catalog's count of each kind (FileLimit, one
// unless maxFiles says more), and while the application waits for a
// revision that many more per revision (the replacements; the old ones
// stay for the record). A record whose id is stored already is left to
// fail as "id taken", which the phone recognises.
func checkCount(tx core.App, record, application *core.Record, service *catalog.Service) validation.Errors {
	requirement := service.Requirement(record.GetString("kind"))
	if requirement == nil {
		return nil
	}
	var n int
	if record.Id != "" {
		_ = tx.DB().Select("count(*)").From(collections.Documents).Where(dbx.HashExp{"id": record.Id}).Row(&n)
		if n > 0 {
			return nil
		}
	}
	allowed := requirement.FileLimit()
	if application.GetString("status") == "needs_revision" {
		allowed *= application.GetInt("revision") + 2
	}
	var held int
	err := tx.DB().Select("count(*)").From(collections.Documents).
		Where(dbx.HashExp{"application": application.Id, "kind": requirement.Code}).Row(&held)
	if err != nil || held < allowed {
		return nil
	}
	return validation.Errors{"kind": validation.NewError(CodeDocuments, fmt.Sprintf(
		"The application already holds %d document(s) of %q, the most it takes.", held, requirement.Code)).
		SetParams(map[string]any{"max": allowed})}
}
