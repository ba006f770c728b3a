package intake

import (
	"fmt"
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/workflow"
)

// Result is what one run of the intake did.
type Result struct {
	// Date is the process date (YYYY-MM-DD, Asia/Makassar) of the queue.
	Date string `json:"date"`
	// Cutoff is the instant before which applications had to be submitted.
	Cutoff time.Time `json:"cutoff"`
	// Queued is the number of applications this run queued.
	Queued int `json:"queued"`
	// First and Last are the queue numbers this run gave (0 when none).
	First int `json:"first"`
	Last  int `json:"last"`
	// Notified is the number of residents that got a morning summary.
	Notified int `json:"notified"`
	// Run is the id of the intake_runs row of Date.
	Run string `json:"run"`
	// Total is the number of applications queued by all runs of Date.
	Total int `json:"total"`

	// Applications are the ids of the applications this run queued, and
	// Stamp the time it wrote on their rows, events and notifications
	// (for OnAfterRun).
	Applications []string `json:"-"`
	Stamp        string   `json:"-"`
}

// afterRunKey is the app store key of the OnAfterRun functions.
const afterRunKey = "dukcapilIntakeAfterRun"

// OnAfterRun adds fn to what runs after each committed run of the intake
// on app (the live delivery sends its bulk changes to the open apps: they
// are written by SQL, without record hooks).
func OnAfterRun(app core.App, fn func(core.App, Result)) {
	fns, _ := app.Store().Get(afterRunKey).([]func(core.App, Result))
	app.Store().Set(afterRunKey, append(fns, fn))
}

// queuedRow is an application that a run moved to queued.
type queuedRow struct {
	Id        string `db:"id"`
	Owner     string `db:"owner"`
	Service   string `db:"service"`
	Reference string `db:"reference"`
	QueueNo   int    `db:"queue_no"`
}

// batchSize bounds the ids in one IN (...) list.
const batchSize = 500

// Run queues, in one transaction, every application that is submitted with
// a submission time before cutoff: in the order of submission (then id) it
// gets status queued, process_date date and the next queue numbers of date
// (continuing after the highest number already given for date); each gets
// one application_events row (submitted → queued, actor_kind system, note
// "Antrean pagi <date>, nomor N"); each resident gets ONE notifications row
// (kind morning_summary) listing their queue numbers, in their locale; and
// the intake_runs row of date records the cutoff and the count.
//
// A second Run with the same date and cutoff finds nothing left to queue
// and changes nothing.
//
// For speed (10,000 applications in well under a second) Run writes with
// bulk SQL, not one record save per row, so record hooks do not fire for
// these rows: no realtime messages and no push trigger. That is fine: the
// resident's app reads the changes on its next pull (the rows' updated
// times are set), and the push sender (internal/push) polls the pending
// notifications every few seconds.
func Run(app core.App, date string, cutoff time.Time) (Result, error) {
	result := Result{Date: date, Cutoff: cutoff.UTC()}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return result, fmt.Errorf("intake: %q is not a YYYY-MM-DD date", date)
	}
	cutoffValue, err := types.ParseDateTime(cutoff)
	if err != nil {
		return result, err
	}
	now := types.NowDateTime().String()

	err = app.RunInTransaction(func(tx core.App) error {
		next, err := workflow.NextQueueNumber(tx, date)
		if err != nil {
			return err
		}

		var rows []queuedRow
		err = tx.NonconcurrentDB().NewQuery(
			"UPDATE {{applications}} SET " +
				"[[status]] = {:queued}, [[process_date]] = {:day}, [[queue_no]] = {:base} + q.n, [[updated]] = {:now} " +
				"FROM (SELECT [[id]] AS qid, ROW_NUMBER() OVER (ORDER BY [[submitted]], [[id]]) AS n " +
				"FROM {{applications}} WHERE [[status]] = {:submitted} AND [[submitted]] < {:cutoff}) AS q " +
				"WHERE {{applications}}.[[id]] = q.qid " +
				"RETURNING [[id]], [[owner]], [[service]], [[reference]], [[queue_no]]",
		).Bind(dbx.Params{
			"queued":    workflow.StatusQueued,
			"submitted": workflow.StatusSubmitted,
			"day":       workflow.ProcessDateValue(date),
			"base":      next - 1,
			"now":       now,
			"cutoff":    cutoffValue.String(),
		}).All(&rows)
		if err != nil {
			return fmt.Errorf("intake: queue the applications: %w", err)
		}
		slices.SortFunc(rows, func(a, b queuedRow) int { return a.QueueNo - b.QueueNo })

		if err := insertEvents(tx, rows, date, now); err != nil {
			return err
		}
		notified, err := insertSummaries(tx, rows, date, now)
		if err != nil {
			return err
		}

		run, err := recordRun(tx, date, cutoffValue, len(rows))
		if err != nil {
			return err
		}

		result.Queued = len(rows)
		if len(rows) > 0 {
			result.First, result.Last = rows[0].QueueNo, rows[len(rows)-1].QueueNo
		}
		result.Notified = notified
		result.Run = run.Id
		result.Total = run.GetInt("queued")
		result.Stamp = now
		for _, r := range rows {
			result.Applications = append(result.Applications, r.Id)
		}
		return nil
	})
	if err == nil && result.Queued > 0 {
		fns, _ := app.Store().Get(afterRunKey).([]func(core.App, Result))
		for _, fn := range fns {
			fn(app, result)
		}
	}
	return result, err
}

// insertEvents writes the submitted → queued event of every row.
func insertEvents(tx core.App, rows []queuedRow, date, now string) error {
	if len(rows) == 0 {
		return nil
	}
	q := tx.NonconcurrentDB().NewQuery(
		"INSERT INTO {{application_events}} ([[id]], [[application]], [[from]], [[to]], [[actor]], [[actor_kind]], [[note]], [[created]]) " +
			"VALUES ({:id}, {:application}, {:from}, {:to}, '', {:kind}, {:note}, {:now})",
	).Prepare()
	defer q.Close()
	for _, r := range rows {
		_, err := q.Bind(dbx.Params{
			"id":          core.GenerateDefaultRandomId(),
			"application": r.Id,
			"from":        workflow.StatusSubmitted,
			"to":          workflow.StatusQueued,
			"kind":        workflow.ActorSystem,
			"note":        workflow.QueueNote(date, r.QueueNo),
			"now":         now,
		}).Execute()
		if err != nil {
			return fmt.Errorf("intake: event of %s: %w", r.Id, err)
		}
	}
	return nil
}

// insertSummaries writes one morning_summary notification per resident of
// rows (in the order of their first queue number) and returns how many.
func insertSummaries(tx core.App, rows []queuedRow, date, now string) (int, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	var owners []string
	byOwner := map[string][]queuedRow{}
	for _, r := range rows {
		if _, seen := byOwner[r.Owner]; !seen {
			owners = append(owners, r.Owner)
		}
		byOwner[r.Owner] = append(byOwner[r.Owner], r)
	}
	locales, err := localesOf(tx, owners)
	if err != nil {
		return 0, err
	}

	q := tx.NonconcurrentDB().NewQuery(
		"INSERT INTO {{notifications}} ([[id]], [[owner]], [[application]], [[kind]], [[title]], [[body]], " +
			"[[texts]], [[read]], [[delivery]], [[attempts]], [[delivered_at]], [[created]], [[updated]]) " +
			"VALUES ({:id}, {:owner}, {:application}, {:kind}, {:title}, {:body}, {:texts}, FALSE, {:delivery}, 0, '', {:now}, {:now})",
	).Prepare()
	defer q.Close()
	for _, owner := range owners {
		mine := byOwner[owner]
		entries := make([]workflow.QueueEntry, len(mine))
		for i, r := range mine {
			entries[i] = workflow.QueueEntry{Service: r.Service, Reference: r.Reference, QueueNo: r.QueueNo}
		}
		texts := map[string]workflow.Text{}
		for _, locale := range workflow.Locales {
			texts[locale] = workflow.QueuedText(locale, date, entries)
		}
		text := texts[workflow.NormaliseLocale(locales[owner])]
		application := ""
		if len(mine) == 1 {
			application = mine[0].Id
		}
		_, err := q.Bind(dbx.Params{
			"id":          core.GenerateDefaultRandomId(),
			"owner":       owner,
			"application": application,
			"kind":        workflow.KindMorningSummary,
			"title":       text.Title,
			"body":        text.Body,
			"texts":       string(workflow.TextsJSON(texts)),
			"delivery":    workflow.DeliveryPending,
			"now":         now,
		}).Execute()
		if err != nil {
			return 0, fmt.Errorf("intake: summary of %s: %w", owner, err)
		}
	}
	return len(owners), nil
}

// localesOf returns the locale of each resident (LocaleID when unset).
func localesOf(tx core.App, owners []string) (map[string]string, error) {
	locales := make(map[string]string, len(owners))
	for start := 0; start < len(owners); start += batchSize {
		batch := owners[start:min(start+batchSize, len(owners))]
		var users []struct {
			Id     string `db:"id"`
			Locale string `db:"locale"`
		}
		ids := make([]any, len(batch))
		for i, id := range batch {
			ids[i] = id
		}
		err := tx.NonconcurrentDB().Select("id", "locale").From(collections.Users).
			Where(dbx.In("id", ids...)).All(&users)
		if err != nil {
			return nil, fmt.Errorf("intake: read the residents' locales: %w", err)
		}
		for _, u := range users {
			locales[u.Id] = workflow.NormaliseLocale(u.Locale)
		}
	}
	return locales, nil
}

// recordRun creates or updates the intake_runs row of date: the latest
// cutoff and the count of queued applications. An existing row that the
// run does not change is not saved.
func recordRun(tx core.App, date string, cutoff types.DateTime, queued int) (*core.Record, error) {
	run, err := findRun(tx, date)
	if err != nil {
		return nil, err
	}
	if run == nil {
		collection, err := tx.FindCachedCollectionByNameOrId(collections.IntakeRuns)
		if err != nil {
			return nil, err
		}
		run = core.NewRecord(collection)
		run.Set("date", date)
	} else if queued == 0 && !run.GetDateTime("cutoff").Before(cutoff) {
		return run, nil
	}
	if run.GetDateTime("cutoff").Before(cutoff) {
		run.Set("cutoff", cutoff)
	}
	run.Set("queued", run.GetInt("queued")+queued)
	if err := tx.Save(run); err != nil {
		return nil, fmt.Errorf("intake: record the run of %s: %w", date, err)
	}
	return run, nil
}

// findRun returns the intake_runs row of date, or nil.
func findRun(app core.App, date string) (*core.Record, error) {
	runs, err := app.FindRecordsByFilter(collections.IntakeRuns, "date = {:date}", "", 1, 0, dbx.Params{"date": date})
	if err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, nil
	}
	return runs[0], nil
}
