import { db, type LocalApplication, type LocalVisit } from './db';

/**
 * What a signed-in resident has on this phone and the office does not have yet: drafts,
 * applications in the outbox (set aside or not), and visit requests or cancellations not yet sent.
 * Signing out must not lose any of it silently.
 */
export interface UnsentWork {
	outbox: LocalApplication[];
	drafts: LocalApplication[];
	visits: LocalVisit[];
}

/** unsentWork lists a resident's drafts, and the applications and visits still waiting to be sent. */
export async function unsentWork(owner: string): Promise<UnsentWork> {
	const mine = await db.applications.where('owner').equals(owner).toArray();
	const visits = await db.visits.where('owner').equals(owner).toArray();
	return {
		outbox: mine.filter((a) => a.state === 'outbox'),
		drafts: mine.filter((a) => a.state === 'draft'),
		visits: visits.filter((visit) => visit.state === 'outbox' || visit.cancelRequested)
	};
}

/** Keys of the meta table that belong to a resident (the pull cursors) or to the signed-in session. */
function residentMetaKey(key: string, owner: string): boolean {
	return key === 'auth' || (key.startsWith('pull:') && key.endsWith(`:${owner}`));
}

/**
 * wipeResident removes everything of a resident from this phone's IndexedDB in one transaction:
 * applications (every state: the caller has asked about unsent ones first), their documents, status
 * events and finished PDFs (and the tus uploads kept on the documents), notifications, visits, the
 * pull cursors and the sign-in mirror of Background Sync. Rows that belong to no application left
 * on the phone (events pulled for an application that was never stored here) go too. Other
 * residents' data, the office calendar and the visit slots (the office's, not a resident's) stay.
 */
export async function wipeResident(owner: string): Promise<void> {
	const tables = [db.applications, db.documents, db.events, db.results, db.notifications, db.visits, db.meta];
	await db.transaction('rw', tables, async () => {
		await db.applications.where('owner').equals(owner).delete();
		await db.visits.where('owner').equals(owner).delete();
		const kept = new Set(await db.applications.toCollection().primaryKeys());
		const orphan = (row: { applicationId: string }) => !kept.has(row.applicationId);
		await db.documents.filter(orphan).delete();
		await db.events.filter(orphan).delete();
		await db.results.filter(orphan).delete();
		await db.notifications.where('owner').equals(owner).delete();
		await db.meta.filter((entry) => residentMetaKey(entry.key, owner)).delete();
	});
}
