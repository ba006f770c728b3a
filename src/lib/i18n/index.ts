import * as messages from '$lib/paraglide/messages';
import { getLocale, setLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { loadEnglish } from './english';

export { messages as m, getLocale, locales, type Locale };

/**
 * changeLocale remembers the chosen language on this device and opens the app again in it. English
 * is loaded first (lib/i18n/english.ts): on a phone offline that never had it, this fails and the
 * language stays as it was.
 */
export async function changeLocale(locale: Locale): Promise<void> {
	if (locale === 'en') await loadEnglish();
	await setLocale(locale);
}
