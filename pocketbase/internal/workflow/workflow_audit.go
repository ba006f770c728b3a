package workflow

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/collections"
)

const (
	eventsCreateHookId        = "dukcapilEventsCreate"
	eventsUpdateHookId        = "dukcapilEventsUpdate"
	eventsDeleteHookId        = "dukcapilEventsDelete"
	notificationsUpdateHookId = "dukcapilNotificationsUpdate"
	notificationsDeleteHookId = "dukcapilNotificationsDelete"
)

// registerAudit keeps the audit trail and the inbox append-only through the
// API for everyone, staff included (the API rules already keep residents
// out, but they do not apply to superusers): application_events rows are
// written only by server code, never changed or deleted; notifications are
// never deleted, and only their owner changes them (marking them read, as
// the collection's update rule allows). Staff may still add a notification
// by hand (e.g. kind "info"). Server code (the workflow, the intake, the
// push sender) writes with app.Save and is not affected.
func registerAudit(app core.App) {
	refuse := func(message string) func(*core.RecordRequestEvent) error {
		return func(e *core.RecordRequestEvent) error {
			return e.ForbiddenError(message, nil)
		}
	}
	const trail = "The application events are the audit trail: the server writes one with every status change, and nobody changes or deletes them."
	app.OnRecordCreateRequest(collections.ApplicationEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: eventsCreateHookId, Func: refuse(trail),
	})
	app.OnRecordUpdateRequest(collections.ApplicationEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: eventsUpdateHookId, Func: refuse(trail),
	})
	app.OnRecordDeleteRequest(collections.ApplicationEvents).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: eventsDeleteHookId, Func: refuse(trail),
	})

	app.OnRecordUpdateRequest(collections.Notifications).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: notificationsUpdateHookId,
		Func: func(e *core.RecordRequestEvent) error {
			if e.HasSuperuserAuth() {
				return e.ForbiddenError("A notification was sent as it is: only its resident marks it as read.", nil)
			}
			return e.Next()
		},
	})
	app.OnRecordDeleteRequest(collections.Notifications).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: notificationsDeleteHookId, Func: refuse("Notifications are kept: the inbox is append-only."),
	})
}
