import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { onlineService } from '$lib/catalog';
import { validLostFamilyCard } from '$lib/catalog/services/kk-hilang.fixtures';
import { missingDocuments, validateAnswerKeys } from '$lib/catalog/validate';
import { createDraft, getApplication } from '$lib/local/applications';
import { db } from '$lib/local/db';
import { DECLARATION_ANCHOR, documentAnchor, problemsBeforeSending, sendApplication } from './send';

const service = onlineService('kk-hilang')!;

describe('sending from the check-answers page', () => {
	beforeEach(async () => {
		await db.applications.clear();
	});

	it('lists invalid steps, missing documents and the declaration, in page order', async () => {
		const blank = await createDraft(service.code, 'u1', {}, service.steps[0].id);
		const problems = problemsBeforeSending(service, blank, [], false);
		expect(problems.length).toBeGreaterThan(1);
		expect(problems.at(-1)?.href).toBe(DECLARATION_ANCHOR);

		const answered = await createDraft(service.code, 'u1', validLostFamilyCard, service.steps[0].id);
		const missing = missingDocuments(service, answered.answers, []);
		expect(problemsBeforeSending(service, answered, [], true).map((p) => p.href)).toEqual(missing.map((d) => documentAnchor(d.code)));
		expect(problemsBeforeSending(service, answered, missing.map((d) => d.code), true)).toEqual([]);
	});

	it('puts the application in the outbox with its processing morning', async () => {
		const draft = await createDraft(service.code, 'u1', validLostFamilyCard, service.steps[0].id);
		expect(await sendApplication(service, draft.id, new Date('2026-12-01T02:00:00Z'))).toBeNull();
		const stored = await getApplication(draft.id, 'u1');
		expect(stored?.state).toBe('outbox');
		expect(stored?.processDate).toMatch(/^2026-12-0\d$/);
	});

	it('sends only the answers the form has: a key an older catalog asked is left out, nothing the resident sees', async () => {
		const stale = { ...validLostFamilyCard, old_question: 'ya' };
		const draft = await createDraft(service.code, 'u1', stale, service.steps[0].id);
		expect(validateAnswerKeys(service, stale)).toEqual({ old_question: 'unknown_key' });
		expect(await sendApplication(service, draft.id, new Date('2026-12-01T02:00:00Z'))).toBeNull();
		const stored = await getApplication(draft.id, 'u1');
		expect(stored?.answers).toEqual(validLostFamilyCard);
		expect(validateAnswerKeys(service, stored!.answers)).toEqual({});
	});
});
