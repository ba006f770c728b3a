import { describe, expect, it } from 'vitest';
import { placeRefusal } from './form-errors';

describe('placeRefusal', () => {
	const refusal = (fields: Record<string, string>) => ({ reason: 'refused' as const, messageKey: 'err_refused', fields });

	it('puts the server field errors at the form own fields, with no message on top', () => {
		const placed: [string, string][] = [];
		expect(placeRefusal(refusal({ email: 'err_email_taken', other: 'err_x' }), ['name', 'email'], (field, key) => placed.push([field, key]))).toBeNull();
		expect(placed).toEqual([['email', 'err_email_taken']]);
	});

	it('says something on top when no error belongs to one of the fields', () => {
		const placed: string[] = [];
		expect(placeRefusal(refusal({ token: 'err_x' }), ['password'], (field) => placed.push(field))).toBe('err_refused');
		expect(placeRefusal(refusal({}), ['password'], (field) => placed.push(field))).toBe('err_refused');
		expect(placed).toEqual([]);
	});
});
