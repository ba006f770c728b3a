package workflow

import (
	"fmt"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// CodeDocumentPage is the error code of a page number outside the pages a
// document may have, of a page moved on a superseded file, and of two files
// of one document on the same page at a (re)submission.
const CodeDocumentPage = "document_page"

const (
	pageField           = "page"
	documentsPageHookId = "dukcapilDocumentsPage"
)

// registerPages numbers every new document after the other files of its
// requirement (whatever path saves it: the resumable upload, the records
// API, server code), so a file added while correcting comes last until the
// resident moves it.
func registerPages(app core.App) {
	app.OnRecordCreate(collections.Documents).Bind(&hook.Handler[*core.RecordEvent]{
		Id: documentsPageHookId,
		Func: func(e *core.RecordEvent) error {
			last, err := lastPage(e.App, e.Record.GetString("application"), e.Record.GetString("kind"))
			if err != nil {
				return err
			}
			e.Record.Set(pageField, last+1)
			return e.Next()
		},
	})
}

// lastPage returns the highest page of the files of one requirement of an
// application that are part of it (0 when there are none).
func lastPage(tx core.App, application, kind string) (int, error) {
	var last struct {
		Page int `db:"page"`
	}
	err := tx.DB().NewQuery("SELECT COALESCE(MAX([[page]]), 0) AS [[page]] FROM {{documents}} " +
		"WHERE [[application]] = {:application} AND [[kind]] = {:kind} AND [[superseded]] = FALSE").
		Bind(dbx.Params{"application": application, "kind": kind}).One(&last)
	return last.Page, err
}

// checkPageMove checks a move of a document to another page (by a
// resident, or by staff, who may also give it another kind or
// application): a file that is part of the application (not superseded),
// to a page between 1 and the number of files its requirement may have (the
// catalog's maxFiles). Pages of one document may coincide while the
// resident swaps two of them; the (re)submission refuses that
// (duplicatePages).
func checkPageMove(application, document *core.Record) error {
	page, original := document.GetInt(pageField), document.Original()
	moved := page != original.GetInt(pageField)
	if !moved && document.GetString("kind") == original.GetString("kind") &&
		document.GetString("application") == original.GetString("application") {
		return nil
	}
	if document.GetBool("superseded") || original.GetBool("superseded") {
		if !moved {
			return nil // a replaced file given another kind keeps no page to check
		}
		return validation.Errors{pageField: validation.NewError(CodeDocumentPage,
			"A file that was replaced or removed has no page.")}
	}
	limit := 1
	if s, ok := catalog.Online(application.GetString("service")); ok {
		if r := s.Requirement(document.GetString("kind")); r != nil {
			limit = r.FileLimit()
		}
	}
	if page < 1 || page > limit {
		return validation.Errors{pageField: validation.NewError(CodeDocumentPage, fmt.Sprintf(
			"The page must be between 1 and %d (the files this document may have).", limit))}
	}
	return nil
}

// duplicatePages lists the requirements of which two files that are part
// of the application share a page.
func duplicatePages(documents []*core.Record) []string {
	seen := map[string]map[int]bool{}
	var kinds []string
	for _, d := range documents {
		kind, page := d.GetString("kind"), d.GetInt(pageField)
		if seen[kind] == nil {
			seen[kind] = map[int]bool{}
		}
		if seen[kind][page] {
			kinds = append(kinds, kind)
		}
		seen[kind][page] = true
	}
	return kinds
}
