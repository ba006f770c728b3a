import * as v from 'valibot';
import { answerMessageKey } from '$lib/catalog/codes';
import { nikError } from '$lib/catalog/nik';

/**
 * Account forms. Messages are i18n keys, translated where they are shown (with the field's label:
 * the NIK's messages are the catalog's, `err_f_nik_*`). The server checks the
 * same rules again (pocketbase/internal/nik and the users collection's field options).
 */

export const PHONE_PATTERN = /^(\+62|62|0)8[0-9]{7,12}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 71;

/** nikField is the NIK rule of shared/DOMAIN.md as a valibot schema. */
export const nikField = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('err_required_nik'),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const code = nikError(dataset.value);
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

export const registerSchema = v.pipe(
	v.object({
		name: v.pipe(v.string(), v.trim(), v.nonEmpty('err_required_name'), v.maxLength(100, 'err_too_long_name')),
		nik: nikField,
		phone: v.pipe(
			v.string(),
			v.trim(),
			v.check((value) => value === '' || PHONE_PATTERN.test(value.replace(/[\s-]/g, '')), 'err_phone')
		),
		email: emailField,
		password: passwordField,
		passwordConfirm: v.string()
	}),
	v.forward(
		v.partialCheck(
			[['password'], ['passwordConfirm']],
			(input) => input.password === input.passwordConfirm,
			'err_password_mismatch'
		),
		['passwordConfirm']
	)
);

export type RegisterInput = v.InferOutput<typeof registerSchema>;

export const signInSchema = v.object({
	email: emailField,
	password: v.pipe(v.string(), v.nonEmpty('err_required_password'))
});

export type SignInInput = v.InferOutput<typeof signInSchema>;

/** normalisePhone removes spaces and dashes that residents type into phone numbers. */
export function normalisePhone(phone: string): string {
	return phone.replace(/[\s-]/g, '');
}
