package workflow

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// finalise checks an application that a resident submits (the answers
// against the catalog, every required document attached) and stamps it:
// submitted, subject_nik and subject_name, revision+1 after needs_revision,
// and the reference on the first submit. tx is the transaction of the
// request; record holds the values being saved.
func finalise(tx core.App, record *core.Record, from string, now time.Time) error {
	service := record.GetString("service")
	answers := answersOf(record)

	errs := validation.Errors{}
	if fieldErrs := catalog.ValidateBounded(service, answers); len(fieldErrs) > 0 {
		if fieldErrs["service"] == catalog.CodeServiceUnknown && len(fieldErrs) == 1 {
			return apis.NewBadRequestError("Unknown service.", serviceError(service))
		}
		data := validation.Errors{}
		for path, code := range fieldErrs {
			data[path] = validation.NewError(code, catalog.Message(code))
		}
		errs["data"] = data
	}

	missing, err := missingDocuments(tx, record.Id, service, answers)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		docs := validation.Errors{}
		for _, d := range missing {
			docs[d.Code] = validation.NewError(CodeDocumentMissing, fmt.Sprintf("The document %q is required.", d.Name.EN))
		}
		errs["documents"] = docs
	}
	if len(errs) > 0 {
		return apis.NewBadRequestError("The application cannot be submitted yet.", errs)
	}

	nik, name := catalog.SubjectOf(service, answers)
	record.Set("subject_nik", nik)
	record.Set("subject_name", name)
	submitted, err := types.ParseDateTime(now)
	if err != nil {
		return err
	}
	record.Set("submitted", submitted)
	if from == StatusNeedsRevision {
		record.Set("revision", record.GetInt("revision")+1)
	}
	if record.GetString("reference") == "" {
		reference, err := AssignReference(tx, record.Id, now)
		if err != nil {
			return err
		}
		record.Set("reference", reference)
	}
	return nil
}

// answersOf returns the answers (data) of an application; anything but a
// JSON object counts as no answers.
func answersOf(record *core.Record) map[string]any {
	var answers map[string]any
	raw, _ := record.Get("data").(types.JSONRaw)
	if err := json.Unmarshal(raw, &answers); err != nil || answers == nil {
		return map[string]any{}
	}
	return answers
}

// missingDocuments lists the required documents that the answers ask for
// and that no document of the application provides (by kind).
func missingDocuments(tx core.App, application, service string, answers map[string]any) ([]catalog.DocumentRequirement, error) {
	var kinds []string
	err := tx.RecordQuery(collections.Documents).
		Select("kind").
		Distinct(true).
		AndWhere(dbx.HashExp{"application": application}).
		Column(&kinds)
	if err != nil {
		return nil, err
	}
	attached := make(map[string]bool, len(kinds))
	for _, kind := range kinds {
		attached[kind] = true
	}
	var missing []catalog.DocumentRequirement
	for _, d := range catalog.DocumentsAskedFor(service, answers) {
		if d.IsRequired() && !attached[d.Code] {
			missing = append(missing, d)
		}
	}
	return missing, nil
}
