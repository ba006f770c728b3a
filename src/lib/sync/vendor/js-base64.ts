/**
 * Stands in for the `js-base64` package, which tus-js-client imports only to encode the upload's
 * metadata (`Base64.encode(value)`: UTF-8, standard alphabet, padded), as the browser's btoa and
 * TextEncoder do; the package costs about 6 KB of script. vite.config.ts aliases `js-base64` here;
 * vendor.test.ts checks both give the same answers.
 */
export const Base64 = {
	encode(value: string): string {
		let binary = '';
		for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
		return btoa(binary);
	}
};
