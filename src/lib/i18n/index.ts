import * as messages from '$lib/paraglide/messages';
import { getLocale, setLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { messages as m, getLocale, locales, type Locale };

/** changeLocale remembers the chosen language on this device and re-renders the app in it. */
export function changeLocale(locale: Locale): void {
	setLocale(locale);
}
