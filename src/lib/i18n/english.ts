import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { ENGLISH_CACHE } from './english-cache';

/**
 * The app's English texts, in a file of their own that only a phone set to English loads (the
 * build takes them out of the app's other files: scripts/lib/english.js). Indonesian needs nothing
 * loaded. In the unit tests and the dev server the texts are where the source has them and this
 * file is empty.
 */
type EnglishFile = typeof import('virtual:english');

let english: EnglishFile | null = null;

/** englishMessage gives message number `index` in English (the build calls it from each message). */
export function englishMessage(index: number, inputs: unknown): string {
	if (!english) throw new Error('English is not loaded (lib/i18n/english.ts)');
	return english.messages[index](inputs);
}

/** englishText gives a catalog text's English: the build makes it the text's number in the English file. */
export function englishText(text: string | number): string {
	if (typeof text === 'string') return text;
	if (!english) throw new Error('English is not loaded (lib/i18n/english.ts)');
	return english.catalog[text];
}

/**
 * loadEnglish loads the English texts (from the phone once kept, else from the server) and keeps
 * their file for offline use. It fails when the phone is offline and has never had English.
 */
export async function loadEnglish(): Promise<void> {
	if (english) return;
	const file = await import('virtual:english');
	english = file;
	if (file.url && typeof caches !== 'undefined') {
		// kept here rather than by the service worker: the browser takes the app's files from its
		// caches without asking the worker (src/service-worker)
		await caches
			.open(ENGLISH_CACHE)
			.then((cache) => cache.add(file.url))
			.catch(() => undefined);
	}
}

/**
 * startLocale makes the chosen language ready before the first screen: on a phone set to English,
 * its texts. Without them (offline, and the kept file gone) the app opens in Indonesian for now and
 * says so; the choice stays, for the next start online.
 *
 * The page keeps the language it started in. Paraglide reads the choice from localStorage at every
 * message, so another window of the app that switched to English would otherwise have this one
 * call for English texts it never loaded (and break); this window switches at its next start.
 * @returns whether English was chosen but could not be loaded
 */
export async function startLocale(): Promise<boolean> {
	const chosen = getLocale();
	let unavailable = false;
	if (chosen === 'en') {
		try {
			await loadEnglish();
		} catch {
			unavailable = true;
		}
	}
	const locale = unavailable ? 'id' : chosen;
	overwriteGetLocale(() => locale);
	return unavailable;
}
