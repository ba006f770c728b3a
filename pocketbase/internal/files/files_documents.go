package files

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// onCreate checks a new document before it is stored. The application is
// read in the transaction that saves the document, so that a document
// cannot slip in after a concurrent finalise.
func onCreate(e *core.RecordRequestEvent) error {
	errs := validation.Errors{}

	if uploads := e.Record.GetUnsavedFiles("file"); len(uploads) == 1 {
		content, err := inspect(uploads[0])
		if err != nil {
			return apis.NewBadRequestError("Failed to read the uploaded file.", err)
		}
		claimed := strings.ToLower(strings.TrimSpace(e.Record.GetString("sha256")))
		switch {
		case content.contentType == "":
			errs["file"] = validation.NewError(CodeFileType, "The file is not a JPEG, PNG or WebP image or a PDF document.")
		case claimed == "":
			errs["sha256"] = validation.NewError("validation_required", "The SHA-256 of the file is required.")
		case claimed != content.sha256:
			errs["sha256"] = validation.NewError(CodeSHA256Mismatch,
				"The file's SHA-256 differs from the one given: it was changed or cut off on the way.")
		default:
			e.Record.Set("sha256", content.sha256)
		}
		e.Record.Set("size", content.size)
	} // without exactly one file the field's own validators report it

	staff := e.HasSuperuserAuth()
	app := e.App
	defer func() { e.App = app }()
	return app.RunInTransaction(func(tx core.App) error {
		e.App = tx

		application, err := tx.FindRecordById(collections.Applications, e.Record.GetString("application"))
		if err == nil { // a missing application is reported by the relation field
			owned := staff || (e.Auth != nil && application.GetString("owner") == e.Auth.Id)
			if !owned || (!staff && !slices.Contains(openStatuses, application.GetString("status"))) {
				errs["application"] = validation.NewError(CodeApplicationLocked, fmt.Sprintf(
					"Documents can be added only to your own applications while they are %s.", strings.Join(openStatuses, " or ")))
			}
			service, known := catalog.Online(application.GetString("service"))
			if kind := e.Record.GetString("kind"); owned && (!known || !slices.Contains(service.RequirementCodes(), kind)) {
				errs["kind"] = validation.NewError(CodeKindUnknown, fmt.Sprintf(
					"%q is not a document of the service %q.", kind, application.GetString("service")))
			} else if owned && known {
				if limitErr := checkFileLimit(tx, service, e.Record); limitErr != nil {
					errs["kind"] = limitErr
				}
			}
		}

		if len(errs) > 0 {
			// report the record's own field errors too, as a plain create would
			var fieldErrs validation.Errors
			if err := tx.Validate(e.Record); errors.As(err, &fieldErrs) {
				for field, fieldErr := range fieldErrs {
					if _, ours := errs[field]; !ours {
						errs[field] = fieldErr
					}
				}
			}
			return apis.NewBadRequestError("Failed to create record.", errs)
		}
		return e.Next()
	})
}
