import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { newRecordId } from '$lib/local/ids';
import type { LocalDatabase } from '$lib/local/db';
import { SyncEngine } from './engine';
import { faultyFetch, freshDatabase, makeResident, putInOutbox, sha256Hex, testContext, TINY_JPEG, type Fault } from './testing';

const origin = inject('pbOrigin');
const BIRTH_DOCUMENTS = [{ kind: 'surat-kelahiran' }, { kind: 'buku-nikah' }, { kind: 'kk' }];
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	// staff sign in with a second factor: the setup hands over a token
	staff.authStore.save(inject('staffToken'));
});

const isApplicationPatch = (method: string, url: string) => method === 'PATCH' && url.includes('/api/collections/applications/records/');
const isSupersede = (method: string, url: string) => method === 'PATCH' && url.includes('/api/collections/documents/records/');

/** sentAndSentBack sends a birth application from a fresh phone, and staff send it back with a note. */
async function sentAndSentBack() {
	const resident = await makeResident(origin);
	const db = freshDatabase();
	const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
	expect((await new SyncEngine(testContext(resident.pb, db), { locks: null }).run()).phase).toBe('idle');
	await staff.collection('applications').update(application.id, { status: 'needs_revision', staff_note: 'Foto KK buram.' });
	return { resident, db, application };
}

/** correctOnPhone makes on the phone what the correction journey makes: a changed answer and a replaced KK photo. */
async function correctOnPhone(db: LocalDatabase, id: string) {
	const local = (await db.applications.get(id))!;
	const documents = await db.documents.where('applicationId').equals(id).toArray();
	const kk = documents.find((document) => document.kind === 'kk')!;
	const bytes = Uint8Array.from([...TINY_JPEG, 0x00, 0x01]);
	const replacement = { ...kk, id: newRecordId(), blob: new Blob([bytes], { type: 'image/jpeg' }), size: bytes.length, sha256: await sha256Hex(bytes) };
	await db.documents.update(kk.id, { superseded: true });
	await db.documents.add(replacement);
	await db.applications.update(id, {
		state: 'outbox',
		answers: { ...local.answers, baby_name: 'Putri Ayu Lestari' },
		correction: { baseRevision: local.remote!.revision, baseAnswers: local.answers, baseDocuments: documents.map((d) => d.id), startedAt: Date.now() },
		push: { created: true, uploaded: documents.map((d) => d.id), superseded: [] }
	});
	return { kk, replacement };
}

describe('a correction after needs_revision through the outbox', () => {
	it('resubmits once, with the new document, the old one superseded, also when answers are lost', async () => {
		const { resident, db, application } = await sentAndSentBack();
		const pulled = new SyncEngine(testContext(resident.pb, db), { locks: null });
		await pulled.run();
		expect((await db.applications.get(application.id))?.remote?.status).toBe('needs_revision');
		const { kk, replacement } = await correctOnPhone(db, application.id);

		// The supersede and the resubmission both arrive but their answers are lost.
		const faults: Fault[] = [
			{ match: isSupersede, kind: 'drop', times: 1 },
			{ match: isApplicationPatch, kind: 'drop', times: 1 }
		];
		const flaky = faultyFetch(faults);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: flaky }), { locks: null });
		let state = await engine.run();
		for (let round = 0; round < 6 && state.pending > 0; round++) {
			// never "everything sent" before the server confirmed the resubmission
			expect(state.phase).not.toBe('idle');
			expect((await db.applications.get(application.id))?.state).toBe('outbox');
			await engine.retryNow();
			state = await engine.run();
		}
		expect(faults.every((fault) => fault.times === 0)).toBe(true);
		expect(state.phase).toBe('idle');
		const local = await db.applications.get(application.id);
		expect(local?.state).toBe('sent');
		expect(local?.correction).toBeUndefined();
		expect(local?.remote).toMatchObject({ status: 'submitted', revision: 1, staff_note: '' });

		const server = await staff.collection('applications').getOne(application.id);
		expect(server).toMatchObject({ status: 'submitted', revision: 1, reference: local?.remote?.reference });
		expect(server.data.baby_name).toBe('Putri Ayu Lestari');
		expect(server.summary).toContain('Putri Ayu Lestari');
		const documents = await staff.collection('documents').getFullList({ filter: staff.filter('application = {:id}', { id: application.id }) });
		expect(documents.find((d) => d.id === kk.id)?.superseded).toBe(true);
		expect(documents.find((d) => d.id === replacement.id)).toMatchObject({ superseded: false, sha256: replacement.sha256 });
		const events = await staff.collection('application_events').getFullList({ filter: staff.filter('application = {:id}', { id: application.id }) });
		expect(events.filter((e) => e.from === 'needs_revision' && e.to === 'submitted')).toHaveLength(1);
	});

	it('is not taken for sent by a pull while the office still has needs_revision', async () => {
		const { resident, db, application } = await sentAndSentBack();
		await new SyncEngine(testContext(resident.pb, db), { locks: null }).run();
		await correctOnPhone(db, application.id);
		// Offline: nothing is sent; the pull of another tab must not mark it sent either.
		const offline = new SyncEngine(testContext(resident.pb, db), { locks: null, isOnline: () => false });
		expect((await offline.run()).phase).toBe('offline');
		const { pull } = await import('./pull');
		await pull(testContext(resident.pb, db), resident.id);
		expect((await db.applications.get(application.id))?.state).toBe('outbox');
	});

	it('withdraws an application: the server records cancelled', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		await db.applications.update(application.id, { withdrawRequestedAt: Date.now() });
		const faults: Fault[] = [{ match: isApplicationPatch, kind: 'drop', times: 1 }];
		const flaky = faultyFetch(faults);
		const engine = new SyncEngine(testContext(resident.pb, db, { fetch: flaky }), { locks: null });
		await engine.run();
		await engine.retryNow();
		expect((await engine.run()).phase).toBe('idle');
		expect((await db.applications.get(application.id))?.remote?.status).toBe('cancelled');
		expect((await staff.collection('applications').getOne(application.id)).status).toBe('cancelled');
	});

	it('sets a withdrawal aside when the office has started on the application, and cancels nothing', async () => {
		const resident = await makeResident(origin);
		const db = freshDatabase();
		const application = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, BIRTH_DOCUMENTS);
		const engine = new SyncEngine(testContext(resident.pb, db), { locks: null });
		await engine.run();
		await staff.collection('applications').update(application.id, { status: 'queued' });
		await db.applications.update(application.id, { state: 'outbox', withdrawRequestedAt: Date.now() });
		expect((await engine.run()).phase).toBe('needs_action');
		expect((await db.applications.get(application.id))?.setAside?.details).toMatchObject({ status: 'transition_forbidden' });
		expect((await staff.collection('applications').getOne(application.id)).status).toBe('queued');
	});
});
