import type { Localized } from '$lib/catalog';
import { getLocale } from '$lib/paraglide/runtime';
import { englishText } from './english';

/**
 * localize picks the current language's text of a catalog text (in the app's build, a text's
 * English is a number in the English file: lib/i18n/english.ts).
 */
export function localize(text: Localized): string {
	return getLocale() === 'en' ? englishText(text.en) : text.id;
}
