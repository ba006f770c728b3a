import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { createDraft, deleteDraft, getApplication, listApplications, moveToOutbox, saveAnswers } from './applications';
import { listDocuments, putDocument } from './documents';
import { StorageError, storageFailure } from './errors';
import { newRecordId } from './ids';

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
		const stored = await getApplication(draft.id);
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
		const stored = await getApplication(draft.id);
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
		expect(await getApplication(draft.id)).toBeUndefined();
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
		expect((await getApplication(draft.id))?.step).toBe('pemilik');
		await moveToOutbox(draft.id, { processDate: '2026-11-30', intakeAt: new Date() });
		await markStep(draft.id, 'kejadian');
		expect((await getApplication(draft.id))?.step).toBe('pemilik');
	});
});
