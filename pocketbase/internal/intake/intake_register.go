// Package intake is the morning intake of DESIGN.md ("The morning"): at the
// office's intake time (default 07:30 Asia/Makassar) on every working day
// (internal/office), every submitted application enters the day's queue
// with a process date and a queue number in order of submission, and each
// resident gets one notification (kind morning_summary) listing theirs.
//
// The intake is idempotent and catches up: every minute (PocketBase's cron)
// and once when the server starts, it runs if today is a working day, the
// intake time has passed, and no run of today with that cutoff is recorded
// in intake_runs. A server that was down at 07:30 and starts at 09:00 runs
// the 07:30 intake then; a second tick the same morning does nothing.
//
// Staff (superusers) can run it at once with POST /api/office/intake
// (demos and tests).
package intake

import (
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"dukcapil-daring/server/internal/office"
)

// RoutePath is the superuser-only route that runs the intake now.
const RoutePath = "/api/office/intake"

// EnvIntakeTime is the environment variable of the intake time, read by
// IntakeTimeFromEnv.
const EnvIntakeTime = "DUKCAPIL_INTAKE_TIME"

// Off as the intake time turns the automatic intake off (no cron job, no
// catch-up at start); the route still runs it by hand.
const Off = "off"

const (
	cronJobId    = "dukcapilMorningIntake"
	serveHookId  = "dukcapilIntakeServe"
	cronSchedule = "* * * * *"
)

// Config configures the intake.
type Config struct {
	// IntakeTime is the time of the intake, HH:MM in Asia/Makassar
	// (default office.DefaultIntakeTime), or Off.
	IntakeTime string

	// Now is the clock (default time.Now).
	Now func() time.Time
}

// IntakeTimeFromEnv returns the intake time of the environment
// (DUKCAPIL_INTAKE_TIME), or fallback when it is unset.
func IntakeTimeFromEnv(fallback string) string {
	if v := os.Getenv(EnvIntakeTime); v != "" {
		return v
	}
	return fallback
}

// CheckConfig returns an error when the intake time is neither HH:MM nor
// Off.
func CheckConfig(config Config) error {
	if config.IntakeTime == Off {
		return nil
	}
	if err := office.CheckIntakeTime(config.IntakeTime); err != nil {
		return fmt.Errorf("intake time: %w (use HH:MM, e.g. 07:30, or %q)", err, Off)
	}
	return nil
}

// Register sets up the morning intake on app: the cron job that checks
// every minute whether the intake is due, the same check once when the app
// starts serving, and the route POST /api/office/intake. It panics on an
// invalid intake time (check it with CheckConfig first).
func Register(app core.App, config Config) {
	if err := CheckConfig(config); err != nil {
		panic(err)
	}
	if config.Now == nil {
		config.Now = time.Now
	}

	// ticks of the cron job and the start never overlap
	var mu sync.Mutex
	tick := func(a core.App) {
		mu.Lock()
		defer mu.Unlock()
		result, ran, err := RunIfDue(a, config.Now(), config.IntakeTime)
		switch {
		case err != nil:
			a.Logger().Error("intake: the morning intake failed", "error", err)
		case ran:
			a.Logger().Info("intake: morning intake", "date", result.Date, "queued", result.Queued,
				"first", result.First, "last", result.Last, "residents", result.Notified)
		}
	}

	if config.IntakeTime != Off {
		app.Cron().MustAdd(cronJobId, cronSchedule, func() { tick(app) })
	}

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: serveHookId,
		Func: func(e *core.ServeEvent) error {
			if config.IntakeTime != Off {
				// catch up with a morning missed while the server was down
				tick(e.App)
			}
			e.Router.POST(RoutePath, func(re *core.RequestEvent) error {
				mu.Lock()
				defer mu.Unlock()
				return runNow(re, config.Now())
			}).Bind(apis.RequireSuperuserAuth())
			return e.Next()
		},
	})
}

// RunIfDue runs the intake of today (the date of now in Asia/Makassar) with
// the cutoff of today's intake instant, if today is a working day
// (office_days), now is at or after the intake instant, and no run of today
// has reached that cutoff yet. It reports whether it ran.
func RunIfDue(app core.App, now time.Time, intakeTime string) (Result, bool, error) {
	today := office.Today(now)
	days, err := office.LoadOfficeDays(app)
	if err != nil {
		return Result{}, false, err
	}
	working, err := office.IsWorkingDay(today, days)
	if err != nil || !working {
		return Result{}, false, err
	}
	at, err := office.IntakeInstant(today, intakeTime)
	if err != nil || now.Before(at) {
		return Result{}, false, err
	}
	run, err := findRun(app, today)
	if err != nil {
		return Result{}, false, err
	}
	if run != nil && !run.GetDateTime("cutoff").Time().Before(at) {
		return Result{}, false, nil
	}
	result, err := Run(app, today, at)
	return result, err == nil, err
}

// runNow is the route: the intake of today with the cutoff now, whether or
// not today is a working day or a run of today exists (then it queues what
// was submitted since, continuing the numbers).
func runNow(e *core.RequestEvent, now time.Time) error {
	today := office.Today(now)
	result, err := Run(e.App, today, now)
	if err != nil {
		return e.InternalServerError("The intake failed.", err)
	}
	return e.JSON(http.StatusOK, result)
}
