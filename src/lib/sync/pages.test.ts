import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { db } from '$lib/local/db';
import { listDocuments, movePage } from '$lib/local/documents';
import { SyncEngine } from './engine';
import { faultyFetch, makeResident, putInOutbox, sha256Hex, testContext, TINY_JPEG, type Fault } from './testing';

// The phone's own database and its own page move (lib/local), against a real PocketBase.
const origin = inject('pbOrigin');
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	staff.authStore.save(inject('staffToken'));
});

const isPageMove = (method: string, url: string) => method === 'PATCH' && url.includes('/api/collections/documents/records/');

/** countingPageMoves wraps fetch and counts the document PATCHes that leave through it. */
function countingPageMoves(inner: typeof fetch) {
	const moves: string[] = [];
	const wrapped: typeof fetch = (input, init) => {
		const url = String(input instanceof Request ? input.url : input);
		if (isPageMove((init?.method ?? 'GET').toUpperCase(), url)) moves.push(url.split('/').pop()!);
		return inner(input, init);
	};
	return { fetch: wrapped, moves };
}

/** A birth application with the parents' marriage book over two photos (maxFiles 4). */
async function birthWithTwoPages(owner: string) {
	const second = Uint8Array.from([...TINY_JPEG, 0x00, 0x02]);
	const application = await putInOutbox(db, owner, 'akta-kelahiran', validBirth, [
		{ kind: 'surat-kelahiran' },
		{ kind: 'buku-nikah' },
		{ kind: 'buku-nikah', bytes: second },
		{ kind: 'kk' }
	]);
	const [first, back] = (await listDocuments(application.id)).filter((document) => document.kind === 'buku-nikah');
	expect(back.sha256).toBe(await sha256Hex(second));
	return { application, first, back };
}

/** serverPages returns the ids of the application's files of one document in the order staff see them. */
async function serverPages(id: string, kind: string): Promise<string[]> {
	const record = await staff.collection('applications').getOne(id);
	const documents = await staff.collection('documents').getFullList({ filter: staff.filter('application = {:id}', { id }) });
	const kinds = new Map(documents.map((document) => [document.id, document.kind]));
	return (record.documents as string[]).filter((document) => kinds.get(document) === kind);
}

describe('the order of the pages of a document', () => {
	it('arrives with a first send in the phone order, without a move', async () => {
		const resident = await makeResident(origin);
		const { application, first, back } = await birthWithTwoPages(resident.id);
		const counting = countingPageMoves(fetch);
		expect((await new SyncEngine(testContext(resident.pb, db, { fetch: counting.fetch }), { locks: null }).run()).phase).toBe('idle');
		expect(await serverPages(application.id, 'buku-nikah')).toEqual([first.id, back.id]);
		expect(counting.moves).toEqual([]);
	});

	it('reaches the server once when the resident reorders the pages while correcting, also when an answer is lost', async () => {
		const resident = await makeResident(origin);
		const { application, first, back } = await birthWithTwoPages(resident.id);
		const engine = new SyncEngine(testContext(resident.pb, db), { locks: null });
		expect((await engine.run()).phase).toBe('idle');
		await staff.collection('applications').update(application.id, { status: 'needs_revision', staff_note: 'Halaman buku nikah terbalik.' });
		await engine.run();
		const local = (await db.applications.get(application.id))!;
		expect(local.remote?.status).toBe('needs_revision');

		// What "Perbaiki permohonan", the page's move button and "send" make on the phone.
		await db.applications.update(application.id, {
			state: 'outbox',
			correction: { baseRevision: local.remote!.revision, baseAnswers: local.answers, baseDocuments: [first.id, back.id], startedAt: Date.now() }
		});
		await movePage(back.id, -1);
		expect((await listDocuments(application.id)).filter((d) => d.kind === 'buku-nikah').map((d) => d.id)).toEqual([back.id, first.id]);

		// The first move arrives but its answer is lost; the retry must not send it again.
		const faults: Fault[] = [{ match: isPageMove, kind: 'drop', times: 1 }];
		const counting = countingPageMoves(faultyFetch(faults));
		const flaky = new SyncEngine(testContext(resident.pb, db, { fetch: counting.fetch }), { locks: null });
		let state = await flaky.run();
		for (let round = 0; round < 4 && state.pending > 0; round++) {
			expect((await db.applications.get(application.id))?.state).toBe('outbox');
			await flaky.retryNow();
			state = await flaky.run();
		}
		expect(faults[0].times).toBe(0);
		expect(state.phase).toBe('idle');
		expect((await db.applications.get(application.id))?.remote).toMatchObject({ status: 'submitted', revision: 1 });
		// two files swapped: two moves, each sent once
		expect(counting.moves.sort()).toEqual([back.id, first.id].sort());

		expect(await serverPages(application.id, 'buku-nikah')).toEqual([back.id, first.id]);
		const pages = await staff.collection('documents').getFullList({ filter: staff.filter('application = {:id} && kind = "buku-nikah"', { id: application.id }) });
		expect(Object.fromEntries(pages.map((d) => [d.id, d.page]))).toEqual({ [back.id]: 1, [first.id]: 2 });
		const events = await staff.collection('application_events').getFullList({ filter: staff.filter('application = {:id}', { id: application.id }) });
		const resubmissions = events.filter((e) => e.from === 'needs_revision' && e.to === 'submitted');
		expect(resubmissions).toHaveLength(1);
		expect(resubmissions[0].note).toBe('Urutan halaman diubah: Buku nikah atau akta perkawinan orang tua.');
	});

	it('is refused by the server once the application no longer accepts changes', async () => {
		const resident = await makeResident(origin);
		const { application, back } = await birthWithTwoPages(resident.id);
		await new SyncEngine(testContext(resident.pb, db), { locks: null }).run();
		await expect(resident.pb.collection('documents').update(back.id, { page: 1 })).rejects.toMatchObject({ status: 404 });
		expect(await serverPages(application.id, 'buku-nikah')).toHaveLength(2);
		const other = await makeResident(origin);
		await expect(other.pb.collection('documents').update(back.id, { page: 1 })).rejects.toMatchObject({ status: 404 });
	});
});
