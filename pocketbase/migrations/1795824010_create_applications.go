package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Application statuses (DESIGN.md "Application status").
var applicationStatuses = []string{
	"uploading", "submitted", "queued", "in_process",
	"completed", "needs_revision", "rejected", "cancelled",
}

// applicationStaffFields may only be written by staff (superusers) and server code.
var applicationStaffFields = []string{
	"reference", "queue_no", "staff_note", "internal_note", "results",
	"process_date", "submitted", "revision",
}

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}

		c := core.NewBaseCollection("applications")
		// the default id field (15 chars of a-z0-9) is kept: the client makes
		// the id so that a retried create is recognised
		c.Fields.Add(
			&core.RelationField{
				Name:         "owner",
				Required:     true,
				CollectionId: users.Id,
				MaxSelect:    1,
				Help:         "The resident who applies.",
			},
			&core.TextField{
				Name:     "service",
				Required: true,
				Max:      64,
				Help:     "Service code from the catalog, e.g. kk-baru, akta-kelahiran.",
			},
			&core.SelectField{
				Name:      "status",
				Required:  true,
				MaxSelect: 1,
				Values:    applicationStatuses,
				Help:      "uploading → submitted → queued → in_process → completed | needs_revision | rejected; cancelled by the resident.",
			},
			&core.JSONField{
				Name:    "data",
				MaxSize: 1 << 20,
				Help:    "The resident's answers, as the catalog defines them.",
			},
			&core.TextField{Name: "subject_nik", Max: 16, Help: "NIK of the person the application is about (copied from data)."},
			&core.TextField{Name: "subject_name", Max: 200, Help: "Name of the person the application is about (copied from data)."},
			&core.TextField{
				Name:        "reference",
				Max:         32,
				Presentable: true,
				Help:        "Receipt number made by the server on submit, e.g. BPN-20261128-0042.",
			},
			&core.DateField{Name: "submitted", Help: "When the office received the application."},
			&core.DateField{Name: "process_date", Help: "The working morning on which it is processed."},
			&core.NumberField{Name: "queue_no", OnlyInt: true, Min: float(0), Help: "Position in the morning queue."},
			&core.NumberField{Name: "revision", OnlyInt: true, Min: float(0), Help: "How often the resident resubmitted after needs_revision."},
			&core.TextField{Name: "staff_note", Max: 5000, Help: "Shown to the resident (required for needs_revision and rejected)."},
			&core.TextField{Name: "internal_note", Max: 5000, Hidden: true, Help: "Staff only: never shown to the resident."},
			&core.FileField{
				Name:      "results",
				MaxSelect: 10,
				MaxSize:   20 << 20,
				MimeTypes: []string{"application/pdf"},
				Protected: true,
				Help:      "The finished documents (PDF, signed electronically).",
			},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_applications_reference", true, "`reference`", "`reference` != ''")
		c.AddIndex("idx_applications_owner", false, "`owner`", "")
		c.AddIndex("idx_applications_status_submitted", false, "`status`, `submitted`", "")
		c.AddIndex("idx_applications_process_date", false, "`process_date`", "")

		c.ListRule = rule(ruleOwner)
		c.ViewRule = rule(ruleOwner)
		c.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			`@request.body.status = "uploading"`,
			bodyUnset(applicationStaffFields...),
		)
		// the full status workflow is enforced by server code (later issue);
		// the rule only keeps residents to their own statuses
		c.UpdateRule = rule(
			ruleOwner,
			bodyUnset("owner"),
			bodyUnset(applicationStaffFields...),
			bodyOneOf("status", "uploading", "submitted", "cancelled"),
		)
		c.DeleteRule = nil

		return app.Save(c)
	}, func(app core.App) error {
		return deleteCollection(app, "applications")
	})
}

// deleteCollection deletes the named collection if it exists.
func deleteCollection(app core.App, name string) error {
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		return nil // already gone
	}
	return app.Delete(c)
}
