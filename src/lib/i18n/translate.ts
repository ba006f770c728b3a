import * as messages from '$lib/paraglide/messages';

type Message = (inputs: Record<string, string>) => string;

/**
 * translate turns a message key (as carried in validation errors and error reasons) into the
 * text for the current locale, with its inputs (a field's `label`). An unknown key is a programming error: it is shown as the generic
 * "not valid" message rather than as a raw key, and reported in the console.
 * It looks messages up by name, so it keeps every message in the bundle: pages import it, the
 * first screen does not.
 */
export function translate(key: string, inputs: Record<string, string> = {}): string {
	const message = (messages as unknown as Record<string, Message | undefined>)[key];
	if (typeof message === 'function') return message(inputs);
	console.error(`i18n: no message for key "${key}"`);
	return messages.err_invalid();
}
