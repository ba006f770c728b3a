import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { registerSchema, signInSchema } from './schemas';

const good = {
	name: 'Siti Rahmawati',
	nik: '6471055205900002',
	phone: '0812 3456 7890',
	email: 'siti@contoh.id',
	password: 'rahasia123',
	passwordConfirm: 'rahasia123'
};

function issues(input: unknown): Record<string, string> {
	const result = v.safeParse(registerSchema, input);
	if (result.success) return {};
	const out: Record<string, string> = {};
	for (const issue of result.issues) out[v.getDotPath(issue) ?? ''] ??= issue.message;
	return out;
}

describe('registerSchema', () => {
	it('accepts a good registration', () => {
		expect(issues(good)).toEqual({});
	});

	it('refuses each bad field with its message key', () => {
		expect(issues({ ...good, name: '  ' })).toEqual({ name: 'err_required_name' });
		expect(issues({ ...good, nik: '' })).toEqual({ nik: 'err_required_nik' });
		expect(issues({ ...good, nik: '2071051205900001' })).toEqual({ nik: 'err_f_nik_province' });
		expect(issues({ ...good, nik: '6471051205900000' })).toEqual({ nik: 'err_f_nik_serial' });
		expect(issues({ ...good, phone: '12345' })).toEqual({ phone: 'err_phone' });
		expect(issues({ ...good, email: 'siti@' })).toEqual({ email: 'err_email' });
		expect(issues({ ...good, password: 'short', passwordConfirm: 'short' })).toEqual({ password: 'err_password_short' });
		expect(issues({ ...good, passwordConfirm: 'other123' })).toEqual({ passwordConfirm: 'err_password_mismatch' });
	});

	it('lets the phone number be left out', () => {
		expect(issues({ ...good, phone: '' })).toEqual({});
	});
});

describe('signInSchema', () => {
	it('needs an email and a password', () => {
		expect(v.safeParse(signInSchema, { email: 'a@b.id', password: 'x' }).success).toBe(true);
		expect(v.safeParse(signInSchema, { email: '', password: '' }).success).toBe(false);
	});
});
