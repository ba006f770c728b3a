import { describe, expect, it } from 'vitest';
import { bytesToUrlBase64, urlBase64ToBytes } from './keys';

describe('push keys', () => {
	it('round-trips base64url without padding', () => {
		const bytes = Uint8Array.from([4, 250, 251, 252, 0, 63, 62, 255]);
		const encoded = bytesToUrlBase64(bytes.buffer);
		expect(encoded).not.toMatch(/[+/=]/);
		expect([...urlBase64ToBytes(encoded)]).toEqual([...bytes]);
		expect(bytesToUrlBase64(null)).toBe('');
	});
});
