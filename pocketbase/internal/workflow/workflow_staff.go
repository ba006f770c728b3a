package workflow

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
)

// checkStaffChange refuses a status change that the staff table does not
// allow, completed without a result PDF, and needs_revision or rejected
// without a note for the resident. The conditions are checked on the
// values after the update, so a PDF uploaded or a note written in the same
// request counts; they are checked again when a completed application loses
// its results or a needs_revision/rejected one its note.
func checkStaffChange(before, after *core.Record, from, to string) error {
	if err := transitionError(ActorStaff, from, to); err != nil {
		return apis.NewBadRequestError("This status change is not allowed.",
			validation.Errors{"status": validation.NewError(CodeTransitionForbidden, err.Error())})
	}

	errs := validation.Errors{}
	if to == StatusCompleted && (from != to || !sameValue(before.Get("results"), after.Get("results"))) &&
		fileCount(after, "results") == 0 && !completedWithoutResult(after.GetString("service")) {
		errs["results"] = validation.NewError(CodeResultRequired,
			fmt.Sprintf("An application becomes %q only with at least one result PDF in results.", StatusCompleted))
	}
	if (to == StatusNeedsRevision || to == StatusRejected) &&
		(from != to || before.GetString("staff_note") != after.GetString("staff_note")) &&
		strings.TrimSpace(after.GetString("staff_note")) == "" {
		errs["staff_note"] = validation.NewError(CodeNoteRequired,
			fmt.Sprintf("An application becomes %q only with a note for the resident in staff_note.", to))
	}
	if len(errs) > 0 {
		return apis.NewBadRequestError("The status cannot be changed yet.", errs)
	}
	return nil
}

// completedWithoutResult tells whether an application of service is
// completed without a result PDF: its result is a card that the resident
// collects at the office ("ready to collect", with a ktp-ambil visit).
func completedWithoutResult(service string) bool {
	return collectedInPerson[service]
}

// fileCount returns the number of files of a file field after the update:
// the stored names kept plus the files being uploaded.
func fileCount(record *core.Record, field string) int {
	switch v := record.GetRaw(field).(type) {
	case nil:
		return 0
	case string:
		if v == "" {
			return 0
		}
		return 1
	default:
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Slice {
			return rv.Len()
		}
		return 1
	}
}

// queueByHand gives an application that staff move from submitted to
// queued what the morning intake would give it: the process date of today
// (Asia/Makassar) and the next queue number of that date. A queue number or
// process date that the request itself sets is kept. It returns the process
// date and the queue number.
func queueByHand(tx core.App, before, record *core.Record, now time.Time) (string, int, error) {
	date := office.Today(now)
	if given := record.GetDateTime("process_date"); !given.IsZero() && !given.Equal(before.GetDateTime("process_date")) {
		date = given.Time().UTC().Format(time.DateOnly)
	}
	record.Set("process_date", ProcessDateValue(date))

	n := record.GetInt("queue_no")
	if n <= 0 || n == before.GetInt("queue_no") {
		next, err := NextQueueNumber(tx, date)
		if err != nil {
			return "", 0, err
		}
		n = next
		record.Set("queue_no", n)
	}
	return date, n, nil
}

// ProcessDateValue is the stored value of the process date date
// (YYYY-MM-DD, a day of the office in Asia/Makassar): the date at 00:00
// UTC, so that the first ten characters of the field are the office's date.
func ProcessDateValue(date string) string {
	return date + " 00:00:00.000Z"
}

// NextQueueNumber returns the queue number after the highest one given for
// the process date date (YYYY-MM-DD), 1 for the first. Call it in the
// transaction that stores the number.
func NextQueueNumber(tx core.App, date string) (int, error) {
	var highest int
	next, err := nextDay(date)
	if err != nil {
		return 0, err
	}
	err = tx.NonconcurrentDB().
		Select("COALESCE(MAX([[queue_no]]), 0)").
		From(collections.Applications).
		Where(dbx.NewExp("[[process_date]] >= {:from} AND [[process_date]] < {:to}", dbx.Params{"from": date, "to": next})).
		Row(&highest)
	return highest + 1, err
}

// nextDay returns the date after date (YYYY-MM-DD).
func nextDay(date string) (string, error) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("workflow: %q is not a YYYY-MM-DD date: %w", date, err)
	}
	return d.AddDate(0, 0, 1).Format(time.DateOnly), nil
}

// QueueNote is the note of the event of an application that entered the
// morning queue of date with number n.
func QueueNote(date string, n int) string {
	return fmt.Sprintf("Antrean pagi %s, nomor %d", date, n)
}

// handQueueNote is the note of the event of an application that staff
// queued by hand.
func handQueueNote(date string, n int) string {
	return fmt.Sprintf("Antrean %s, nomor %d (diantrekan staf)", date, n)
}

// staffEventNote is the note of the event of a staff status change: the
// note for the resident when the change needs one or the request changed
// it.
func staffEventNote(before, after *core.Record, to string) string {
	note := after.GetString("staff_note")
	if to == StatusNeedsRevision || to == StatusRejected || note != before.GetString("staff_note") {
		return note
	}
	return ""
}

// notifyStatus writes the notification of a staff decision (needs_revision,
// completed, rejected) to the owner of the application, in the owner's
// locale; other statuses write none.
func notifyStatus(tx core.App, record *core.Record, to string) error {
	switch to {
	case StatusNeedsRevision, StatusCompleted, StatusRejected:
	default:
		return nil
	}
	return WriteNotification(tx, record.GetString("owner"), record.Id, to, func(locale string) (Text, error) {
		return StatusText(locale, to, record.GetString("service"), record.GetString("reference"), record.GetString("staff_note"))
	})
}

// notifyQueued writes the "in today's queue, number N" notification of an
// application queued by hand.
func notifyQueued(tx core.App, record *core.Record, date string, n int) error {
	entries := []QueueEntry{{Service: record.GetString("service"), Reference: record.GetString("reference"), QueueNo: n}}
	return WriteNotification(tx, record.GetString("owner"), record.Id, KindQueued, func(locale string) (Text, error) {
		return QueuedText(locale, date, entries), nil
	})
}
