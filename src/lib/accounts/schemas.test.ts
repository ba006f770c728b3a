import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	forgotPasswordBlank,
	forgotPasswordSchema,
	normaliseIdentity,
	normaliseNumber,
	normalisePhone,
	passwordChangeBlank,
	passwordChangeSchema,
	profileSchema,
	registerBlank,
	registerSchema,
	resetPasswordBlank,
	resetPasswordSchema,
	signInBlank,
	signInSchema
} from './schemas';

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
	it('takes a NIK (spaces and dots allowed) or an e-mail, and a password', () => {
		expect(v.safeParse(signInSchema, { identity: 'a@b.id', password: 'x' }).success).toBe(true);
		expect(v.safeParse(signInSchema, { identity: '6471.0552 0590 0002', password: 'x' }).success).toBe(true);
		expect(v.safeParse(signInSchema, { identity: '64710', password: 'x' }).success).toBe(false);
		expect(v.safeParse(signInSchema, { identity: '', password: '' }).success).toBe(false);
	});

	it('normalises the identity', () => {
		expect(normaliseIdentity(' 6471 0552.0590-0002 ')).toBe('6471055205900002');
		expect(normaliseIdentity(' siti@contoh.id ')).toBe('siti@contoh.id');
	});
});

describe('NIK, KK and phone numbers with spaces and dots', () => {
	it('are accepted and normalised', () => {
		expect(issues({ ...good, nik: '6471 0552 0590 0002', phone: '0812.3456.7890' })).toEqual({});
		expect(normaliseNumber('6471.05.520590.0002')).toBe('6471055205900002');
		expect(normalisePhone('0812 3456-7890')).toBe('081234567890');
	});
});

describe('account care', () => {
	it('checks the profile and the password change', () => {
		expect(v.safeParse(profileSchema, { name: 'Siti', phone: '' }).success).toBe(true);
		expect(v.safeParse(profileSchema, { name: '', phone: '' }).success).toBe(false);
		const change = v.safeParse(passwordChangeSchema, { oldPassword: 'lama1234', password: 'baru12345', passwordConfirm: 'lain12345' });
		expect(change.success ? '' : change.issues[0].message).toBe('err_password_mismatch');
		expect(v.safeParse(resetPasswordSchema, { password: 'baru12345', passwordConfirm: 'baru12345' }).success).toBe(true);
	});
});

describe('the blanks of the account forms', () => {
	it("are what superforms derived from each schema's JSON schema", async () => {
		const { valibot } = await import('sveltekit-superforms/adapters');
		const pairs: [v.GenericSchema, Record<string, unknown>][] = [
			[registerSchema, registerBlank],
			[signInSchema, signInBlank],
			[forgotPasswordSchema, forgotPasswordBlank],
			[resetPasswordSchema, resetPasswordBlank],
			[passwordChangeSchema, passwordChangeBlank]
		];
		for (const [schema, blank] of pairs) expect(blank).toEqual(valibot(schema).defaults);
	});
});
