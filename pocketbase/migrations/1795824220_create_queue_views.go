package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The office's date is the date of SQLite's 'now' moved to WITA (UTC+8, no
// daylight saving time). process_date holds the office's date at 00:00 UTC
// ("2026-11-30 00:00:00.000Z"), so a day is the range [date, date+1) of the
// stored text, which the index on process_date serves.
const (
	sqlToday    = "date('now', '+8 hours')"
	sqlTomorrow = "date('now', '+8 hours', '+1 day')"
)

// TodaysQueueQuery is the query of the view collection todays_queue: the
// applications of today's morning queue still to be worked (queued or
// in_process), by queue number. application opens the application itself.
const TodaysQueueQuery = `SELECT
  a.id AS id,
  a.queue_no AS queue_no,
  a.reference AS reference,
  a.service AS service,
  a.subject_name AS subject_name,
  a.subject_nik AS subject_nik,
  a.status AS status,
  a.revision AS revision,
  a.submitted AS submitted,
  a.owner AS owner,
  a.documents AS documents,
  a.id AS application
FROM applications a
WHERE a.process_date >= ` + sqlToday + ` AND a.process_date < ` + sqlTomorrow + `
  AND a.status IN ('queued', 'in_process')
ORDER BY a.queue_no, a.id`

// NeedsAttentionQuery is the query of the view collection needs_attention:
// first the revisions that residents resubmitted (submitted with revision >
// 0: staff asked for them and may take them up before the next morning),
// then the applications left over from an earlier morning (queued or
// in_process with a past process date); within each, the one waiting
// longest first. reason says which; waiting_days counts whole days since
// the (last) submission.
const NeedsAttentionQuery = `SELECT
  a.id AS id,
  CAST(CASE WHEN a.status = 'submitted' THEN 'revision resubmitted' ELSE 'left from an earlier morning' END AS TEXT) AS reason,
  a.reference AS reference,
  a.service AS service,
  a.subject_name AS subject_name,
  a.status AS status,
  a.revision AS revision,
  a.submitted AS submitted,
  CAST(julianday('now') - julianday(a.submitted) AS INTEGER) AS waiting_days,
  a.process_date AS process_date,
  a.queue_no AS queue_no,
  a.staff_note AS staff_note,
  a.owner AS owner,
  a.documents AS documents,
  a.id AS application
FROM applications a
WHERE (a.status = 'submitted' AND a.revision > 0)
   OR (a.status IN ('queued', 'in_process') AND a.process_date != '' AND a.process_date < ` + sqlToday + `)
ORDER BY CASE WHEN a.status = 'submitted' THEN 0 ELSE 1 END, a.submitted, a.id`

func init() {
	m.Register(func(app core.App) error {
		for _, v := range []struct{ name, query string }{
			{"todays_queue", TodaysQueueQuery},
			{"needs_attention", NeedsAttentionQuery},
		} {
			c := core.NewViewCollection(v.name)
			c.ViewQuery = v.query
			// superusers only (rules nil)
			c.ListRule = nil
			c.ViewRule = nil
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		if err := deleteCollection(app, "needs_attention"); err != nil {
			return err
		}
		return deleteCollection(app, "todays_queue")
	})
}
