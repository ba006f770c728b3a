package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// documentPage is the field with a document's place among the pages of its
// requirement (1 = first), kept by the server (internal/workflow).
const documentPage = "page"

// documentsUpdateRuleCorrections is the documents update rule of the
// corrections migration (1795824300): a resident marks a document superseded.
var documentsUpdateRuleCorrections = rule(
	ruleOwner,
	`(application.status = "uploading" || application.status = "needs_revision")`,
	`@request.body.superseded = true`,
	bodyUnset("application", "owner", "kind", "file", "sha256", "size", documentSupersededAt),
)

func init() {
	m.Register(func(app core.App) error {
		documents, err := app.FindCollectionByNameOrId("documents")
		if err != nil {
			return err
		}
		documents.Fields.Add(&core.NumberField{
			Name:    documentPage,
			OnlyInt: true,
			Min:     float(0),
			Max:     float(1000),
			Help: "The page or side of its document (1 = first). The resident reorders the pages while the application " +
				"is uploading or needs_revision; the server numbers a new file after the others.",
		})
		// a resident marks a document superseded, or moves it to another
		// page, and changes nothing else (internal/workflow checks the
		// status and the page's bounds again in the transaction)
		documents.UpdateRule = rule(
			ruleOwner,
			`(application.status = "uploading" || application.status = "needs_revision")`,
			`(@request.body.superseded = true || (@request.body.superseded:isset = false && @request.body.page:isset = true))`,
			bodyUnset("application", "owner", "kind", "file", "sha256", "size", documentSupersededAt),
		)
		if err := app.Save(documents); err != nil {
			return err
		}
		// the documents already stored keep the order they were added in
		_, err = app.DB().NewQuery(
			"UPDATE {{documents}} SET [[page]] = (SELECT COUNT(*) FROM {{documents}} AS d " +
				"WHERE d.[[application]] = {{documents}}.[[application]] AND d.[[kind]] = {{documents}}.[[kind]] " +
				"AND d.[[rowid]] <= {{documents}}.[[rowid]])",
		).Execute()
		return err
	}, func(app core.App) error {
		documents, err := app.FindCollectionByNameOrId("documents")
		if err != nil {
			return err
		}
		documents.Fields.RemoveByName(documentPage)
		documents.UpdateRule = documentsUpdateRuleCorrections
		return app.Save(documents)
	})
}
