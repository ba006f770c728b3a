import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { SyncEngine } from './engine';
import { faultyFetch, freshDatabase, makeResident, putInOutbox, testContext, type Fault } from './testing';
import type { Uploader } from './upload';
import { fetchUploader } from './upload';

const origin = inject('pbOrigin');
const BIRTH_DOCUMENTS = [{ kind: 'surat-kelahiran' }, { kind: 'buku-nikah' }, { kind: 'kk' }];
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	await staff.collection('_superusers').authWithPassword(inject('staffEmail'), inject('staffPassword'));
});

async function serverCopy(applicationId: string) {
	const application = await staff.collection('applications').getOne(applicationId).catch(() => null);
	const documents = await staff.collection('documents').getFullList({ filter: staff.filter('application = {:id}', { id: applicationId }) });
	return { application, documents };
}

const isCreate = (collection: string) => (method: string, url: string) => method === 'POST' && url.includes(`/api/collections/${collection}/records`);
const isFinalise = (method: string, url: string) => method === 'PATCH' && url.includes('/api/collections/applications/records/');

describe('sync engine against a real PocketBase', () => {
	it('sends an application with its documents once, and marks it received', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const engine = new SyncEngine(testContext(resident.pb, db), { locks: null });
		const states: string[] = [];
		engine.subscribe((state) => states.push(state.phase));

		const state = await engine.run();
		expect(state.phase).toBe('idle');
		expect(states).toContain('sending');
		const local = await db.applications.get(application.id);
		expect(local?.state).toBe('sent');
		expect(local?.remote?.status).toBe('submitted');
		const server = await serverCopy(application.id);
		expect(server.application?.status).toBe('submitted');
		expect(server.documents.map((d) => d.kind).sort()).toEqual(['buku-nikah', 'kk', 'surat-kelahiran']);
		const localDocuments = await db.documents.where('applicationId').equals(application.id).toArray();
		expect(server.documents.map((d) => d.sha256).sort()).toEqual(localDocuments.map((d) => d.sha256).sort());

		// A second sync has nothing to send and changes nothing on the server.
		expect((await engine.run()).phase).toBe('idle');
		expect((await serverCopy(application.id)).documents).toHaveLength(3);
	});

	it('survives lost answers at every step without creating a second record', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const faults: Fault[] = [
			{ match: isCreate('applications'), kind: 'drop', times: 1 },
			{ match: isCreate('documents'), kind: 'drop', times: 2 },
			{ match: isFinalise, kind: 'drop', times: 1 }
		];
		const flaky = faultyFetch(faults);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: flaky, upload: fetchUploader(flaky) }), { locks: null });

		let state = await engine.run();
		for (let round = 0; round < 6 && state.pending > 0; round++) {
			expect(state.phase).toBe('waiting');
			expect((await db.applications.get(application.id))?.lastError).toBe('offline');
			await engine.retryNow();
			state = await engine.run();
		}
		expect(faults.every((fault) => fault.times === 0)).toBe(true);
		expect(state.phase).toBe('idle');
		expect((await db.applications.get(application.id))?.state).toBe('sent');

		const server = await serverCopy(application.id);
		expect(server.application?.status).toBe('submitted');
		expect(server.documents).toHaveLength(3);
		const all = await staff.collection('applications').getFullList({ filter: staff.filter('owner = {:owner}', { owner: resident.id }) });
		expect(all).toHaveLength(1);
	});

	it('backs off exponentially between tries', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const down = faultyFetch([{ match: isCreate('applications'), kind: 'fail', times: 10 }]);
		const ctx = testContext(resident.pb, db, { fetch: down });
		const engine = new SyncEngine(ctx, { locks: null });
		const delays: number[] = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			const before = Date.now();
			await engine.run();
			const stored = await db.applications.get(application.id);
			delays.push((stored?.nextAttemptAt ?? 0) - before);
			// Not due yet: a run before the retry time does not try again.
			await engine.run();
			expect((await db.applications.get(application.id))?.attempts).toBe(attempt + 1);
			await engine.retryNow();
		}
		expect(delays[1]).toBeGreaterThan(delays[0] * 1.5);
		expect(delays[2]).toBeGreaterThan(delays[1] * 1.5);
	});

	it('sets aside an application the server refuses, and still sends the others', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const refused = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, [
			{ kind: 'surat-kelahiran', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'), type: 'image/jpeg' },
			{ kind: 'buku-nikah' },
			{ kind: 'kk' }
		]);
		const good = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const engine = new SyncEngine(testContext(resident.pb, db), { locks: null });

		const state = await engine.run();
		expect(state.phase).toBe('needs_action');
		expect(state.setAside).toBe(1);
		const setAside = await db.applications.get(refused.id);
		expect(setAside?.state).toBe('outbox');
		expect(setAside?.setAside?.reason).toBe('refused');
		expect(Object.keys(setAside?.setAside?.details ?? {})).toContainEqual(expect.stringMatching(/^documents\.[a-z0-9-]+\.file$/));
		expect((await db.applications.get(good.id))?.state).toBe('sent');
		expect((await serverCopy(good.id)).application?.status).toBe('submitted');
		// Its files are all still on the phone.
		expect(await db.documents.where('applicationId').equals(refused.id).count()).toBe(3);
	});

	it('keeps the outbox when the sign-in has expired, and sends it after signing in again', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		// Staff reset the password: every token of the resident is revoked.
		const newPassword = `${resident.password}-baru`;
		await staff.collection('users').update(resident.id, { password: newPassword, passwordConfirm: newPassword });

		const engine = new SyncEngine(testContext(resident.pb, db), { locks: null });
		const state = await engine.run();
		expect(state.phase).toBe('needs_sign_in');
		expect(state.pending).toBe(1);
		const kept = await db.applications.get(application.id);
		expect(kept?.state).toBe('outbox');
		expect(kept?.setAside).toBeUndefined();
		expect(await staff.collection('applications').getFullList({ filter: staff.filter('id = {:id}', { id: application.id }) })).toHaveLength(0);

		await resident.pb.collection('users').authWithPassword(resident.email, newPassword);
		expect((await engine.run()).phase).toBe('idle');
		expect((await db.applications.get(application.id))?.state).toBe('sent');
	});

	it('runs one sync at a time', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		let uploads = 0;
		const counting: Uploader = (request) => {
			uploads++;
			return fetchUploader()(request);
		};
		const engine = new SyncEngine(testContext(resident.pb, db, { upload: counting }), { locks: null });
		const [first, second] = await Promise.all([engine.run(), engine.run()]);
		expect(first).toBe(second);
		expect(uploads).toBe(3);

		// Another tab holds the lock: this one does not sync at all.
		await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const busy = { request: async <T>(_name: string, _options: unknown, callback: (lock: unknown) => Promise<T>) => callback(null) };
		const other = new SyncEngine(testContext(resident.pb, db, { upload: counting }), { locks: busy });
		await other.run();
		expect(uploads).toBe(3);
	});
});

describe('resending after a cut', () => {
	it('does not send a document again when its upload arrived but the answer was lost', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		let sends = 0;
		let dropped = false;
		const losing: Uploader = async (request) => {
			sends++;
			const response = await fetchUploader()(request);
			if (!dropped) {
				dropped = true;
				throw new TypeError('answer lost');
			}
			return response;
		};
		const engine = new SyncEngine(testContext(resident.pb, db, { upload: losing }), { locks: null });
		await engine.run();
		await engine.retryNow();
		expect((await engine.run()).phase).toBe('idle');
		// Three documents, each sent once: the lost answer was recovered by asking, not by resending.
		expect(sends).toBe(3);
		expect((await serverCopy(application.id)).documents).toHaveLength(3);
	});
});
