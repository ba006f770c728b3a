package uploads

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/tus/tusd/v2/pkg/filestore"
	"github.com/tus/tusd/v2/pkg/handler"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/files"
)

// Codes of refusals particular to resumable uploads (the document's own
// checks use the codes of internal/files and PocketBase's).
const (
	CodeLengthRequired = "upload_length_required"
	CodeTooLarge       = "validation_file_size_limit"
)

var (
	recordIdPattern = regexp.MustCompile(`^[a-z0-9]{15}$`)
	sha256Pattern   = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// beforeCreate checks a new upload before a byte of it is stored: the
// resident's own application, open for documents, a kind of its service,
// a size within the limit, a document id that is still free. It keeps the
// server's copy of the metadata, with the owner.
func (s *server) beforeCreate(hook handler.HookEvent) (handler.HTTPResponse, handler.FileInfoChanges, error) {
	auth, err := authOf(hook)
	if err != nil {
		return handler.HTTPResponse{}, handler.FileInfoChanges{}, tusError(err)
	}
	documents, err := s.app.FindCollectionByNameOrId(collections.Documents)
	if err != nil {
		return handler.HTTPResponse{}, handler.FileInfoChanges{}, tusError(err)
	}

	meta := hook.Upload.MetaData
	record := newDocument(documents, meta, auth.Id)
	errs := validation.Errors{}
	switch id := meta[MetaDocument]; {
	case !recordIdPattern.MatchString(id):
		errs["id"] = validation.NewError("validation_invalid_format", "The document id must be 15 characters of a-z and 0-9.")
	default:
		if _, err := s.app.FindRecordById(collections.Documents, id); err == nil {
			errs["id"] = validation.NewError("validation_not_unique", "The document has arrived already.")
		} else if owner, exists := s.uploadOwner(hook, id); exists && owner != auth.Id {
			errs["id"] = validation.NewError("validation_not_unique", "Another upload has this id.")
		}
	}
	if !sha256Pattern.MatchString(record.GetString("sha256")) {
		errs["sha256"] = validation.NewError("validation_invalid_format", "The SHA-256 of the file (64 hex digits) is required.")
	}
	limit := maxSize(documents)
	switch {
	case hook.Upload.SizeIsDeferred:
		errs["file"] = validation.NewError(CodeLengthRequired, "The size of the file (Upload-Length) is required.")
	case hook.Upload.Size > limit:
		errs["file"] = validation.NewError(CodeTooLarge, fmt.Sprintf("The file is larger than %d bytes.", limit))
	}
	for field, placementErr := range files.CheckPlacement(s.app, record, auth, false) {
		errs[field] = placementErr
	}
	if len(errs) > 0 {
		return handler.HTTPResponse{}, handler.FileInfoChanges{}, tusError(apis.NewBadRequestError("Failed to create the upload.", errs))
	}

	kept := handler.MetaData{metaOwner: auth.Id}
	for _, key := range []string{MetaDocument, MetaApplication, MetaKind, MetaSHA256, MetaFilename} {
		kept[key] = meta[key]
	}
	kept[MetaSHA256] = record.GetString("sha256")
	// The upload is named by its document, so a client whose creation request was cut before its
	// answer (with the first bytes in it) finds the upload again without knowing its Location.
	// A new upload of the same resident's document starts it afresh.
	return handler.HTTPResponse{}, handler.FileInfoChanges{ID: meta[MetaDocument], MetaData: kept}, nil
}

// uploadOwner returns the owner of the upload with the given id, if there is one.
func (s *server) uploadOwner(hook handler.HookEvent, id string) (string, bool) {
	upload, err := s.store.GetUpload(hook.Context, id)
	if err != nil {
		return "", false
	}
	info, err := upload.GetInfo(hook.Context)
	if err != nil {
		return "", false
	}
	return info.MetaData[metaOwner], true
}

// beforeFinish runs when the last byte of an upload has arrived, before
// the answer to that request: it creates the documents record. A refused
// or failed upload is removed, so that a retry starts clean and never
// counts as received.
func (s *server) beforeFinish(hook handler.HookEvent) (handler.HTTPResponse, error) {
	auth, err := authOf(hook)
	if err == nil {
		err = s.complete(auth, hook.Upload)
	}
	if err != nil {
		if upload, getErr := s.store.GetUpload(hook.Context, hook.Upload.ID); getErr == nil {
			if termErr := s.store.AsTerminatableUpload(upload).Terminate(hook.Context); termErr != nil {
				s.app.Logger().Warn("uploads: removing a refused upload failed", "id", hook.Upload.ID, "error", termErr)
			}
		}
		return handler.HTTPResponse{}, tusError(err)
	}
	return handler.HTTPResponse{Header: handler.HTTPHeader{"Upload-Document": hook.Upload.MetaData[MetaDocument]}}, nil
}

// complete creates the documents record of a finished upload, with every
// check of internal/files, in one transaction. When the record exists
// already (a repeated last request, or a second upload of the same
// document) with the same owner, application and SHA-256, it does nothing.
func (s *server) complete(auth *core.Record, info handler.FileInfo) error {
	documents, err := s.app.FindCollectionByNameOrId(collections.Documents)
	if err != nil {
		return err
	}
	path := info.Storage[filestore.StorageKeyPath]
	file, err := filesystem.NewFileFromPath(path) // named by content, e.g. <upload id>_x1y2z3.pdf
	if err != nil {
		return err
	}
	if name := strings.TrimSpace(info.MetaData[MetaFilename]); name != "" {
		file.OriginalName = name
	}

	record := newDocument(documents, info.MetaData, auth.Id)
	record.Set("file", file)
	contentErrs, err := files.CheckContent(record, file)
	if err != nil {
		return apis.NewBadRequestError("Failed to read the uploaded file.", err)
	}

	return s.app.RunInTransaction(func(tx core.App) error {
		if existing, err := tx.FindRecordById(collections.Documents, record.Id); err == nil {
			if sameDocument(existing, record) && len(contentErrs) == 0 {
				return nil
			}
			return apis.NewBadRequestError("Failed to create record.", validation.Errors{
				"id": validation.NewError("validation_not_unique", "Another document has this id."),
			})
		}
		errs := contentErrs
		for field, placementErr := range files.CheckPlacement(tx, record, auth, false) {
			if _, taken := errs[field]; !taken {
				errs[field] = placementErr
			}
		}
		if refusal := files.Refusal(tx, record, errs); refusal != nil {
			return refusal
		}
		if err := tx.Save(record); err != nil {
			var fieldErrs validation.Errors
			if errors.As(err, &fieldErrs) {
				return apis.NewBadRequestError("Failed to create record.", fieldErrs)
			}
			return err
		}
		return nil
	})
}

// newDocument returns an unsaved documents record of an upload's metadata.
func newDocument(documents *core.Collection, meta handler.MetaData, owner string) *core.Record {
	record := core.NewRecord(documents)
	record.Id = meta[MetaDocument]
	record.Set("application", meta[MetaApplication])
	record.Set("owner", owner)
	record.Set("kind", meta[MetaKind])
	record.Set("sha256", strings.ToLower(strings.TrimSpace(meta[MetaSHA256])))
	return record
}

func sameDocument(a, b *core.Record) bool {
	for _, field := range []string{"owner", "application", "kind", "sha256"} {
		if a.GetString(field) != b.GetString(field) {
			return false
		}
	}
	return true
}

// maxSize returns the size limit of the documents' file field.
func maxSize(documents *core.Collection) int64 {
	if field, ok := documents.Fields.GetByName("file").(*core.FileField); ok && field.MaxSize > 0 {
		return field.MaxSize
	}
	return core.DefaultFileFieldMaxSize
}

// tusError turns an error into tusd's error answer, with PocketBase's JSON
// error body (status, message, data) so that the client reads every refusal
// the same way.
func tusError(err error) handler.Error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) {
		apiErr = router.NewInternalServerError("Failed to store the document.", err)
	}
	body, marshalErr := json.Marshal(apiErr)
	if marshalErr != nil {
		body = []byte(`{"status":500,"message":"Failed to store the document.","data":{}}`)
	}
	return handler.Error{
		ErrorCode: "ERR_DOCUMENT_REFUSED",
		Message:   apiErr.Message,
		HTTPResponse: handler.HTTPResponse{
			StatusCode: apiErr.Status,
			Body:       string(body),
			Header:     handler.HTTPHeader{"Content-Type": "application/json"},
		},
	}
}
