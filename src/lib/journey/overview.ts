import type { LocalApplication } from '$lib/local/db';

/**
 * What the application page's status box says, from the phone's copy: the truth at this moment,
 * never "received" for something the office has not confirmed, nor for an application it sent back.
 * - draft: being filled in on the phone;
 * - correcting: being corrected after the office sent it back (not sent yet);
 * - fixing: being fixed after the server refused it (not sent yet);
 * - outbox: waiting to be sent for the first time;
 * - correction_pending: a correction waiting to be sent ("perbaikan belum terkirim");
 * - withdraw_pending: a withdrawal waiting to be sent;
 * - set_aside: the server refused it; the resident must act;
 * - needs_revision: the office sent it back with a note;
 * - received: the office has it (any other server status).
 */
export type StatusBox =
	| 'draft'
	| 'correcting'
	| 'fixing'
	| 'outbox'
	| 'correction_pending'
	| 'withdraw_pending'
	| 'set_aside'
	| 'needs_revision'
	| 'received';

/** statusBox tells which status box the application page shows. */
export function statusBox(application: LocalApplication): StatusBox {
	if (application.state === 'draft') return application.correction ? 'correcting' : application.refusal ? 'fixing' : 'draft';
	if (application.state === 'outbox') {
		if (application.setAside) return 'set_aside';
		if (application.withdrawRequestedAt) return 'withdraw_pending';
		return application.correction ? 'correction_pending' : 'outbox';
	}
	return application.remote?.status === 'needs_revision' ? 'needs_revision' : 'received';
}
