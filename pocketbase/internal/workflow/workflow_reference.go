package workflow

import (
	"fmt"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"dukcapil-daring/server/internal/collections"
	"dukcapil-daring/server/internal/office"
)

// ReferencePrefix starts every reference number (Balikpapan).
const ReferencePrefix = "BPN-"

// ReferenceDayPrefix returns the start of the references of the WITA day of
// now: BPN-YYYYMMDD-.
func ReferenceDayPrefix(now time.Time) string {
	return ReferencePrefix + strings.ReplaceAll(office.Today(now), "-", "") + "-"
}

// AssignReference gives the application with the given id its reference
// number, BPN-YYYYMMDD-NNNN: the date of now in Asia/Makassar and NNNN the
// 1-based count of the applications that got a reference that day, at least
// four digits. Call it inside the transaction that saves the application:
// PocketBase runs write transactions one at a time, so the count and the
// write cannot interleave with another finalise. The unique index on
// reference (idx_applications_reference) is the last guard: on a conflict
// the number is taken once more, from the highest number of the day.
func AssignReference(tx core.App, id string, now time.Time) (string, error) {
	prefix := ReferenceDayPrefix(now)
	var lastErr error
	for attempt := 0; attempt < 2; attempt++ {
		n, err := nextReferenceNumber(tx, prefix, attempt > 0)
		if err != nil {
			return "", err
		}
		reference := fmt.Sprintf("%s%04d", prefix, n)
		// claim it now, so that a conflict shows here and not in the save
		_, err = tx.NonconcurrentDB().
			Update(collections.Applications, dbx.Params{"reference": reference}, dbx.HashExp{"id": id}).
			Execute()
		if err == nil {
			return reference, nil
		}
		if !isUniqueReferenceConflict(err) {
			return "", err
		}
		lastErr = err
	}
	return "", fmt.Errorf("assign a reference number: %w", lastErr)
}

// nextReferenceNumber is the count of the day's references plus one, or
// after a conflict the highest number of the day plus one.
func nextReferenceNumber(tx core.App, prefix string, fromHighest bool) (int, error) {
	expr := "COUNT(*)"
	if fromHighest {
		expr = fmt.Sprintf("COALESCE(MAX(CAST(SUBSTR([[reference]], %d) AS INTEGER)), 0)", len(prefix)+1)
	}
	var n int
	err := tx.NonconcurrentDB().
		Select(expr).
		From(collections.Applications).
		Where(dbx.Like("reference", prefix).Match(false, true).Escape()).
		Row(&n)
	return n + 1, err
}

func isUniqueReferenceConflict(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") && strings.Contains(msg, "reference")
}
