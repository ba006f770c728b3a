// Package uploads receives the residents' documents with the tus resumable
// upload protocol (tus.io, tusd v2 mounted in the PocketBase server), so that
// an upload cut off by a weak connection continues from the last byte the
// server holds instead of starting again.
//
//   - POST /api/uploads creates an upload for one document. Its metadata
//     names the document (the client's id), the application, the kind, the
//     file name and the SHA-256. It is accepted only from a signed-in
//     resident, for their own application while it accepts documents, for a
//     kind of its service, within the documents' size limit (Upload-Length is
//     required), before a single byte is sent.
//   - The upload's id is the document's, so HEAD and PATCH /api/uploads/{id}
//     (its owner only) report the offset and append bytes even for a client
//     that lost the answer to its creation request (which may carry the first
//     bytes: creation-with-upload).
//   - The request that completes the upload creates the documents record in
//     one transaction, with every check of internal/files (type by content,
//     SHA-256, size, kind, owner, status); a refused file is removed at once.
//     Completing is idempotent: a repeated last request, or a second upload
//     of a document that arrived, makes no second record.
//   - Unfinished uploads expire after Config.MaxAge of silence and finished
//     ones after Config.FinishedMaxAge (kept that long so that a client whose
//     last answer was lost still learns the offset); a cron job removes them.
//
// Refusals are PocketBase's JSON error answers (status, message, data with a
// code per field), so the client classifies them like any other.
package uploads

import (
	"os"
	"path/filepath"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"golang.org/x/exp/slog"
)

// RoutePath is the tus endpoint (uploads are RoutePath + "/" + id).
const RoutePath = "/api/uploads"

// DirName is the directory under the data dir that holds unfinished uploads.
const DirName = "tus_uploads"

const (
	serveHookId    = "dukcapilUploadsServe"
	expireJobId    = "dukcapilUploadsExpire"
	expireSchedule = "*/10 * * * *"
)

// Config configures the resumable uploads.
type Config struct {
	// MaxAge is how long an unfinished upload is kept after its last byte
	// (default 24 hours).
	MaxAge time.Duration
	// FinishedMaxAge is how long a finished upload is kept (default 1 hour).
	FinishedMaxAge time.Duration
}

func (c Config) withDefaults() Config {
	if c.MaxAge <= 0 {
		c.MaxAge = 24 * time.Hour
	}
	if c.FinishedMaxAge <= 0 {
		c.FinishedMaxAge = time.Hour
	}
	return c
}

// Dir returns the directory of the unfinished uploads of app.
func Dir(app core.App) string {
	return filepath.Join(app.DataDir(), DirName)
}

// Register mounts the tus endpoint on app's router and schedules the
// removal of expired uploads.
func Register(app core.App, config Config) {
	config = config.withDefaults()

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: serveHookId,
		Func: func(e *core.ServeEvent) error {
			s, err := newServer(e.App, Dir(e.App), quietLogger())
			if err != nil {
				return err
			}
			e.Router.POST(RoutePath, s.create)
			e.Router.HEAD(RoutePath+"/{id}", s.resume)
			e.Router.PATCH(RoutePath+"/{id}", s.resume)
			e.Router.DELETE(RoutePath+"/{id}", s.resume)
			e.Router.OPTIONS(RoutePath, s.options)
			e.Router.OPTIONS(RoutePath+"/{id}", s.options)
			return e.Next()
		},
	})

	app.Cron().MustAdd(expireJobId, expireSchedule, func() {
		if _, err := Expire(Dir(app), time.Now(), config.MaxAge, config.FinishedMaxAge); err != nil {
			app.Logger().Warn("uploads: removing expired uploads failed", "error", err)
		}
	})
}

// quietLogger writes tusd's errors to stderr (tusd logs every
// chunk at info level, and uses golang.org/x/exp/slog, not the app's logger).
func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
}
