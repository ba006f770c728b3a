// The one call of the url-parse package that vendor.test.ts compares its stand-in with (the package
// has no types of its own).
declare module 'url-parse' {
	export default class URLParse {
		constructor(url: string, base?: string);
		toString(): string;
	}
}
