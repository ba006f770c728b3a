import { describe, expect, it } from 'vitest';
// the packages themselves: the aliases are the app build's (vite.config.ts), not the unit tests'
import URLParse from 'url-parse';
import { Base64 as PackageBase64 } from 'js-base64';
import resolve from './url-parse';
import { Base64 } from './js-base64';

describe('the stand-ins for the packages tus-js-client imports', () => {
	it('resolve an upload Location as url-parse does', () => {
		const cases: Array<[string, string]> = [
			['/api/uploads/abc123', 'http://127.0.0.1:8090/api/uploads'],
			['abc123', 'http://127.0.0.1:8090/api/uploads/'],
			['https://other.example/files/1', 'http://127.0.0.1:8090/api/uploads'],
			['/api/uploads/doc?x=1#y', 'https://dukcapil.example:8443/api/uploads']
		];
		for (const [link, origin] of cases) expect(resolve(link, origin).toString()).toBe(new URLParse(link, origin).toString());
	});

	it('encode metadata as js-base64 does, also outside ASCII', () => {
		for (const value of ['', 'a', 'foto KTP.jpg', 'akta-kelahiran_Ñoño_✓.pdf', '日本語', 'image/jpeg', '0123456789abcdef0123456789abcdef']) {
			expect(Base64.encode(value)).toBe(PackageBase64.encode(value));
		}
	});
});
