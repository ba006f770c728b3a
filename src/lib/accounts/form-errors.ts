/**
 * fieldErrorList orders superforms' per-field errors as the fields appear on the page, taking the
 * first message of each, for the error summary.
 */
export function fieldErrorList(
	errors: Record<string, string[] | undefined | unknown>,
	order: readonly string[]
): [string, string][] {
	const list: [string, string][] = [];
	for (const field of order) {
		const messages = errors[field];
		if (Array.isArray(messages) && typeof messages[0] === 'string') list.push([field, messages[0]]);
	}
	return list;
}
