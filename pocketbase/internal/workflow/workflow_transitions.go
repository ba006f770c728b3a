package workflow

import (
	"fmt"
	"slices"
	"strings"
)

// Kinds of actor of an application_events row.
const (
	ActorResident = "resident"
	ActorStaff    = "staff"
	ActorSystem   = "system"
)

// transitions lists, for each kind of actor, the status changes it may
// make: from → the statuses it may go to. Keeping the status is not a
// transition (a retried finalise is a no-op). A kind without a table is not
// checked: staff (superusers) until the staff workflow is built, when its
// table goes here (queued → in_process, in_process → completed, ...).
var transitions = map[string]map[string][]string{
	ActorResident: {
		StatusUploading:     {StatusSubmitted, StatusCancelled},
		StatusNeedsRevision: {StatusSubmitted},
		StatusSubmitted:     {StatusCancelled},
	},
}

// editableStatuses are the statuses in which a resident may change the
// answers of an application.
var editableStatuses = []string{StatusUploading, StatusNeedsRevision}

// residentFields are the fields a resident may write at all (the API rules
// keep the owner and the staff fields away); they are frozen outside the
// editable statuses.
var residentFields = []string{"data", "service", "subject_nik", "subject_name"}

// transitionError returns nil when actor may change the status from → to,
// or the message of the rule that forbids it.
func transitionError(actor, from, to string) error {
	if from == to {
		return nil
	}
	table, checked := transitions[actor]
	if !checked {
		return nil
	}
	allowed := table[from]
	if slices.Contains(allowed, to) {
		return nil
	}
	who := strings.ToUpper(actor[:1]) + actor[1:] + "s"
	if len(allowed) == 0 {
		return fmt.Errorf("%s cannot change the status of an application that is %q (asked: %q).", who, from, to)
	}
	quoted := make([]string, len(allowed))
	for i, s := range allowed {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return fmt.Errorf("%s may change an application that is %q only to %s, not to %q.", who, from, strings.Join(quoted, " or "), to)
}
