import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { SEND_CONCURRENCY, SyncEngine, type SyncState } from './engine';
import { countingFetch, faultyFetch, freshDatabase, isUploadChunk, makeResident, putInOutbox, testContext, type Fault } from './testing';
import { CHUNK_SIZE, PARALLEL_UPLOADS } from './upload';

const origin = inject('pbOrigin');
const BIRTH_DOCUMENTS = [{ kind: 'surat-kelahiran' }, { kind: 'buku-nikah' }, { kind: 'kk' }];
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	// Staff sign in with a password and an e-mailed code: the setup did it and passes the token.
	staff.authStore.save(inject('staffToken'));
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
			{ match: isUploadChunk, kind: 'drop', times: 2 },
			{ match: isFinalise, kind: 'drop', times: 1 }
		];
		const flaky = faultyFetch(faults);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: flaky }), { locks: null });

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
		const counting = countingFetch();
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: counting.fetch }), { locks: null });
		const [first, second, third] = await Promise.all([engine.run(), engine.run(), engine.run()]);
		expect(second).toBe(third); // calls during a sync share the one sync that follows it
		expect([first.phase, second.phase]).toEqual(['idle', 'idle']);
		expect(counting.count.creates).toBe(3);
	});

	it('sends what was queued while a sync ran, without waiting for a later trigger', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		let queued: Promise<{ id: string }> | null = null;
		const meanwhile: Promise<SyncState>[] = [];
		// "Send" during the pull of a sync that found the outbox empty (and retryNow's nextAttemptAt 0).
		const during: typeof fetch = (input, init) => {
			if (!queued && String(input instanceof Request ? input.url : input).includes('/api/collections/applications/records?')) {
				queued = putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS).then(async (application) => {
					await db.applications.update(application.id, { nextAttemptAt: 0 });
					meanwhile.push(engine.run());
					return application;
				});
				return queued.then(() => fetch(input, init));
			}
			return fetch(input, init);
		};
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: during }), { locks: null });
		const first = await engine.run();
		const application = await queued!;
		// that sync read the outbox before the "send": it ends waiting, with a real time to retry (not 0)
		expect(first.phase).toBe('waiting');
		expect(first.retryAt).toBeGreaterThan(0);
		expect(meanwhile).toHaveLength(1);
		expect((await meanwhile[0]).phase).toBe('idle');
		expect((await db.applications.get(application.id))?.state).toBe('sent');
	});
});

describe('keeping the uplink busy', () => {
	it('sends documents side by side, two applications at once, never more than one chunk of bytes on the way', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		/** A JPEG (by its first bytes) of several requests. */
		const photo = () => {
			const bytes = new Uint8Array(2 * CHUNK_SIZE);
			crypto.getRandomValues(bytes.subarray(0, 65536));
			bytes.set([0xff, 0xd8, 0xff, 0xe0]);
			return bytes;
		};
		const applications = [];
		for (let n = 0; n < 3; n++) {
			applications.push(await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS.map(({ kind }) => ({ kind, bytes: photo() }))));
		}
		// What is on the way at each moment: document bytes and uploads, and the applications between create and finalise.
		const now = { bytes: 0, uploads: new Set<string>(), applications: new Set<string>() };
		const most = { bytes: 0, uploads: 0, applications: 0 };
		// applications the server has confirmed as sent (their finalise answered)
		let finalised = 0;
		const watching: typeof fetch = async (input, init) => {
			const url = String(input instanceof Request ? input.url : input);
			const method = (init?.method ?? 'GET').toUpperCase();
			const bytes = isUploadChunk(method, url) && init?.body instanceof Blob ? init.body.size : 0;
			const upload = url.match(/\/api\/uploads\/(\w+)$/)?.[1] ?? String((init?.headers as Record<string, string> | undefined)?.['Upload-Metadata'] ?? '');
			now.bytes += bytes;
			if (bytes > 0) now.uploads.add(upload);
			most.bytes = Math.max(most.bytes, now.bytes);
			most.uploads = Math.max(most.uploads, now.uploads.size);
			try {
				const response = await fetch(input, init);
				if (method === 'POST' && url.includes('/api/collections/applications/records')) now.applications.add((await response.clone().json()).id);
				if (method === 'PATCH' && url.includes('/api/collections/applications/records/')) {
					now.applications.delete(url.split('/').pop()!);
					if (response.ok) finalised++;
				}
				most.applications = Math.max(most.applications, now.applications.size);
				return response;
			} finally {
				now.bytes -= bytes;
				if (bytes > 0) now.uploads.delete(upload);
			}
		};
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: watching }), { locks: null });
		// what the phone shows while sending: the bytes confirmed of every application on the way
		const shown: SyncState[] = [];
		// what "x of y sent" said, next to what the server had confirmed at that moment
		const counts: { said: number; confirmed: number }[] = [];
		engine.subscribe((state) => {
			shown.push(structuredClone(state));
			if (state.phase === 'sending') counts.push({ said: state.current?.sent ?? -1, confirmed: finalised });
		});
		expect((await engine.run()).phase).toBe('idle');

		for (const { said, confirmed } of counts) expect(said, 'never counted as sent before the server confirmed it').toBeLessThanOrEqual(confirmed);
		expect(counts.map(({ said }) => said), 'the count only grows').toEqual(counts.map(({ said }) => said).sort((a, b) => a - b));
		expect(counts[0].said).toBe(0);
		expect(counts.at(-1)?.said, 'the last of three still on the way').toBe(applications.length - 1);
		expect(shown.filter((state) => state.phase === 'sending').every((state) => state.current?.total === applications.length)).toBe(true);

		const progress = shown.flatMap((state) => (state.phase === 'sending' ? [state.current?.progress ?? []] : []));
		expect(Math.max(...progress.map((events) => new Set(events.map((event) => event.applicationId)).size)), 'both applications on the way show their progress').toBe(SEND_CONCURRENCY);
		for (const application of applications) {
			const documents = await db.documents.where('applicationId').equals(application.id).toArray();
			const loaded = progress.flatMap((events) => events.filter((event) => event.applicationId === application.id).map((event) => event.loaded));
			expect(loaded.length, application.id).toBeGreaterThan(1);
			expect(loaded, 'confirmed bytes only grow').toEqual([...loaded].sort((a, b) => a - b));
			expect(loaded.at(-1)).toBe(documents.reduce((sum, document) => sum + document.size, 0));
		}
		expect(most.uploads, 'several documents on the way at once').toBe(PARALLEL_UPLOADS);
		expect(most.applications, 'applications side by side').toBe(SEND_CONCURRENCY);
		expect(most.bytes, 'what a cut can cost: one chunk').toBeLessThanOrEqual(CHUNK_SIZE);
		for (const application of applications) {
			expect((await db.applications.get(application.id))?.state).toBe('sent');
			const server = await serverCopy(application.id);
			expect(server.application?.status).toBe('submitted');
			const local = await db.documents.where('applicationId').equals(application.id).toArray();
			expect(server.documents.map((d) => d.sha256).sort()).toEqual(local.map((d) => d.sha256).sort());
		}
	});
});

describe('resending after a cut', () => {
	it('does not send a document again when its upload arrived but the answer was lost', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const documents = await db.documents.where('applicationId').equals(application.id).toArray();
		const total = documents.reduce((sum, document) => sum + document.size, 0);
		// the answer to the first document's last chunk is lost: the file arrived, the phone does not know
		const counting = countingFetch(faultyFetch([{ match: isUploadChunk, kind: 'drop', times: 1 }]));
		const engine = new SyncEngine({ ...testContext(resident.pb, db, { fetch: counting.fetch }), uploadRetryDelays: [] }, { locks: null });
		await engine.run();
		await engine.retryNow();
		expect((await engine.run()).phase).toBe('idle');
		// Three documents, each sent once: the lost answer was recovered by asking, not by resending.
		expect(counting.count.creates).toBe(3);
		expect(counting.count.chunkBytes).toBe(total);
		expect((await serverCopy(application.id)).documents).toHaveLength(3);
	});

	it('continues inside a file after a cut, from the offset the server confirmed, even after a reload', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		// a JPEG (by its first bytes) of several requests
		const photo = new Uint8Array(2.5 * CHUNK_SIZE);
		crypto.getRandomValues(photo.subarray(0, 65536));
		photo.set([0xff, 0xd8, 0xff, 0xe0]);
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, [
			{ kind: 'surat-kelahiran', bytes: photo },
			{ kind: 'buku-nikah' },
			{ kind: 'kk' }
		]);
		const [big] = await db.documents.where({ applicationId: application.id, kind: 'surat-kelahiran' }).toArray();

		// The bytes of the big file a fetch sent, by the upload's URL or (its creation) its metadata.
		const bigBytes = { first: 0, second: 0, creates: 0 };
		const isBig = (url: string, init?: RequestInit) =>
			url.endsWith(`/api/uploads/${big.id}`) || String((init?.headers as Record<string, string> | undefined)?.['Upload-Metadata'] ?? '').includes(btoa(big.id));
		const tally = (run: 'first' | 'second', inner: typeof fetch): typeof fetch => (input, init) => {
			const url = String(input instanceof Request ? input.url : input);
			const method = (init?.method ?? 'GET').toUpperCase();
			if (isUploadChunk(method, url) && isBig(url, init)) {
				if (init?.body instanceof Blob) bigBytes[run] += init.body.size;
				if (run === 'second' && method === 'POST') bigBytes.creates++;
			}
			return inner(input, init);
		};

		// The link drops after two requests of the big file went through and does not come back in this try.
		let chunks = 0;
		const first = countingFetch();
		const cut: typeof fetch = (input, init) => {
			const url = String(input instanceof Request ? input.url : input);
			if (isUploadChunk((init?.method ?? 'GET').toUpperCase(), url) && isBig(url, init) && ++chunks > 2) return Promise.reject(new TypeError('Failed to fetch'));
			return tally('first', first.fetch)(input, init);
		};
		const state = await new SyncEngine({ ...testContext(resident.pb, db, { fetch: cut }), uploadRetryDelays: [] }, { locks: null }).run();
		expect(state.phase).toBe('waiting');
		const stored = (await db.documents.get(big.id))?.upload;
		expect(stored?.uploadUrl).toMatch(new RegExp(`/api/uploads/${big.id}$`));
		expect(bigBytes.first).toBeGreaterThan(0);
		expect(bigBytes.first).toBeLessThan(photo.length);

		// A reload: a new engine and a new client, the same IndexedDB.
		const second = countingFetch();
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: tally('second', second.fetch) }), { locks: null });
		await engine.retryNow();
		expect((await engine.run()).phase).toBe('idle');
		// only the rest of the big file went again (no new upload of it), and every byte of every file went once
		expect(bigBytes.creates).toBe(0);
		expect(bigBytes.second).toBe(photo.length - bigBytes.first);
		const allBytes = (await db.documents.where('applicationId').equals(application.id).toArray()).reduce((sum, document) => sum + document.size, 0);
		expect(first.count.chunkBytes + second.count.chunkBytes).toBe(allBytes);
		expect((await db.documents.get(big.id))?.upload).toBeUndefined();
		const server = await serverCopy(application.id);
		expect(server.documents.find((document) => document.kind === 'surat-kelahiran')?.size).toBe(photo.length);
		expect((await db.applications.get(application.id))?.state).toBe('sent');
	});
});

/** heldLock is a Web Locks stand-in with one lock that something else holds until released. */
function heldLock() {
	let release!: () => void;
	let free = new Promise<void>((resolve) => (release = resolve));
	let held = true;
	return {
		release: () => {
			held = false;
			release();
		},
		async request<T>(_name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T> {
			if (held && options.ifAvailable) return callback(null);
			await free;
			free = Promise.resolve();
			return callback({});
		}
	};
}

describe('a sync while another tab or the service worker holds the lock', () => {
	it('waits for it, then syncs itself: a status staff set meanwhile still reaches the phone', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		expect((await new SyncEngine(testContext(resident.pb, db), { locks: null }).run()).phase).toBe('idle');
		await staff.collection('applications').update(application.id, { status: 'needs_revision', staff_note: 'Foto KK buram.' });

		const lock = heldLock();
		let settled = false;
		let requests = 0;
		const counted: typeof fetch = (input, init) => (requests++, fetch(input, init));
		const run = new SyncEngine(testContext(resident.pb, db, { fetch: counted }), { locks: lock }).run().then((state) => ((settled = true), state));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(settled, 'the sync does not pretend to be done while the other one runs').toBe(false);
		expect(requests, 'nothing is sent while the other one syncs').toBe(0);
		lock.release();
		expect((await run).phase).toBe('idle');
		expect((await db.applications.get(application.id))?.remote?.status).toBe('needs_revision');
	});
});
