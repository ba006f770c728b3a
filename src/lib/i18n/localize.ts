import type { Localized } from '$lib/catalog';
import { getLocale } from '$lib/paraglide/runtime';

/** localize picks the current language's text of a catalog text. */
export function localize(text: Localized): string {
	return getLocale() === 'en' ? text.en : text.id;
}
