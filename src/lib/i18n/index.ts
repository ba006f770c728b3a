import * as messages from '$lib/paraglide/messages';
import { getLocale, setLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { messages as m, getLocale, locales, type Locale };

type PlainMessage = () => string;

/**
 * translate turns a message key (as carried in validation errors and error reasons) into the
 * text for the current locale. An unknown key is a programming error: it is shown as the generic
 * "not valid" message rather than as a raw key, and reported in the console.
 */
export function translate(key: string): string {
	const message = (messages as unknown as Record<string, PlainMessage | undefined>)[key];
	if (typeof message === 'function') return message();
	console.error(`i18n: no message for key "${key}"`);
	return messages.err_invalid();
}

/** changeLocale remembers the chosen language on this device and re-renders the app in it. */
export function changeLocale(locale: Locale): void {
	setLocale(locale);
}
