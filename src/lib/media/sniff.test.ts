import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffType } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('sniffType', () => {
	it('recognises JPEG, PNG, WebP and PDF by their magic bytes', () => {
		expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
		expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toBe('image/jpeg');
		expect(sniffType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('image/png');
		expect(sniffType(bytes('RIFF', [0x24, 0x10, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
		expect(sniffType(bytes('%PDF-1.7\n%'))).toBe('application/pdf');
	});

	it('accepts a PDF signature after a newline or a UTF-8 byte order mark, as the server does', () => {
		expect(sniffType(bytes('\n%PDF-1.4'))).toBe('application/pdf');
		expect(sniffType(bytes([0xef, 0xbb, 0xbf], '%PDF-1.4'))).toBe('application/pdf');
		expect(sniffType(bytes(' %PDF-1.4'))).toBeNull();
	});

	it('refuses other types, whatever their name would say', () => {
		expect(sniffType(bytes('GIF89a'))).toBeNull();
		expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull(); // a WAV file
		expect(sniffType(bytes('PK', [3, 4]))).toBeNull(); // a .docx or .zip
		expect(sniffType(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBeNull(); // HEIC
		expect(sniffType(bytes('<svg xmlns='))).toBeNull();
		expect(sniffType(bytes('%PDF'))).toBeNull(); // no dash
	});

	it('needs whole signatures: truncated heads and empty input are refused', () => {
		expect(sniffType(new Uint8Array())).toBeNull();
		expect(sniffType(bytes([0xff, 0xd8]))).toBeNull();
		expect(sniffType(bytes([0x89], 'PNG'))).toBeNull();
		expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WEB'))).toBeNull();
	});

	it('tells a HEIC/HEIF photo, which the app converts where the browser can decode it', async () => {
		const { isHeif } = await import('./sniff');
		expect(isHeif(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe(true);
		expect(isHeif(bytes([0, 0, 0, 0x18], 'ftypmif1'))).toBe(true);
		expect(isHeif(bytes([0, 0, 0, 0x18], 'ftypisom'))).toBe(false); // an MP4 video
		expect(isHeif(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe(false);
	});

	it('reads no further than SNIFF_BYTES', () => {
		expect(SNIFF_BYTES).toBeGreaterThanOrEqual(12);
	});
});
