import { m } from '$lib/i18n';
import { translate } from '$lib/i18n/translate';

/** The labels of the account forms' fields, for messages that name their field (the NIK's). */
const LABELS: Record<string, () => string> = {
	name: m.field_name,
	nik: m.field_nik,
	phone: m.field_phone,
	email: m.field_email,
	password: m.field_password,
	passwordConfirm: m.field_password_confirm
};

/**
 * fieldErrorLinks orders superforms' per-field errors as the fields appear on the page, taking the
 * first message (an i18n key) of each, as links for the error summary.
 */
export function fieldErrorLinks(
	errors: Record<string, string[] | undefined | unknown>,
	order: readonly string[]
): { href: string; text: string }[] {
	const links: { href: string; text: string }[] = [];
	for (const field of order) {
		const messages = errors[field];
		if (Array.isArray(messages) && typeof messages[0] === 'string') {
			links.push({ href: `#field-${field}`, text: translate(messages[0], { label: LABELS[field]?.() ?? field }) });
		}
	}
	return links;
}
