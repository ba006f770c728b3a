import { translate } from '$lib/i18n/translate';

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
		if (Array.isArray(messages) && typeof messages[0] === 'string') links.push({ href: `#${idPrefix}-${field}`, text: translate(messages[0]) });
	}
	return links;
}
