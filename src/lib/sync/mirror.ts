import type { RecordModel } from 'pocketbase';
import type { LocalApplication, RemoteApplication, StatusEvent } from '$lib/local/db';

/** toRemote copies the fields of a server application record that the phone keeps. */
export function toRemote(record: RecordModel): RemoteApplication {
	return {
		status: String(record.status ?? ''),
		reference: String(record.reference ?? ''),
		submitted: String(record.submitted ?? ''),
		updated: String(record.updated ?? ''),
		revision: Number(record.revision ?? 0),
		staff_note: String(record.staff_note ?? ''),
		process_date: String(record.process_date ?? ''),
		queue_no: Number(record.queue_no ?? 0),
		results: Array.isArray(record.results) ? (record.results as string[]) : record.results ? [String(record.results)] : []
	};
}

/** toStatusEvent copies a server status event (`application_events`) for the timeline: pull and realtime both use it. */
export function toStatusEvent(record: RecordModel): StatusEvent {
	return {
		id: record.id,
		applicationId: String(record.application),
		from: String(record.from ?? ''),
		to: String(record.to ?? ''),
		note: String(record.note ?? ''),
		created: String(record.created)
	};
}

/** Statuses of an application the office has received. */
export const RECEIVED_STATUSES = new Set(['submitted', 'queued', 'in_process', 'completed', 'needs_revision', 'rejected', 'cancelled']);

/**
 * confirmsOutbox tells whether the server's copy shows that what the phone has in the outbox
 * arrived: a withdrawal once it is cancelled; a correction once the server counted the
 * resubmission (a later revision, no longer needs_revision); a first send once it was received.
 */
export function confirmsOutbox(local: Pick<LocalApplication, 'withdrawRequestedAt' | 'correction'>, remote: RemoteApplication): boolean {
	if (local.withdrawRequestedAt) return remote.status === 'cancelled';
	if (local.correction) return remote.revision > local.correction.baseRevision && remote.status !== 'needs_revision';
	return RECEIVED_STATUSES.has(remote.status);
}
