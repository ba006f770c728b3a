import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SyncEngine } from '$lib/sync/engine';
import { faultyFetch, freshDatabase, makeResident, testContext } from '$lib/sync/testing';
import type { LocalDatabase, LocalVisit } from '$lib/local/db';
import { getVisit, updateVisit } from '$lib/local/visits';
import { addDaysTo, officeToday } from './services';

const origin = inject('pbOrigin');
let staff: PocketBase;

/** A plain weekday about four weeks ahead, clear of the 2026 holidays. */
function futureWeekday(): string {
	let date = addDaysTo(officeToday(), 28);
	while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) || ['2026-12-24', '2026-12-25'].includes(date)) date = addDaysTo(date, 1);
	return date;
}

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	await staff.collection('_superusers').authWithPassword(inject('staffEmail'), inject('staffPassword'));
});

async function request(db: LocalDatabase, owner: string, service: string, preferredDate: string, extra: Partial<LocalVisit> = {}): Promise<LocalVisit> {
	const now = Date.now();
	const id = Array.from(crypto.getRandomValues(new Uint8Array(15)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
	const visit: LocalVisit = { id, owner, service, preferredDate, state: 'outbox', requestedAt: now, updated: now, ...extra };
	await db.visits.add(visit);
	return visit;
}

const isBooking = (method: string, url: string) => method === 'POST' && url.includes('/api/collections/appointments/records');

describe('visits through the sync engine against a real PocketBase', () => {
	it('books a request once although the answer was lost, and a cancel gives the place back', async () => {
		const date = futureWeekday();
		const slot = await staff.collection('appointment_slots').create({ service: 'ktp-rekam', date, start: '06:00', end: '07:00', capacity: 3 });
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const visit = await request(db, resident.id, 'ktp-rekam', date);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: faultyFetch([{ match: isBooking, kind: 'drop', times: 1 }]) }), { locks: null });

		await engine.run(); // the booking reaches the server, its answer does not
		expect((await getVisit(visit.id, db))?.state).toBe('outbox');
		await engine.retryNow();
		await engine.run();
		const booked = await getVisit(visit.id, db);
		expect(booked).toMatchObject({ state: 'sent', status: 'booked', date, start: '06:00', slot: slot.id });
		expect(booked?.code).toMatch(/^R-[A-Z0-9]{4}$/);
		const onServer = await staff.collection('appointments').getFullList({ filter: staff.filter('owner = {:id}', { id: resident.id }) });
		expect(onServer.map((r) => r.id)).toEqual([visit.id]);
		expect((await staff.collection('appointment_slots').getOne(slot.id)).booked).toBe(1);
		// the slots of the coming weeks came along, for the service pages offline
		expect(await db.visitSlots.where('service').equals('ktp-rekam').count()).toBeGreaterThan(0);

		await updateVisit(visit.id, { cancelRequested: true }, db);
		await engine.run();
		expect(await getVisit(visit.id, db)).toMatchObject({ state: 'sent', status: 'cancelled' });
		expect((await staff.collection('appointment_slots').getOne(slot.id)).booked).toBe(0);
	});

	it('shows no_capacity when every slot of 10 working days is full, and a refusal with its code', async () => {
		const date = futureWeekday();
		// the office closes every complaints-desk slot from that day on
		const open = await staff.collection('appointment_slots').getFullList({ filter: staff.filter('service = "pengaduan" && date >= {:date}', { date }) });
		await Promise.all(open.map((slot) => staff.collection('appointment_slots').update(slot.id, { closed: true })));
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const full = await request(db, resident.id, 'pengaduan', date);
		// a card collection needs a finished card application of one's own
		const notReady = await request(db, resident.id, 'ktp-ambil', date, { application: 'nosuchapplicat' });
		await new SyncEngine(testContext(resident.pb, db), { locks: null }).run();
		expect(await getVisit(full.id, db)).toMatchObject({ state: 'no_capacity', refusal: { slot: 'no_capacity' } });
		expect((await getVisit(notReady.id, db))?.state).toBe('refused');
		expect(await staff.collection('appointments').getFullList({ filter: staff.filter('owner = {:id}', { id: resident.id }) })).toEqual([]);
	});
});
