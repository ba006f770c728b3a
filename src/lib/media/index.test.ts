import { describe, expect, it } from 'vitest';
import { extensionFor, prepareDocumentFile, REJECT_REASONS } from './index';

// Node has no Worker and no canvas: prepareDocumentFile takes its on-page path, which is enough to
// check the queue and everything that does not draw (PDFs and refusals). Photos are covered by
// prepare.test.ts with a fake imaging, and by the benchmark in the real browser.
describe('prepareDocumentFile', () => {
	it('prepares a PDF and refuses other content without a worker', async () => {
		const pdf = await prepareDocumentFile(new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'image/jpeg' }));
		expect(pdf).toMatchObject({ ok: true, type: 'application/pdf', size: 15, thumbnail: null });
		expect(await prepareDocumentFile(new Blob(['hello'], { type: 'application/pdf' }))).toEqual({ ok: false, reason: 'unsupported_type' });
	});

	it('answers every call, in order, when called many times at once', async () => {
		const done: number[] = [];
		const files = [1, 2, 3].map((n) => new Blob([`%PDF-1.${n}`]));
		const results = await Promise.all(files.map((file, n) => prepareDocumentFile(file).then((result) => (done.push(n), result))));
		expect(done).toEqual([0, 1, 2]);
		expect(results.map((result) => result.ok && result.size)).toEqual([8, 8, 8]);
	});

	it('turns an image it cannot decode into image_unreadable, never a rejection', async () => {
		const result = await prepareDocumentFile(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]));
		expect(result).toMatchObject({ ok: false, reason: 'image_unreadable' });
	});
});

describe('helpers for the UI', () => {
	it('names the extension of a stored type', () => {
		expect(extensionFor('image/jpeg')).toBe('jpg');
		expect(extensionFor('application/pdf')).toBe('pdf');
	});

	it('lists every refusal reason once', () => {
		expect(new Set(REJECT_REASONS).size).toBe(REJECT_REASONS.length);
		expect(REJECT_REASONS).toContain('unsupported_type');
		expect(REJECT_REASONS).toContain('pdf_too_large');
		expect(REJECT_REASONS).toContain('image_unreadable');
	});
});
