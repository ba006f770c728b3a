import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { SyncEngine } from './engine';
import { faultyFetch, freshDatabase, makeResident, putInOutbox, testContext, type Fault } from './testing';

const origin = inject('pbOrigin');
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	// Staff sign in with a password and an e-mailed code: the setup did it and passes the token.
	staff.authStore.save(inject('staffToken'));
});

/** removeAbandoned runs the server's removal of abandoned uploads now, for one resident's. */
async function removeAbandoned(owner: string): Promise<number> {
	const body = { before: new Date(Date.now() + 1000).toISOString(), owner };
	const answer = await staff.send<{ removed: number }>('/api/office/abandoned-uploads', { method: 'POST', body });
	return answer.removed;
}

describe('an upload the server removed as abandoned', () => {
	it('is created again from the phone, with every document, and arrives', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const documents = [{ kind: 'surat-kelahiran' }, { kind: 'buku-nikah' }, { kind: 'kk' }];
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, documents);
		// The phone went away before finalising.
		const faults: Fault[] = [{ match: (method, url) => method === 'PATCH' && url.includes('/api/collections/applications/records/'), kind: 'fail', times: 1 }];
		const flaky = faultyFetch(faults);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: flaky }), { locks: null });
		expect((await engine.run()).phase).toBe('waiting');
		expect((await db.applications.get(application.id))?.push?.uploaded).toHaveLength(3);

		expect(await removeAbandoned(resident.id)).toBe(1);

		await engine.retryNow();
		expect((await engine.run()).phase).toBe('idle');
		const local = await db.applications.get(application.id);
		expect(local?.state).toBe('sent');
		expect(local?.setAside).toBeUndefined();
		const server = await staff.collection('applications').getOne(application.id);
		expect(server.status).toBe('submitted');
		const held = await staff.collection('documents').getFullList({ filter: staff.filter('application = {:id}', { id: application.id }) });
		expect(held.map((d) => d.kind).sort()).toEqual(['buku-nikah', 'kk', 'surat-kelahiran']);
	});
});
