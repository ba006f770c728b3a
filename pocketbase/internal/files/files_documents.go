package files

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"dukcapil-daring/server/internal/catalog"
	"dukcapil-daring/server/internal/collections"
)

// onCreate checks a new document before it is stored. The application is
// read in the transaction that saves the document, so that a document
// cannot slip in after a concurrent finalise.
func onCreate(e *core.RecordRequestEvent) error {
	var upload *filesystem.File
	if uploads := e.Record.GetUnsavedFiles("file"); len(uploads) == 1 {
		upload = uploads[0]
	} // without exactly one file the field's own validators report it

	errs, err := CheckContent(e.Record, upload)
	if err != nil {
		return apis.NewBadRequestError("Failed to read the uploaded file.", err)
	}

	staff := e.HasSuperuserAuth()
	app := e.App
	defer func() { e.App = app }()
	return app.RunInTransaction(func(tx core.App) error {
		e.App = tx
		if refusal := Refusal(tx, e.Record, mergeErrors(errs, CheckPlacement(tx, e.Record, e.Auth, staff))); refusal != nil {
			return refusal
		}
		return e.Next()
	})
}

// CheckContent checks the file of a new document record: its type by its
// first bytes, an image's pixel count by its header (MaxPixels; a header
// that cannot be read declares nothing to decode, and is let through), and its
// SHA-256 against the record's sha256 field; an accepted file is renamed
// to the extension of its type. It sets the
// record's sha256 (normalised) and size (the real one) from the content. A
// nil upload checks nothing. Every way of adding a document (the records API,
// the resumable uploads) calls it, so the rules live in one place.
func CheckContent(record *core.Record, upload *filesystem.File) (validation.Errors, error) {
	errs := validation.Errors{}
	if upload == nil {
		return errs, nil
	}
	content, err := inspect(upload)
	if err != nil {
		return nil, err
	}
	claimed := strings.ToLower(strings.TrimSpace(record.GetString("sha256")))
	switch {
	case content.ContentType == "":
		errs["file"] = validation.NewError(CodeFileType, "The file is not a JPEG, PNG or WebP image or a PDF document.")
	case claimed == "":
		errs["sha256"] = validation.NewError("validation_required", "The SHA-256 of the file is required.")
	case claimed != content.SHA256:
		errs["sha256"] = validation.NewError(CodeSHA256Mismatch,
			"The file's SHA-256 differs from the one given: it was changed or cut off on the way.")
	case errors.Is(content.ImageErr, ErrImageTooLarge):
		errs["file"] = validation.NewError(CodeImageTooLarge, fmt.Sprintf(
			"The image has %d × %d pixels; at most %d million are accepted.", content.Width, content.Height, MaxPixels/1_000_000)).
			SetParams(map[string]any{"maxPixels": MaxPixels})
	default:
		record.Set("sha256", content.SHA256)
		// stored (and so served) as the type its content is
		upload.Name = StoredName(upload.Name, content.ContentType)
	}
	record.Set("size", content.Size)
	return errs, nil
}

// CheckPlacement checks where a new document record goes: an application
// of auth (any, for staff) that still accepts documents, and a kind that the
// application's service asks for, within the files it may have (maxFiles).
// Call it in the transaction that saves the
// record, so that a document cannot slip in after a concurrent finalise. A
// missing application is left to the relation field's own validation.
func CheckPlacement(tx core.App, record *core.Record, auth *core.Record, staff bool) validation.Errors {
	errs := validation.Errors{}
	application, err := tx.FindRecordById(collections.Applications, record.GetString("application"))
	if err != nil {
		return errs
	}
	owned := staff || (auth != nil && application.GetString("owner") == auth.Id)
	if !owned || (!staff && !slices.Contains(openStatuses, application.GetString("status"))) {
		errs["application"] = validation.NewError(CodeApplicationLocked, fmt.Sprintf(
			"Documents can be added only to your own applications while they are %s.", strings.Join(openStatuses, " or ")))
	}
	service, known := catalog.Online(application.GetString("service"))
	if kind := record.GetString("kind"); owned && (!known || !slices.Contains(service.RequirementCodes(), kind)) {
		errs["kind"] = validation.NewError(CodeKindUnknown, fmt.Sprintf(
			"%q is not a document of the service %q.", kind, application.GetString("service")))
	} else if owned && known {
		if limitErr := checkFileLimit(tx, service, record); limitErr != nil {
			errs["kind"] = limitErr
		}
	}
	if _, taken := errs["kind"]; owned && known && !staff && !taken {
		for field, err := range checkCount(tx, record, application, service) {
			errs[field] = err
		}
	}
	return errs
}

// Refusal returns nil when errs is empty, else the 400 answer of a refused
// document: errs together with the record's own field errors, as a plain
// create would report them.
func Refusal(tx core.App, record *core.Record, errs validation.Errors) error {
	if len(errs) == 0 {
		return nil
	}
	var fieldErrs validation.Errors
	if err := tx.Validate(record); errors.As(err, &fieldErrs) {
		for field, fieldErr := range fieldErrs {
			if _, ours := errs[field]; !ours {
				errs[field] = fieldErr
			}
		}
	}
	return apis.NewBadRequestError("Failed to create record.", errs)
}

// mergeErrors returns a with the errors of b added (a's win).
func mergeErrors(a, b validation.Errors) validation.Errors {
	for field, err := range b {
		if _, taken := a[field]; !taken {
			a[field] = err
		}
	}
	return a
}
