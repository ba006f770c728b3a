import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { StorageError } from '$lib/local/errors';
import { classifyFailure, toAppError } from './errors';

function responseError(status: number, data: Record<string, unknown> = {}) {
	return new ClientResponseError({ url: '/api/x', status, response: { code: status, message: 'x', data } });
}

describe('toAppError', () => {
	it('maps server field codes to i18n keys per field', () => {
		const error = toAppError(
			responseError(400, {
				nik: { code: 'nik_province', message: 'x' },
				email: { code: 'validation_not_unique', message: 'x' },
				phone: { code: 'something_new', message: 'x' }
			})
		);
		expect(error.reason).toBe('refused');
		expect(error.fields).toEqual({ nik: 'err_f_nik_province', email: 'err_email_taken', phone: 'err_invalid' });
	});

	it('treats a taken NIK as taken, not as invalid', () => {
		expect(toAppError(responseError(400, { nik: { code: 'validation_not_unique' } })).fields.nik).toBe('err_nik_taken');
	});

	it('recognises rate limiting and sign-in failures', () => {
		expect(toAppError(responseError(429)).reason).toBe('rate_limited');
		expect(toAppError(responseError(400, {})).fields).toEqual({});
		expect(toAppError(responseError(401)).reason).toBe('unauthorized');
	});

	it('turns network failures and unknown throws into offline, with the message the connection calls for', () => {
		expect(toAppError(responseError(0)).reason).toBe('offline');
		expect(toAppError(new TypeError('boom')).reason).toBe('offline');
		expect(['err_offline', 'err_server']).toContain(toAppError(new TypeError('boom')).messageKey);
	});
});

describe('classifyFailure', () => {
	it('decides one reason for server answers, lost answers and local writes', () => {
		expect(classifyFailure(responseError(0)).reason).toBe('offline');
		expect(classifyFailure(new TypeError('Failed to fetch')).reason).toBe('offline');
		expect(classifyFailure(responseError(401)).reason).toBe('unauthorized');
		expect(classifyFailure(responseError(408)).reason).toBe('busy');
		expect(classifyFailure(responseError(503)).reason).toBe('busy');
		expect(classifyFailure(responseError(429)).reason).toBe('rate_limited');
		expect(classifyFailure(responseError(403)).reason).toBe('refused');
		const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
		expect(classifyFailure(new StorageError('storage_full', quota)).reason).toBe('storage_full');
		expect(classifyFailure(quota).reason).toBe('storage_full');
		expect(classifyFailure(new StorageError('storage_failed', new Error('x'))).reason).toBe('storage_failed');
	});

	it('keeps the server codes of a refusal per field and document', () => {
		const refusal = classifyFailure(responseError(400, { data: { mother: { nik: { code: 'nik_province', message: 'x' } } }, documents: { kk: { code: 'document_missing', message: 'x' } } }));
		expect(refusal.codes).toEqual({ 'data.mother.nik': 'nik_province', 'documents.kk': 'document_missing' });
		expect(refusal.status).toBe(400);
		expect(classifyFailure(refusal)).toBe(refusal);
	});
});
