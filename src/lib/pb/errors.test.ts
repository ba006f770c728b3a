import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { toAppError } from './errors';

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
		expect(error.reason).toBe('invalid');
		expect(error.fields).toEqual({ nik: 'err_nik_province', email: 'err_email_taken', phone: 'err_invalid' });
	});

	it('treats a taken NIK as taken, not as invalid', () => {
		expect(toAppError(responseError(400, { nik: { code: 'validation_not_unique' } })).fields.nik).toBe('err_nik_taken');
	});

	it('recognises rate limiting and sign-in failures', () => {
		expect(toAppError(responseError(429)).reason).toBe('rate_limited');
		expect(toAppError(responseError(400, {})).fields).toEqual({});
		expect(toAppError(responseError(403)).reason).toBe('unauthorized');
	});

	it('turns network failures and unknown throws into a server or offline reason', () => {
		expect(['offline', 'server']).toContain(toAppError(responseError(0)).reason);
		expect(toAppError(new TypeError('boom')).messageKey).toBe('err_server');
	});
});
