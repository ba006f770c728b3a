import { liveQuery } from 'dexie';
import { db, type LocalDatabase, type LocalSlot, type LocalVisit } from './db';
import { guardStorage } from './errors';

/**
 * Visits and the slots last seen, as kept on the phone (the only place visits touch Dexie). The sync
 * engine passes its own database (the service worker's, a test's); pages use the app's.
 */

/** addVisit stores a new visit request. */
export async function addVisit(visit: LocalVisit): Promise<void> {
	await guardStorage(() => db.visits.add(visit));
}

export function getVisit(id: string, database: LocalDatabase = db): Promise<LocalVisit | undefined> {
	return database.visits.get(id);
}

/** updateVisit changes a visit kept on the phone. */
export async function updateVisit(id: string, changes: Partial<LocalVisit>, database: LocalDatabase = db): Promise<void> {
	await guardStorage(() => database.visits.update(id, { ...changes, updated: Date.now() }));
}

/** putVisit stores a visit as a whole (e.g. one booked from another device). */
export async function putVisit(visit: LocalVisit, database: LocalDatabase = db): Promise<void> {
	await guardStorage(() => database.visits.put(visit));
}

/** removeVisit deletes a request that never reached the server. */
export async function removeVisit(id: string): Promise<void> {
	await db.visits.delete(id);
}

/** visitsOf lists a resident's visits on this phone, newest request first. */
export async function visitsOf(owner: string, database: LocalDatabase = db): Promise<LocalVisit[]> {
	return (await database.visits.where('owner').equals(owner).toArray()).sort((a, b) => b.requestedAt - a.requestedAt);
}

/** liveVisit follows one visit. */
export function liveVisit(id: string) {
	return liveQuery<LocalVisit | undefined>(() => db.visits.get(id));
}

/** liveVisits follows a resident's visits, newest first. */
export function liveVisits(owner: string) {
	return liveQuery<LocalVisit[]>(() => visitsOf(owner));
}

const seenKey = (service: string) => `visitSlots:seen:${service}`;

/** saveSlots replaces the slots kept of a service with those the server has now. */
export async function saveSlots(service: string, slots: LocalSlot[], seenAt: number, database: LocalDatabase = db): Promise<void> {
	await guardStorage(() =>
		database.transaction('rw', database.visitSlots, database.meta, async () => {
			await database.visitSlots.where('service').equals(service).delete();
			await database.visitSlots.bulkPut(slots);
			await database.meta.put({ key: seenKey(service), value: String(seenAt) });
		})
	);
}

/** liveSlots follows the slots kept of a service and when they were last seen (0: never). */
export function liveSlots(service: string) {
	return liveQuery(async () => ({
		slots: await db.visitSlots.where('service').equals(service).toArray(),
		seenAt: Number((await db.meta.get(seenKey(service)))?.value ?? 0)
	}));
}
