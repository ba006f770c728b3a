import { newRecordId } from '$lib/local/ids';
import type { LocalVisit } from '$lib/local/db';
import { addVisit, getVisit, removeVisit, updateVisit, visitsOf } from '$lib/local/visits';
import { requestSync, syncWhenOnline } from '$lib/sync/sync.svelte';

/** What a resident asks for on a service page. */
export interface VisitRequest {
	owner: string;
	service: string;
	preferredDate: string;
	partOfDay?: 'pagi' | 'siang';
	application?: string;
}

/**
 * requestVisit puts a visit request in the outbox (also offline: "will be booked when you are
 * online") and asks for a sync; the server books it and the phone shows the result.
 */
export async function requestVisit(request: VisitRequest): Promise<LocalVisit> {
	const now = Date.now();
	const visit: LocalVisit = { id: newRecordId(), ...request, state: 'outbox', requestedAt: now, updated: now };
	await addVisit(visit);
	void requestSync();
	void syncWhenOnline();
	return visit;
}

/** cancelVisit asks to cancel a booked visit (sent at the next sync; a request not yet sent is dropped at once). */
export async function cancelVisit(id: string): Promise<void> {
	const visit = await getVisit(id);
	if (!visit) return;
	if (visit.state === 'outbox') {
		// Not sent yet: withdrawn on the phone. Were it being sent at this moment, the next pull
		// brings the booking back, to cancel like any other.
		await removeVisit(id);
		return;
	}
	if (visit.state !== 'sent' || visit.status !== 'booked') return;
	await updateVisit(id, { cancelRequested: true, refusal: undefined });
	void requestSync();
	void syncWhenOnline();
}

/** isActive tells whether a visit holds (or is asking for) a place. */
export function isActive(visit: LocalVisit): boolean {
	return visit.state === 'outbox' || (visit.state === 'sent' && visit.status === 'booked');
}

/** activeVisitFor finds the resident's visit for a service that holds or asks for a place. */
export async function activeVisitFor(owner: string, service: string): Promise<LocalVisit | undefined> {
	return (await visitsOf(owner)).find((visit) => visit.service === service && isActive(visit));
}
