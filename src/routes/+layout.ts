import { startLocale } from '$lib/i18n/english';

// A pure single-page app: PocketBase serves index.html for every client route.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

// On a phone set to English, its texts before the first screen (lib/i18n/english.ts).
export async function load() {
	return { englishUnavailable: await startLocale() };
}
