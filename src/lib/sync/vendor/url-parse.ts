/**
 * Stands in for the `url-parse` package, which tus-js-client imports only to resolve an upload's
 * Location against the request's URL (`new URL(link, origin).toString()`): every browser the app
 * runs in (and its service worker) has the WHATWG URL for that, and the package with its two
 * dependencies costs a phone about 12 KB of script. vite.config.ts aliases `url-parse` here;
 * vendor.test.ts checks both give the same answers.
 */
export default function resolve(url: string, base?: string): URL {
	return new URL(url, base);
}
