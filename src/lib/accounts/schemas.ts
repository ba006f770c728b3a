import * as v from 'valibot';
import { answerMessageKey } from '$lib/catalog/codes';
import { nikError } from '$lib/catalog/nik';

/**
 * Account forms. Messages are i18n keys, translated where they are shown (with the field's label:
 * the NIK's messages are the catalog's, `err_f_nik_*`). The server checks the
 * same rules again (pocketbase/internal/nik and the users collection's field options). Each
 * schema has its blank (`…Blank`): what its form starts with.
 */

export const PHONE_PATTERN = /^(\+62|62|0)8[0-9]{7,12}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 71;

/** normaliseNumber removes the spaces, dots and dashes residents type into NIK and KK numbers. */
export function normaliseNumber(value: string): string {
	return value.replace(/[\s.-]/g, '');
}

/** normalisePhone removes spaces, dots and dashes that residents type into phone numbers. */
export function normalisePhone(phone: string): string {
	return phone.replace(/[\s.-]/g, '');
}

/** normaliseIdentity turns what a resident types to sign in into a NIK (digits only) or a trimmed e-mail. */
export function normaliseIdentity(identity: string): string {
	const trimmed = identity.trim();
	return /^[0-9\s.-]+$/.test(trimmed) ? normaliseNumber(trimmed) : trimmed;
}

/** nikField is the NIK rule of shared/DOMAIN.md as a valibot schema; spaces and dots are allowed. */
export const nikField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('err_required_nik'),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const code = nikError(normaliseNumber(dataset.value));
		if (code) addIssue({ message: answerMessageKey(code) });
	})
);

const passwordField = v.pipe(
	v.string(),
	v.nonEmpty('err_required_password'),
	v.minLength(PASSWORD_MIN, 'err_password_short'),
	v.maxLength(PASSWORD_MAX, 'err_password_long')
);

const emailField = v.pipe(v.string(), v.trim(), v.nonEmpty('err_required_email'), v.email('err_email'));

const nameField = v.pipe(v.string(), v.trim(), v.nonEmpty('err_required_name'), v.maxLength(100, 'err_too_long_name'));

const phoneField = v.pipe(
	v.string(),
	v.trim(),
	v.check((value) => value === '' || PHONE_PATTERN.test(normalisePhone(value)), 'err_phone')
);


export const registerSchema = v.pipe(
	v.object({ name: nameField, nik: nikField, phone: phoneField, email: emailField, password: passwordField, passwordConfirm: v.string() }),
	v.forward(
		v.partialCheck([['password'], ['passwordConfirm']], (input) => input.password === input.passwordConfirm, 'err_password_mismatch'),
		['passwordConfirm']
	)
);

export type RegisterInput = v.InferOutput<typeof registerSchema>;
export const registerBlank: v.InferInput<typeof registerSchema> = { name: '', nik: '', phone: '', email: '', password: '', passwordConfirm: '' };

/** signInSchema: the NIK or the e-mail, and the password. */
export const signInSchema = v.object({
	identity: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('err_required_identity'),
		v.check((value) => {
			const identity = normaliseIdentity(value);
			return /^[0-9]{16}$/.test(identity) || v.is(emailField, identity);
		}, 'err_identity')
	),
	password: v.pipe(v.string(), v.nonEmpty('err_required_password'))
});

export type SignInInput = v.InferOutput<typeof signInSchema>;
export const signInBlank: v.InferInput<typeof signInSchema> = { identity: '', password: '' };

/** forgotPasswordSchema: the e-mail to send the link to. */
export const forgotPasswordSchema = v.object({ email: emailField });
export type ForgotPasswordInput = v.InferOutput<typeof forgotPasswordSchema>;
export const forgotPasswordBlank: v.InferInput<typeof forgotPasswordSchema> = { email: '' };

/** resetPasswordSchema: the new password, twice. */
export const resetPasswordSchema = v.pipe(
	v.object({ password: passwordField, passwordConfirm: v.string() }),
	v.forward(
		v.partialCheck([['password'], ['passwordConfirm']], (input) => input.password === input.passwordConfirm, 'err_password_mismatch'),
		['passwordConfirm']
	)
);
export type ResetPasswordInput = v.InferOutput<typeof resetPasswordSchema>;
export const resetPasswordBlank: v.InferInput<typeof resetPasswordSchema> = { password: '', passwordConfirm: '' };

/** profileSchema: what a resident may change of their account (never the NIK). */
export const profileSchema = v.object({ name: nameField, phone: phoneField });
export type ProfileInput = v.InferOutput<typeof profileSchema>;

/** passwordChangeSchema: the current password and the new one, twice. */
export const passwordChangeSchema = v.pipe(
	v.object({ oldPassword: v.pipe(v.string(), v.nonEmpty('err_required_password')), password: passwordField, passwordConfirm: v.string() }),
	v.forward(
		v.partialCheck([['password'], ['passwordConfirm']], (input) => input.password === input.passwordConfirm, 'err_password_mismatch'),
		['passwordConfirm']
	)
);
export type PasswordChangeInput = v.InferOutput<typeof passwordChangeSchema>;
export const passwordChangeBlank: v.InferInput<typeof passwordChangeSchema> = { oldPassword: '', password: '', passwordConfirm: '' };
