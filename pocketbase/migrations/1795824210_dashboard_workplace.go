package migrations

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// applicationServerFields are the fields of applications that residents
// may not write: the staff fields and the list of documents, which the
// server keeps in step with the documents collection.
var applicationServerFields = append(slices.Clone(applicationStaffFields), "documents")

// fieldText holds the help text and presentable flags that make the
// dashboard readable for staff: one field of a collection.
type fieldText struct {
	help        string
	presentable *bool
}

var (
	presentableOn  = true
	presentableOff = false
)

var dashboardTexts = map[string]map[string]fieldText{
	"applications": {
		"status": {help: "uploading → submitted (the resident sends it) → queued (morning intake, or staff by hand) → in_process → " +
			"completed (needs a PDF in results) | needs_revision or rejected (need a note in staff_note). " +
			"The resident may withdraw (cancelled) while uploading or submitted. Other changes are refused."},
		"subject_name": {help: "Name of the person the application is about (copied from data).", presentable: &presentableOn},
		"submitted":    {help: "When the office received the application (the last resubmission after a revision)."},
		"process_date": {help: "The working morning whose queue it is in, set by the morning intake. " +
			"The date is the office's date (Asia/Makassar); the time part is always 00:00 and means nothing."},
		"queue_no":      {help: "Number in the queue of its process date (1, 2, …), given by the intake in order of submission."},
		"revision":      {help: "How often the resident resubmitted after needs_revision (set by the server)."},
		"staff_note":    {help: "Shown to the resident and sent in the notification: required for needs_revision (what to correct) and rejected (why)."},
		"internal_note": {help: "Staff only: never shown to the resident."},
		"results":       {help: "The finished documents (PDF, signed electronically); at least one is required to set completed. The resident downloads them in the app."},
	},
	"documents": {
		"application": {help: "The application this document belongs to.", presentable: &presentableOff},
		"owner":       {help: "The resident who uploaded it."},
		"kind":        {presentable: &presentableOn},
		"file": {help: "The photo or PDF as uploaded (JPEG, PNG, WebP or PDF up to 10 MB; the server checks the content, not the file name).",
			presentable: &presentableOn},
	},
	"application_events": {
		"application": {help: "The application whose status changed."},
		"actor_kind":  {help: "Who changed it: resident (in the app), staff (in the dashboard) or system (the morning intake)."},
		"note":        {help: "The note for the resident of a staff decision, or the queue number given by the intake."},
	},
	"notifications": {
		"owner":        {help: "The resident who receives it."},
		"application":  {help: "The application it is about (empty for a morning summary of several applications)."},
		"kind":         {help: "queued, morning_summary, needs_revision, completed, rejected: written by the server with the change; info: written by staff."},
		"title":        {help: "Title of the push notification and of the entry in the app's inbox."},
		"body":         {help: "Text of the notification, in the resident's language."},
		"read":         {help: "Set by the resident's app when the resident has seen it."},
		"attempts":     {help: "Push requests made for it."},
		"delivered_at": {help: "When a push service accepted it."},
	},
	"office_days": {
		"kind": {help: "holiday or cuti_bersama: the office is closed, no morning intake; extra_working_day: a Saturday or Sunday on which it works. " +
			"Enter each year's dates when they are decreed (e.g. the 2027 holidays in autumn 2026)."},
	},
}

func init() {
	m.Register(func(app core.App) error {
		documents, err := app.FindCollectionByNameOrId("documents")
		if err != nil {
			return err
		}
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}

		// the documents of an application, shown (and opened) on the
		// application in the dashboard; kept in step by internal/workflow
		applications.Fields.Add(&core.RelationField{
			Name:         "documents",
			CollectionId: documents.Id,
			MaxSelect:    200,
			Help:         "The documents the resident uploaded, kept in step by the server: open one to see its file.",
		})
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

		// the morning queue: the intake's numbering and the queue views
		applications.RemoveIndex("idx_applications_process_date")
		applications.AddIndex("idx_applications_day_queue", false, "`process_date`, `queue_no`", "")
		applications.AddIndex("idx_applications_status_day_queue", false, "`status`, `process_date`, `queue_no`", "")
		applications.AddIndex("idx_applications_submitted", false, "`submitted`", "")

		if err := app.Save(applications); err != nil {
			return err
		}
		_, err = app.DB().NewQuery(
			"UPDATE {{applications}} SET [[documents]] = (" +
				"SELECT json_group_array([[id]]) FROM (SELECT [[id]] FROM {{documents}} WHERE [[application]] = {{applications}}.[[id]] ORDER BY [[rowid]]))",
		).Execute()
		if err != nil {
			return fmt.Errorf("fill applications.documents: %w", err)
		}

		return applyFieldTexts(app, dashboardTexts)
	}, func(app core.App) error {
		applications, err := app.FindCollectionByNameOrId("applications")
		if err != nil {
			return err
		}
		applications.Fields.RemoveByName("documents")
		applications.RemoveIndex("idx_applications_day_queue")
		applications.RemoveIndex("idx_applications_status_day_queue")
		applications.RemoveIndex("idx_applications_submitted")
		applications.AddIndex("idx_applications_process_date", false, "`process_date`", "")
		applications.CreateRule = rule(
			ruleSignedInResident,
			ruleBodyOwnerIsAuth,
			`@request.body.status = "uploading"`,
			bodyUnset(applicationStaffFields...),
		)
		applications.UpdateRule = rule(
			ruleOwner,
			bodyUnset("owner"),
			bodyUnset(applicationStaffFields...),
			bodyOneOf("status", "uploading", "submitted", "cancelled"),
		)
		return app.Save(applications)
	})
}

// applyFieldTexts sets the help texts and presentable flags of texts on the
// fields of the collections (a field type without them is skipped).
func applyFieldTexts(app core.App, texts map[string]map[string]fieldText) error {
	for name, fields := range texts {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		for fieldName, text := range fields {
			f := c.Fields.GetByName(fieldName)
			if f == nil {
				return fmt.Errorf("%s.%s: no such field", name, fieldName)
			}
			v := reflect.ValueOf(f).Elem()
			if h := v.FieldByName("Help"); text.help != "" && h.IsValid() && h.Kind() == reflect.String {
				h.SetString(text.help)
			}
			if p := v.FieldByName("Presentable"); text.presentable != nil && p.IsValid() && p.Kind() == reflect.Bool {
				p.SetBool(*text.presentable)
			}
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
