import { describe, expect, it } from 'vitest';
import type { LocalApplication } from '$lib/local/db';
import { statusBox } from './overview';

const base: LocalApplication = { id: 'a', service: 'kk-hilang', state: 'sent', answers: {}, step: '', owner: 'u', created: 0, updated: 0 };
const remote = { status: 'submitted', reference: 'BPN-1', submitted: '', updated: '', revision: 0, staff_note: '', process_date: '', queue_no: 0, results: [] };

describe('statusBox', () => {
	it('tells a correction waiting to be sent from a received application', () => {
		expect(statusBox({ ...base, remote: { ...remote, status: 'needs_revision' } })).toBe('needs_revision');
		expect(statusBox({ ...base, state: 'draft', correction: { baseRevision: 0, baseAnswers: {}, baseDocuments: [], startedAt: 0 } })).toBe('correcting');
		expect(statusBox({ ...base, state: 'outbox', correction: { baseRevision: 0, baseAnswers: {}, baseDocuments: [], startedAt: 0 } })).toBe('correction_pending');
		expect(statusBox({ ...base, state: 'outbox', withdrawRequestedAt: 1 })).toBe('withdraw_pending');
		expect(statusBox({ ...base, state: 'outbox', setAside: { reason: 'refused', details: {}, at: 0 } })).toBe('set_aside');
		expect(statusBox({ ...base, remote })).toBe('received');
	});
});
