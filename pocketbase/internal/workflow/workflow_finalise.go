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

// finalise checks an application that a resident submits or resubmits
// (the answers against the catalog, every required document attached, no
// more files than a document may have) and stamps it: submitted,
// subject_nik and subject_name, revision+1 after needs_revision, the
// reference on the first submit, and the summary staff read. After
// needs_revision it also clears the staff note (its event keeps it) and
// returns the note of the resubmission's event: what changed. tx is the
// transaction of the request; before is the stored record, record holds the
// values being saved.
func finalise(tx core.App, before, record *core.Record, from string, now time.Time) (string, error) {
	service := record.GetString("service")
	answers := answersOf(record)

	errs := validation.Errors{}
	if fieldErrs := catalog.ValidateBounded(service, answers); len(fieldErrs) > 0 {
		if fieldErrs["service"] == catalog.CodeServiceUnknown && len(fieldErrs) == 1 {
			return "", apis.NewBadRequestError("Unknown service.", serviceError(service))
		}
		data := validation.Errors{}
		for path, code := range fieldErrs {
			data[path] = validation.NewError(code, catalog.Message(code))
		}
		errs["data"] = data
	}

	documents, err := activeDocuments(tx, record.Id)
	if err != nil {
		return "", err
	}
	docs := validation.Errors{}
	for _, d := range missingDocuments(documents, service, answers) {
		docs[d.Code] = validation.NewError(CodeDocumentMissing, fmt.Sprintf("The document %q is required.", d.Name.EN))
	}
	for _, d := range tooManyFiles(documents, service) {
		docs[d.Code] = validation.NewError(CodeDocumentLimit, fmt.Sprintf("The document %q takes at most %d files.", d.Name.EN, d.FileLimit()))
	}
	for _, kind := range duplicatePages(documents) {
		docs[kind] = validation.NewError(CodeDocumentPage, "Two files of this document are on the same page: move one of them.")
	}
	if len(docs) > 0 {
		errs["documents"] = docs
	}
	if len(errs) > 0 {
		return "", apis.NewBadRequestError("The application cannot be submitted yet.", errs)
	}

	nik, name := catalog.SubjectOf(service, answers)
	record.Set("subject_nik", nik)
	record.Set("subject_name", name)
	submitted, err := types.ParseDateTime(now)
	if err != nil {
		return "", err
	}
	record.Set("submitted", submitted)
	var changes string
	if from == StatusNeedsRevision {
		record.Set("revision", record.GetInt("revision")+1)
		record.Set("staff_note", "")
		if changes, err = correctionNote(tx, before, record, documents); err != nil {
			return "", err
		}
	}
	if record.GetString("reference") == "" {
		reference, err := AssignReference(tx, record.Id, now)
		if err != nil {
			return "", err
		}
		record.Set("reference", reference)
	}
	summary, err := summaryHTML(tx, record, answers, documents, changes)
	if err != nil {
		return "", err
	}
	record.Set("summary", summary)
	return changes, nil
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

// activeDocuments returns the documents of an application that are part of
// it (not superseded): by page, then in the order they were added.
func activeDocuments(tx core.App, application string) ([]*core.Record, error) {
	return tx.FindRecordsByFilter(collections.Documents, "application = {:id} && superseded = false", "page,created", 0, 0,
		dbx.Params{"id": application})
}

// missingDocuments lists the required documents that the answers ask for
// and that no document of the application provides (by kind).
func missingDocuments(documents []*core.Record, service string, answers map[string]any) []catalog.DocumentRequirement {
	attached := make(map[string]bool, len(documents))
	for _, d := range documents {
		attached[d.GetString("kind")] = true
	}
	var missing []catalog.DocumentRequirement
	for _, d := range catalog.DocumentsAskedFor(service, answers) {
		if d.IsRequired() && !attached[d.Code] {
			missing = append(missing, d)
		}
	}
	return missing
}

// tooManyFiles lists the document requirements of which the application
// holds more files than the catalog allows (documents.kind).
func tooManyFiles(documents []*core.Record, service string) []catalog.DocumentRequirement {
	s, ok := catalog.Online(service)
	if !ok {
		return nil
	}
	count := map[string]int{}
	for _, d := range documents {
		count[d.GetString("kind")]++
	}
	var over []catalog.DocumentRequirement
	for _, d := range s.Documents {
		if count[d.Code] > d.FileLimit() {
			over = append(over, d)
		}
	}
	return over
}
