package workflow

import (
	"fmt"
	"slices"
	"strings"

	"dukcapil-daring/server/internal/trail"
)

// Kinds of actor of an application_events row (those of every event row).
const (
	ActorResident = trail.ActorResident
	ActorStaff    = trail.ActorStaff
	ActorSystem   = trail.ActorSystem
)

// transitions lists, for each kind of actor, the status changes it may
// make: from → the statuses it may go to. Keeping the status is not a
// transition (a retried finalise is a no-op).
//
// Staff (superusers, in the dashboard) work the queue: queued →
// in_process; queued or in_process → completed (needs a result PDF);
// submitted, queued or in_process → needs_revision or rejected (need a
// staff_note), in one save. submitted → queued is the
// morning intake's move; staff may make it by hand too (an application that
// arrived after the intake and is handled the same day), and then get the
// queue number and process date that the intake would have given.
// Uploading and needs_revision belong to the resident; completed, rejected
// and cancelled are final.
var transitions = map[string]map[string][]string{
	ActorResident: {
		StatusUploading:     {StatusSubmitted, StatusCancelled},
		StatusNeedsRevision: {StatusSubmitted},
		StatusSubmitted:     {StatusCancelled},
	},
	ActorStaff: {
		StatusSubmitted: {StatusQueued, StatusNeedsRevision, StatusRejected},
		StatusQueued:    {StatusInProcess, StatusCompleted, StatusNeedsRevision, StatusRejected},
		StatusInProcess: {StatusCompleted, StatusNeedsRevision, StatusRejected},
	},
}

// actorNames names the kinds of actor at the start of a message.
var actorNames = map[string]string{
	ActorResident: "Residents",
	ActorStaff:    "Staff",
	ActorSystem:   "The system",
}

// transitionHints explain, per kind of actor and status, why a status
// cannot be left (appended to the message of a refused change).
var transitionHints = map[string]map[string]string{
	ActorStaff: {
		StatusUploading:     " The resident finalises it (uploading → submitted).",
		StatusNeedsRevision: " The resident corrects and resubmits it (needs_revision → submitted).",
		StatusCompleted:     " Completed is final.",
		StatusRejected:      " Rejected is final.",
		StatusCancelled:     " Cancelled is final.",
	},
	ActorResident: {
		StatusQueued:    " The office is processing it.",
		StatusInProcess: " The office is processing it.",
	},
}

// editableStatuses are the statuses in which a resident may change the
// answers of an application.
var editableStatuses = []string{StatusUploading, StatusNeedsRevision}

// residentFields are the fields a resident may write at all (the API rules
// keep the owner and the staff fields away); they are frozen outside the
// editable statuses. The service never changes after the create.
var residentFields = []string{"data", "subject_nik", "subject_name"}

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
	who := actorNames[actor]
	hint := transitionHints[actor][from]
	if len(allowed) == 0 {
		return fmt.Errorf("%s cannot change the status of an application that is %q (asked: %q).%s", who, from, to, hint)
	}
	quoted := make([]string, len(allowed))
	for i, s := range allowed {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return fmt.Errorf("%s may change an application that is %q only to %s, not to %q.%s", who, from, strings.Join(quoted, " or "), to, hint)
}
