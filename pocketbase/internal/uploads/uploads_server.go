package uploads

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"os"

	"github.com/pocketbase/pocketbase/core"
	"github.com/tus/tusd/v2/pkg/filestore"
	"github.com/tus/tusd/v2/pkg/handler"
	"github.com/tus/tusd/v2/pkg/memorylocker"
	"golang.org/x/exp/slog"
)

// Metadata keys of an upload. The client sends document, application,
// kind, sha256 and filename; the server keeps its own copy of them with the
// owner (the signed-in resident) added, so nothing the client sends later can
// change them.
const (
	MetaDocument    = "document"
	MetaApplication = "application"
	MetaKind        = "kind"
	MetaSHA256      = "sha256"
	MetaFilename    = "filename"
	metaOwner       = "owner"
)

type authKey struct{}

// server is the tus endpoint of one running app.
type server struct {
	app   core.App
	store filestore.FileStore
	tus   *handler.UnroutedHandler
	serve http.Handler // tusd's middleware (protocol headers, OPTIONS) in front of the method handlers
}

func newServer(app core.App, dir string, logger *slog.Logger) (*server, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &server{app: app, store: filestore.New(dir)}

	composer := handler.NewStoreComposer()
	s.store.UseIn(composer)
	memorylocker.New().UseIn(composer)

	tus, err := handler.NewUnroutedHandler(handler.Config{
		BasePath:                  RoutePath + "/",
		StoreComposer:             composer,
		DisableDownload:           true,
		DisableConcatenation:      true,
		Cors:                      &handler.CorsConfig{Disable: true}, // one origin
		Logger:                    logger,
		PreUploadCreateCallback:   s.beforeCreate,
		PreFinishResponseCallback: s.beforeFinish,
	})
	if err != nil {
		return nil, err
	}
	s.tus = tus
	s.serve = tus.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			tus.PostFile(w, r)
		case http.MethodHead:
			tus.HeadFile(w, r)
		case http.MethodPatch:
			tus.PatchFile(w, r)
		case http.MethodDelete:
			tus.DelFile(w, r)
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	}))
	return s, nil
}

// isResident reports whether the request is signed in as a resident (staff
// add documents in the dashboard).
func isResident(e *core.RequestEvent) bool {
	return e.Auth != nil && e.Auth.Collection().Name == "users"
}

// create answers POST /api/uploads: a new upload (checked by beforeCreate).
func (s *server) create(e *core.RequestEvent) error {
	if !isResident(e) {
		return e.UnauthorizedError("Sign in as a resident to upload documents.", nil)
	}
	return s.pass(e)
}

// resume answers HEAD, PATCH and DELETE /api/uploads/{id}: only the
// resident who created the upload may see or continue it; to anyone else it
// does not exist.
func (s *server) resume(e *core.RequestEvent) error {
	if !isResident(e) {
		return e.UnauthorizedError("Sign in as a resident to upload documents.", nil)
	}
	upload, err := s.store.GetUpload(e.Request.Context(), e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("", nil)
	}
	info, err := upload.GetInfo(e.Request.Context())
	if err != nil || info.MetaData[metaOwner] != e.Auth.Id {
		return e.NotFoundError("", nil)
	}
	return s.passUpload(e)
}

// options answers the protocol's OPTIONS discovery.
func (s *server) options(e *core.RequestEvent) error {
	return s.pass(e)
}

// pass hands the request to tusd, with the signed-in resident in its
// context for the callbacks.
func (s *server) pass(e *core.RequestEvent) error {
	r := e.Request.WithContext(context.WithValue(e.Request.Context(), authKey{}, e.Auth))
	s.serve.ServeHTTP(&relativeLocation{ResponseWriter: e.Response}, r)
	return nil
}

// passUpload hands a request about one upload to tusd, which reads the
// upload's id from a path without the endpoint's.
func (s *server) passUpload(e *core.RequestEvent) error {
	r := e.Request.WithContext(context.WithValue(e.Request.Context(), authKey{}, e.Auth))
	http.StripPrefix(RoutePath+"/", s.serve).ServeHTTP(&relativeLocation{ResponseWriter: e.Response}, r)
	return nil
}

// authOf returns the resident of a tusd callback.
func authOf(hook handler.HookEvent) (*core.Record, error) {
	auth, ok := hook.Context.Value(authKey{}).(*core.Record)
	if !ok || auth == nil {
		return nil, errors.New("uploads: no signed-in resident in the request context")
	}
	return auth, nil
}

// relativeLocation turns tusd's absolute Location (built from the Host
// header and the connection's scheme, wrong behind a TLS proxy) into a path:
// the client resolves it against the endpoint it called.
type relativeLocation struct {
	http.ResponseWriter
	done bool
}

func (w *relativeLocation) fix() {
	if w.done {
		return
	}
	w.done = true
	if location := w.Header().Get("Location"); location != "" {
		if u, err := url.Parse(location); err == nil && u.IsAbs() {
			w.Header().Set("Location", u.RequestURI())
		}
	}
}

func (w *relativeLocation) WriteHeader(code int) {
	w.fix()
	w.ResponseWriter.WriteHeader(code)
}

func (w *relativeLocation) Write(b []byte) (int, error) {
	w.fix()
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController (tusd's read deadlines) reach the connection.
func (w *relativeLocation) Unwrap() http.ResponseWriter {
	return w.ResponseWriter
}
