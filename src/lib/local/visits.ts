import { liveQuery } from 'dexie';
import { db, type LocalSlot, type LocalVisit } from './db';
import { guardStorage } from './errors';

/** Visits and the slots last seen, as kept on the phone (the only place visits touch Dexie). */

/** addVisit stores a new visit request. */
export async function addVisit(visit: LocalVisit): Promise<void> {
	await guardStorage(() => db.visits.add(visit));
}

export function getVisit(id: string): Promise<LocalVisit | undefined> {
	return db.visits.get(id);
}

/** updateVisit changes a visit kept on the phone. */
export async function updateVisit(id: string, changes: Partial<LocalVisit>): Promise<void> {
	await guardStorage(() => db.visits.update(id, { ...changes, updated: Date.now() }));
}

/** putVisit stores a visit as a whole (e.g. one booked from another device). */
export async function putVisit(visit: LocalVisit): Promise<void> {
	await guardStorage(() => db.visits.put(visit));
}

/** removeVisit deletes a request that never reached the server. */
export async function removeVisit(id: string): Promise<void> {
	await db.visits.delete(id);
}

/** visitsOf lists a resident's visits on this phone, newest request first. */
export async function visitsOf(owner: string): Promise<LocalVisit[]> {
	return (await db.visits.where('owner').equals(owner).toArray()).sort((a, b) => b.requestedAt - a.requestedAt);
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
export async function saveSlots(service: string, slots: LocalSlot[], seenAt: number): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', db.visitSlots, db.meta, async () => {
			await db.visitSlots.where('service').equals(service).delete();
			await db.visitSlots.bulkPut(slots);
			await db.meta.put({ key: seenKey(service), value: String(seenAt) });
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
