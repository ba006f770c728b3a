import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { createDraft, deleteDraft, getApplication, listApplications, moveToOutbox, saveAnswers } from './applications';
import { listDocuments, putDocument } from './documents';
import { StorageError, storageFailure } from './errors';
import { newRecordId } from './ids';
import { unsentWork, wipeResident } from './wipe';

function document(applicationId: string, kind: string, content: string) {
	return {
		applicationId,
		kind,
		blob: new Blob([content], { type: 'image/jpeg' }),
		type: 'image/jpeg',
		size: content.length,
		sha256: 'a'.repeat(64),
		thumbnail: null,
		warnings: [],
		name: `${kind}.jpg`
	};
}

describe('local repositories', () => {
	beforeEach(async () => {
		await db.applications.clear();
		await db.documents.clear();
	});

	it('makes ids in PocketBase form', () => {
		const ids = new Set(Array.from({ length: 200 }, newRecordId));
		expect(ids.size).toBe(200);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]{15}$/);
	});

	it('keeps a draft, its answers and its step', async () => {
		const draft = await createDraft('akta-kelahiran', 'user1', { baby_name: '' }, 'pelapor');
		await saveAnswers(draft.id, { baby_name: 'Nur' }, 'bayi');
		const stored = await getApplication(draft.id, 'user1');
		expect(stored?.answers).toEqual({ baby_name: 'Nur' });
		expect(stored?.step).toBe('bayi');
		expect((await listApplications('user1')).map((a) => a.id)).toEqual([draft.id]);
		expect(await listApplications('user2')).toEqual([]);
	});

	it('never rewrites or deletes an application in the outbox', async () => {
		const draft = await createDraft('kk-hilang', 'user1', { a: '1' }, 's1');
		await putDocument(document(draft.id, 'kk', 'x'));
		await moveToOutbox(draft.id, { processDate: '2026-11-30', intakeAt: new Date('2026-11-29T23:30:00Z') });
		await saveAnswers(draft.id, { a: 'stale page' }, 's1');
		await deleteDraft(draft.id);
		const stored = await getApplication(draft.id, 'user1');
		expect(stored?.state).toBe('outbox');
		expect(stored?.processDate).toBe('2026-11-30');
		expect(stored?.intakeAt).toBe(Date.parse('2026-11-29T23:30:00Z'));
		expect(stored?.answers).toEqual({ a: '1' });
		expect(await listDocuments(draft.id)).toHaveLength(1);
	});

	it('deletes a draft with its documents', async () => {
		const draft = await createDraft('kk-hilang', 'user1', {}, 's1');
		await putDocument(document(draft.id, 'kk', 'x'));
		await deleteDraft(draft.id);
		expect(await getApplication(draft.id, 'user1')).toBeUndefined();
		expect(await listDocuments(draft.id)).toEqual([]);
	});

	it('replaces the file of a requirement', async () => {
		const draft = await createDraft('kk-hilang', 'user1', {}, 's1');
		await putDocument(document(draft.id, 'kk', 'first'));
		const second = await putDocument(document(draft.id, 'kk', 'second'));
		await putDocument(document(draft.id, 'ktp-el', 'card'));
		const stored = await listDocuments(draft.id);
		expect(stored.map((d) => d.kind).sort()).toEqual(['kk', 'ktp-el']);
		expect(stored.find((d) => d.kind === 'kk')?.id).toBe(second.id);
	});

	it('tells a full disk apart and keeps the earlier file when the write fails', async () => {
		const draft = await createDraft('kk-hilang', 'user1', {}, 's1');
		const first = await putDocument(document(draft.id, 'kk', 'first'));
		const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
		const original = db.documents.add.bind(db.documents);
		db.documents.add = (() => Promise.reject(quota)) as unknown as typeof db.documents.add;
		try {
			await expect(putDocument(document(draft.id, 'kk', 'second'))).rejects.toMatchObject({ reason: 'storage_full' });
		} finally {
			db.documents.add = original;
		}
		expect((await listDocuments(draft.id)).map((d) => d.id)).toEqual([first.id]);
		expect(storageFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('storage_full');
		expect(storageFailure(new Error('other'))).toBe('storage_failed');
		expect(new StorageError('storage_full', quota).reason).toBe('storage_full');
	});
});

describe('markStep', () => {
	it('remembers the step of a draft only', async () => {
		const { markStep } = await import('./applications');
		const draft = await createDraft('ktp-ganti', 'user1', {}, 'kejadian');
		await markStep(draft.id, 'pemilik');
		expect((await getApplication(draft.id, 'user1'))?.step).toBe('pemilik');
		await moveToOutbox(draft.id, { processDate: '2026-11-30', intakeAt: new Date() });
		await markStep(draft.id, 'kejadian');
		expect((await getApplication(draft.id, 'user1'))?.step).toBe('pemilik');
	});
});

describe('a shared phone', () => {
	beforeEach(async () => {
		await Promise.all([db.applications.clear(), db.documents.clear(), db.events.clear(), db.results.clear(), db.notifications.clear(), db.visits.clear(), db.meta.clear()]);
	});

	it("answers another resident's application as not found", async () => {
		const draft = await createDraft('kk-hilang', 'residentA', {}, 's1');
		expect(await getApplication(draft.id, 'residentA')).toBeDefined();
		expect(await getApplication(draft.id, 'residentB')).toBeUndefined();
		expect(await getApplication(draft.id, '')).toBeUndefined();
	});

	it('lists unsent work and wipes one resident, keeping the other and the calendar', async () => {
		const a = await createDraft('kk-hilang', 'residentA', {}, 's1');
		const aSent = await createDraft('kk-hilang', 'residentA', {}, 's1');
		await moveToOutbox(aSent.id, { processDate: '2026-12-02', intakeAt: new Date() });
		const b = await createDraft('kk-hilang', 'residentB', {}, 's1');
		await putDocument(document(a.id, 'kk', 'A'));
		await putDocument(document(b.id, 'kk', 'B'));
		await db.events.bulkPut([
			{ id: 'e1', applicationId: aSent.id, from: '', to: 'submitted', note: '', created: '' },
			{ id: 'e2', applicationId: 'elsewhereAAAAAA', from: '', to: 'submitted', note: '', created: '' }
		]);
		await db.results.put({ key: `${aSent.id}/x.pdf`, applicationId: aSent.id, name: 'x.pdf', blob: new Blob(['%PDF']), downloaded: 0 });
		await db.notifications.put({ id: 'n1', owner: 'residentA', application: aSent.id, kind: '', title: '', body: '', read: false, readSynced: true, created: '' });
		await db.meta.bulkPut([
			{ key: 'auth', value: '{}' },
			{ key: 'pull:applications:residentA', value: 'x' },
			{ key: 'pull:applications:residentB', value: 'y' }
		]);
		await db.officeDays.put({ date: '2026-12-25', kind: 'holiday', name: 'Natal' });
		const visit = { service: 'pengaduan', preferredDate: '2026-12-02', requestedAt: 0, updated: 0 };
		await db.visits.bulkPut([
			{ ...visit, id: 'visitaaaaaaaaaa', owner: 'residentA', state: 'outbox' },
			{ ...visit, id: 'visitbbbbbbbbbb', owner: 'residentB', state: 'sent' }
		]);

		const unsent = await unsentWork('residentA');
		expect(unsent.visits.map((v) => v.id)).toEqual(['visitaaaaaaaaaa']);
		expect(unsent.drafts.map((d) => d.id)).toEqual([a.id]);
		expect(unsent.outbox.map((d) => d.id)).toEqual([aSent.id]);

		await wipeResident('residentA');
		expect((await db.applications.toArray()).map((x) => x.id)).toEqual([b.id]);
		expect((await db.documents.toArray()).map((x) => x.applicationId)).toEqual([b.id]);
		expect(await db.events.count()).toBe(0);
		expect(await db.results.count()).toBe(0);
		expect(await db.notifications.count()).toBe(0);
		expect((await db.meta.toArray()).map((x) => x.key)).toEqual(['pull:applications:residentB']);
		expect(await db.officeDays.count()).toBe(1);
		expect((await db.visits.toArray()).map((v) => v.owner)).toEqual(['residentB']);
	});
});
