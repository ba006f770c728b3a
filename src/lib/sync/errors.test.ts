import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { toSyncFailure } from './errors';

const refusal = (status: number, data: unknown) => new ClientResponseError({ status, response: { status, message: 'x', data } });

describe('toSyncFailure', () => {
	it('keeps a finalise of an unconfirmed account in the outbox (unverified), not set aside', () => {
		const failure = toSyncFailure(refusal(403, { owner: { code: 'account_email_not_verified', message: 'x' } }));
		expect(failure.reason).toBe('unverified');
		expect(failure.retryable).toBe(false);
	});

	it('sets other refusals aside with their codes', () => {
		const failure = toSyncFailure(refusal(400, { documents: { kk: { code: 'document_missing', message: 'x' } } }));
		expect(failure.reason).toBe('refused');
		expect(failure.details).toEqual({ 'documents.kk': 'document_missing' });
	});
});
