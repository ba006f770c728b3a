import { m } from '$lib/i18n';
import { translate } from '$lib/i18n/translate';
import type { AppError } from '$lib/pb/errors';

/** The labels of the account forms' fields, for messages that name their field (the NIK's). */
const LABELS: Record<string, () => string> = {
	name: m.field_name,
	nik: m.field_nik,
	phone: m.field_phone,
	email: m.field_email,
	password: m.field_password,
	passwordConfirm: m.field_password_confirm,
	identity: m.field_identity,
	oldPassword: m.field_password_old
};

/**
 * fieldErrorLinks orders superforms' per-field errors as the fields appear on the page, taking the
 * first message (an i18n key) of each, as links for the error summary.
 */
export function fieldErrorLinks(
	errors: Record<string, string[] | undefined | unknown>,
	order: readonly string[],
	idPrefix = 'field'
): { href: string; text: string }[] {
	const links: { href: string; text: string }[] = [];
	for (const field of order) {
		const messages = errors[field];
		if (Array.isArray(messages) && typeof messages[0] === 'string') {
			links.push({ href: `#${idPrefix}-${field}`, text: translate(messages[0], { label: LABELS[field]?.() ?? field }) });
		}
	}
	return links;
}

/** The options every account form shares: checked on the phone when sent, the answers kept after a refusal. */
export const ACCOUNT_FORM = { SPA: true, validationMethod: 'onsubmit', resetForm: false } as const;

/**
 * placeRefusal puts the server's field errors at the form's own fields (through `setField`) and
 * answers the message for the top of the page when none of them is one of its fields, so a refusal
 * always says something.
 */
export function placeRefusal(error: AppError, fields: readonly string[], setField: (field: string, key: string) => void): string | null {
	const placed = Object.entries(error.fields).filter(([field]) => fields.includes(field));
	for (const [field, key] of placed) setField(field, key);
	return placed.length === 0 ? error.messageKey : null;
}
