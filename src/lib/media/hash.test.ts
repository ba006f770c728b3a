import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';

describe('sha256Hex', () => {
	it('gives the lowercase hex SHA-256 of a Blob and of bytes', async () => {
		const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
		expect(await sha256Hex(new Blob(['abc']))).toBe(abc);
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(abc);
		expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});
});
