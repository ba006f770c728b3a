import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validBirth } from '$lib/catalog/services/akta-kelahiran.fixtures';
import { SyncEngine } from './engine';
import { pull } from './pull';
import { faultyFetch, freshDatabase, makeResident, putInOutbox, testContext, type Fault } from './testing';

const origin = inject('pbOrigin');
const DOCUMENTS = [{ kind: 'surat-kelahiran' }, { kind: 'buku-nikah' }, { kind: 'kk' }];
const RESULT_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
let staff: PocketBase;

beforeAll(async () => {
	staff = new PocketBase(origin);
	staff.autoCancellation(false);
	// Staff sign in with a password and an e-mailed code: the setup did it and passes the token.
	staff.authStore.save(inject('staffToken'));
});

/** The office completes one application (queued, then completed with a result PDF) and queues the other after it. */
async function officeWorks(completed: string, next: string) {
	await staff.collection('applications').update(completed, { status: 'queued' });
	const form = new FormData();
	form.append('status', 'completed');
	form.append('results', new Blob([RESULT_PDF], { type: 'application/pdf' }), 'akta-kelahiran.pdf');
	await staff.collection('applications').update(completed, form);
	await staff.collection('applications').update(next, { status: 'queued' });
}

async function sentTwo() {
	const resident = await makeResident(origin);
	const db = freshDatabase();
	const first = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, DOCUMENTS);
	const second = await putInOutbox(db, resident.id, 'akta-kelahiran', validBirth, DOCUMENTS);
	expect((await new SyncEngine(testContext(resident.pb, db), { locks: null }).run()).phase).toBe('idle');
	await officeWorks(first.id, second.id);
	return { resident, db, first, second };
}

describe('a finished PDF that cannot be saved does not stall the pull', () => {
	it('a failed download: the next status change and the notifications still arrive, the PDF comes at the next pull', async () => {
		const { resident, db, first, second } = await sentTwo();
		const faults: Fault[] = [{ match: (_method, url) => url.includes('/api/files/'), kind: 'fail', times: 1 }];

		await pull(testContext(resident.pb, db, { fetch: faultyFetch(faults) }), resident.id);
		expect(faults[0].times).toBe(0);
		const failed = await db.applications.get(first.id);
		expect(failed?.remote?.status).toBe('completed');
		expect(failed?.resultsError).toBe('download_failed');
		expect((await db.applications.get(second.id))?.remote?.status).toBe('queued');
		expect(await db.events.where('applicationId').equals(second.id).filter((event) => event.to === 'queued').count()).toBe(1);
		expect(await db.notifications.where('owner').equals(resident.id).filter((n) => n.application === first.id && n.kind === 'completed').count()).toBe(1);
		expect(await db.results.where('applicationId').equals(first.id).count()).toBe(0);

		await pull(testContext(resident.pb, db), resident.id);
		expect((await db.applications.get(first.id))?.resultsError).toBeUndefined();
		const saved = await db.results.where('applicationId').equals(first.id).toArray();
		expect(saved).toHaveLength(1);
		expect(await saved[0].blob.text()).toBe(RESULT_PDF);
	});

	it('a full disk: recorded as storage_full on that application, everything else arrives', async () => {
		const { resident, db, first, second } = await sentTwo();
		const put = db.results.put.bind(db.results);
		db.results.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.results.put;

		await pull(testContext(resident.pb, db), resident.id);
		expect((await db.applications.get(first.id))?.resultsError).toBe('storage_full');
		expect((await db.applications.get(second.id))?.remote?.status).toBe('queued');

		db.results.put = put; // space was freed
		await pull(testContext(resident.pb, db), resident.id);
		expect((await db.applications.get(first.id))?.resultsError).toBeUndefined();
		expect(await db.results.where('applicationId').equals(first.id).count()).toBe(1);
	});
});
