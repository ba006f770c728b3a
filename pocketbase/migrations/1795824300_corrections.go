package migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// applicationResidentReadOnlyFields are the fields of applications that
// residents may not write after the corrections migration: the server's
// fields and the summary that the server writes for staff.
var applicationResidentReadOnlyFields = append(slices.Clone(applicationServerFields), "summary", "superseded_documents")

// documentSupersededAt is the field with the time a document was
// superseded, set by the server.
const documentSupersededAt = "superseded_at"

// correctionTexts are the dashboard help texts of the corrections fields.
var correctionTexts = map[string]map[string]fieldText{
	"applications": {
		"status": {help: "uploading → submitted → queued → in_process → completed (needs a PDF in results). From submitted, queued or in_process: " +
			"needs_revision or rejected in one save (need a note in staff_note). The resident resubmits a needs_revision one, or withdraws (cancelled)."},
		"subject_nik": {help: "The number of the person the application is about (for a birth: the family card number of the baby's family)."},
		"documents":   {help: "The documents of the application as it stands (superseded ones are in superseded_documents): open one to see its file."},
		"summary": {help: "Every answer and document, in Indonesian, written by the server on every (re)submission; " +
			"staff changes to it are ignored."},
	},
	"documents": {
		"superseded": {help: "Replaced or removed by the resident while correcting the application: kept for the audit trail, " +
			"no longer part of the application."},
		documentSupersededAt: {help: "When the resident replaced or removed it."},
	},
}

func init() {
	m.Register(func(app core.App) error {
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}
		documents, err := app.FindCollectionByNameOrId("documents")
		if err != nil {
			return err
		}
		applications.Fields.Add(
			&core.EditorField{Name: "summary", MaxSize: 1 << 20},
			&core.RelationField{
				Name:         "superseded_documents",
				CollectionId: documents.Id,
				MaxSelect:    200,
				Help:         "Documents the resident replaced or removed while correcting it, kept in step by the server: what was first sent.",
			},
		)
		applications.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			`@request.body.status = "uploading"`,
			bodyUnset(applicationResidentReadOnlyFields...),
		)
		applications.UpdateRule = rule(
			ruleOwner,
			bodyUnset("owner"),
			bodyUnset(applicationResidentReadOnlyFields...),
			bodyOneOf("status", "uploading", "submitted", "cancelled"),
		)
		if err := app.Save(applications); err != nil {
			return err
		}

		documents.Fields.Add(
			&core.BoolField{Name: "superseded"},
			&core.DateField{Name: documentSupersededAt},
		)
		// a resident marks a document of an application being corrected as
		// superseded, and changes nothing else (internal/workflow checks the
		// status again in the transaction of the change)
		documents.UpdateRule = rule(
			ruleOwner,
			`(application.status = "uploading" || application.status = "needs_revision")`,
			`@request.body.superseded = true`,
			bodyUnset("application", "owner", "kind", "file", "sha256", "size", documentSupersededAt),
		)
		if err := app.Save(documents); err != nil {
			return err
		}
		return applyFieldTexts(app, correctionTexts)
	}, func(app core.App) error {
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}
		applications.Fields.RemoveByName("summary")
		applications.Fields.RemoveByName("superseded_documents")
		applications.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			`@request.body.status = "uploading"`,
			bodyUnset(applicationServerFields...),
		)
		applications.UpdateRule = rule(
			ruleOwner,
			bodyUnset("owner"),
			bodyUnset(applicationServerFields...),
			bodyOneOf("status", "uploading", "submitted", "cancelled"),
		)
		if err := app.Save(applications); err != nil {
			return err
		}
		documents, err := app.FindCollectionByNameOrId("documents")
		if err != nil {
			return err
		}
		documents.Fields.RemoveByName("superseded")
		documents.Fields.RemoveByName(documentSupersededAt)
		documents.UpdateRule = nil
		return app.Save(documents)
	})
}
