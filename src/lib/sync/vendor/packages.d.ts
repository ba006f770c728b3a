// The one call of the url-parse package that vendor.test.ts compares its stand-in with (the package
// has no types of its own).
declare module 'url-parse' {
	export default class URLParse {
		constructor(url: string, base?: string);
		toString(): string;
	}
}

// tus-js-client's upload without its browser entry's defaults (lib/sync/upload.ts gives every one of
// them); the package types only its entry.
declare module 'tus-js-client/lib/upload.js' {
	import type { Upload, UploadOptions } from 'tus-js-client';
	export default class BaseUpload extends Upload {
		static defaultOptions: UploadOptions;
	}
}
