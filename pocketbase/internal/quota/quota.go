// Package quota bounds what one resident can make the server hold: open
// (uploading) applications, documents per application, and (with the push
// package, which replaces the oldest) push subscriptions; and it removes
// applications abandoned while uploading, with their documents and files,
// after a set time. The phone still holds everything and creates an
// abandoned application again when it comes back.
package quota

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Collection names.
const (
	ApplicationsCollection = "applications"
	DocumentsCollection    = "documents"
)

// Error codes of a refusal by a cap.
const (
	CodeOpenApplications = "quota_open_applications"
	// CodeDocuments: the documents cap is checked by internal/files (for
	// the records API and the resumable uploads alike).
	CodeDocuments = "quota_documents"
)

// Defaults of Config.
const (
	DefaultMaxOpenApplications = 10
	DefaultAbandonAfter        = 30 * 24 * time.Hour
	// EnvAbandonDays sets Config.AbandonAfter in days.
	EnvAbandonDays = "DUKCAPIL_ABANDONED_UPLOAD_DAYS"
)

// Config configures the caps.
type Config struct {
	// MaxOpenApplications is the number of a resident's applications that
	// may be uploading at once (default 10).
	MaxOpenApplications int
	// AbandonAfter is how long an uploading application may go unchanged
	// before it is removed with its documents (default 30 days; negative:
	// never).
	AbandonAfter time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// ConfigFromEnv returns the Config given by the environment
// (DUKCAPIL_ABANDONED_UPLOAD_DAYS).
func ConfigFromEnv() Config {
	var c Config
	if days, err := strconv.Atoi(os.Getenv(EnvAbandonDays)); err == nil && days != 0 {
		c.AbandonAfter = time.Duration(days) * 24 * time.Hour
	}
	return c
}

func withDefaults(c Config) Config {
	if c.MaxOpenApplications <= 0 {
		c.MaxOpenApplications = DefaultMaxOpenApplications
	}
	if c.AbandonAfter == 0 {
		c.AbandonAfter = DefaultAbandonAfter
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

const (
	applicationsHookId = "dukcapilQuotaApplications"
	cleanupJobId       = "dukcapilAbandonedUploads"
	cleanupSchedule    = "17 * * * *" // hourly
	cleanupRouteId     = "dukcapilAbandonedUploadsRoute"
)

// CleanupRoutePath is the superuser-only route that removes the abandoned
// uploads now: JSON body {"before": RFC 3339 time (default: now minus
// AbandonAfter), "owner": a resident's id (default: everyone's)}.
const CleanupRoutePath = "/api/office/abandoned-uploads"

// cleanupHandler answers CleanupRoutePath with {"removed": n}.
func cleanupHandler(e *core.RequestEvent, config Config) error {
	var body struct {
		Before time.Time `json:"before"`
		Owner  string    `json:"owner"`
	}
	if err := e.BindBody(&body); err != nil {
		return e.BadRequestError("Invalid body.", err)
	}
	if body.Before.IsZero() {
		body.Before = config.Now().Add(-config.AbandonAfter)
	}
	n, err := RemoveAbandoned(e.App, body.Before, body.Owner)
	if err != nil {
		return e.InternalServerError("Removing the abandoned uploads failed.", err)
	}
	return e.JSON(http.StatusOK, map[string]int{"removed": n})
}

// Register binds the caps to the create requests of applications and
// documents, and the hourly removal of abandoned uploads.
func Register(app core.App, config Config) {
	config = withDefaults(config)

	app.OnRecordCreateRequest(ApplicationsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id:       applicationsHookId,
		Priority: -10, // before the workflow's checks and transaction
		Func: func(e *core.RecordRequestEvent) error {
			return checkOpenApplications(e, config.MaxOpenApplications)
		},
	})

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: cleanupRouteId,
		Func: func(e *core.ServeEvent) error {
			e.Router.POST(CleanupRoutePath, func(re *core.RequestEvent) error {
				return cleanupHandler(re, config)
			}).Bind(apis.RequireSuperuserAuth())
			return e.Next()
		},
	})

	if config.AbandonAfter > 0 {
		app.Cron().MustAdd(cleanupJobId, cleanupSchedule, func() {
			n, err := RemoveAbandoned(app, config.Now().Add(-config.AbandonAfter), "")
			if err != nil {
				app.Logger().Error("quota: removing abandoned uploads", "error", err)
			} else if n > 0 {
				app.Logger().Info("quota: removed abandoned uploads", "applications", n)
			}
		})
	}
}

// exists tells whether a record with the request's id is already stored:
// a retried create is left to fail as "id taken", which the phone
// recognises, not counted against a cap.
func exists(e *core.RecordRequestEvent) bool {
	if e.Record.Id == "" {
		return false
	}
	var n int
	err := e.App.DB().Select("count(*)").From(e.Collection.Name).
		Where(dbx.HashExp{"id": e.Record.Id}).Row(&n)
	return err == nil && n > 0
}

// checkOpenApplications refuses a resident's new application beyond max
// of their applications uploading at once.
func checkOpenApplications(e *core.RecordRequestEvent, max int) error {
	if e.HasSuperuserAuth() || e.Auth == nil || exists(e) {
		return e.Next()
	}
	var open int
	err := e.App.DB().Select("count(*)").From(ApplicationsCollection).
		Where(dbx.HashExp{"owner": e.Auth.Id, "status": "uploading"}).Row(&open)
	if err != nil {
		return err
	}
	if open >= max {
		return apis.NewBadRequestError("Too many applications are being sent at once.", validation.Errors{
			"status": validation.NewError(CodeOpenApplications, fmt.Sprintf(
				"At most %d of your applications can be uploading at once: finish or cancel one first.", max)).
				SetParams(map[string]any{"max": max}),
		})
	}
	return e.Next()
}

// removeApplication deletes an application with its events and
// notifications (which require it) and its documents (cascaded), in one
// transaction; PocketBase deletes the stored files after the commit.
func removeApplication(app core.App, application *core.Record) error {
	return app.RunInTransaction(func(tx core.App) error {
		for _, collection := range []string{"application_events", "notifications"} {
			if _, err := tx.DB().Delete(collection, dbx.HashExp{"application": application.Id}).Execute(); err != nil {
				return err
			}
		}
		return tx.Delete(application)
	})
}

// RemoveAbandoned deletes the applications still uploading that were last
// changed before cutoff, with their events, notifications, documents and stored files (the
// documents' relation cascades; PocketBase removes the files), one
// application at a time; owner, when not empty, limits it to one
// resident's. It returns how many went.
func RemoveAbandoned(app core.App, cutoff time.Time, owner string) (int, error) {
	removed := 0
	filter := "status = 'uploading' && updated < {:cutoff}"
	if owner != "" {
		filter += " && owner = {:owner}"
	}
	for {
		records, err := app.FindRecordsByFilter(ApplicationsCollection, filter, "updated", 100, 0,
			dbx.Params{"cutoff": cutoff.UTC().Format("2006-01-02 15:04:05.000Z"), "owner": owner})
		if err != nil {
			return removed, err
		}
		if len(records) == 0 {
			return removed, nil
		}
		for _, r := range records {
			if err := removeApplication(app, r); err != nil {
				return removed, fmt.Errorf("remove the abandoned application %s: %w", r.Id, err)
			}
			removed++
		}
	}
}
