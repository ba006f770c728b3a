import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_BYTES } from './encode';
import { sha256Hex } from './hash';
import { prepareFile, type Imaging, type Raster } from './prepare';
import type { PixelsLike } from './quality';
import { boxBlur, darken, syntheticDocument, toRgba } from './test-images';
import { MAX_IMAGE_BYTES, MAX_PDF_BYTES, type PreparedFile, type PrepareResult } from './types';

type Look = 'document' | 'dark' | 'blurred';

/** What a fake photo decodes to: its upright size, its look, and how many bytes a pixel costs at quality 1. */
interface Photo {
	width: number;
	height: number;
	look?: Look;
	bytesPerPixel?: number;
}

interface FakeRaster extends Raster {
	photo: Photo;
	released: boolean;
}

const HEADS = {
	jpeg: [0xff, 0xd8, 0xff, 0xe1, 0, 0x10],
	png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
	webp: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]
};

const analysisCopies = new Map<string, PixelsLike>();
/** The analysis copy of a page with this look, drawn at four times its size and downscaled. */
function analysisCopy(look: Look, width: number, height: number): PixelsLike {
	const key = `${look} ${width}x${height}`;
	let copy = analysisCopies.get(key);
	if (!copy) {
		const page = syntheticDocument(width * 4, height * 4);
		copy = toRgba(look === 'dark' ? darken(page, 0.2) : look === 'blurred' ? boxBlur(page, 8) : page, 4);
		analysisCopies.set(key, copy);
	}
	return copy;
}

/** An Imaging that draws nothing: it tracks sizes and models JPEG sizes, and checks that every raster is released once. */
function fakeImaging({ failEncode = false } = {}) {
	const photos = new WeakMap<Blob, Photo>();
	const rasters: FakeRaster[] = [];
	const encoded: { width: number; height: number; quality: number }[] = [];
	const raster = (photo: Photo, width: number, height: number) => {
		const made: FakeRaster = { photo, width, height, released: false };
		rasters.push(made);
		return made;
	};
	const alive = (r: FakeRaster) => {
		if (r.released) throw new Error('raster used after release');
		return r;
	};
	const imaging: Imaging<FakeRaster> = {
		async decode(file) {
			const photo = photos.get(file);
			if (!photo) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
			return raster(photo, photo.width, photo.height);
		},
		resize(source, width, height) {
			return raster(alive(source).photo, width, height);
		},
		async encodeJpeg(r, quality) {
			alive(r);
			if (failEncode) throw new Error('encoder broke');
			encoded.push({ width: r.width, height: r.height, quality });
			const bytes = r.width * r.height * (r.photo.bytesPerPixel ?? 0.2) * quality ** 2;
			return new Blob([new Uint8Array(Math.round(bytes))], { type: 'image/jpeg' });
		},
		pixels(r) {
			alive(r);
			if (Math.max(r.width, r.height) > 512) throw new Error(`pixels read from a ${r.width}x${r.height} raster`);
			return analysisCopy(r.photo.look ?? 'document', r.width, r.height);
		},
		release(r) {
			alive(r).released = true;
		}
	};
	/** A file of the given format whose fake decode gives `photo`; its name and MIME type say nothing. */
	const photoFile = (format: keyof typeof HEADS, photo: Photo) => {
		const file = new Blob([new Uint8Array(HEADS[format]), new Uint8Array(3000)], { type: 'application/octet-stream' });
		photos.set(file, photo);
		return file;
	};
	return { imaging, rasters, encoded, photoFile };
}

function expectPrepared(result: PrepareResult): PreparedFile {
	if (!result.ok) throw new Error(`refused: ${result.reason} ${result.detail ?? ''}`);
	return result;
}

/** A Blob whose reported size is `size` without holding that many bytes. */
function sizedBlob(head: BlobPart[], size: number): Blob {
	return new (class extends Blob {
		get size() {
			return size;
		}
	})(head);
}

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe('prepareFile: refusals', () => {
	const { imaging } = fakeImaging();

	it('refuses an empty file', async () => {
		expect(await prepareFile(new Blob([]), imaging)).toEqual({ ok: false, reason: 'file_empty' });
	});

	it('refuses a file the browser cannot read', async () => {
		const broken = new (class extends Blob {
			slice() {
				return this;
			}
			arrayBuffer(): Promise<ArrayBuffer> {
				return Promise.reject(new DOMException('gone', 'NotReadableError'));
			}
		})(['%PDF-1.4']);
		expect(await prepareFile(broken, imaging)).toEqual({ ok: false, reason: 'file_unreadable' });
	});

	it('refuses other types by content, whatever the MIME type says', async () => {
		const gif = new Blob(['GIF89a', new Uint8Array(100)], { type: 'image/jpeg' });
		expect(await prepareFile(gif, imaging)).toEqual({ ok: false, reason: 'unsupported_type' });
		const text = new Blob(['NIK 6471...'], { type: 'application/pdf' });
		expect(await prepareFile(text, imaging)).toEqual({ ok: false, reason: 'unsupported_type' });
	});

	it('tells a HEIC photo the browser cannot decode apart, so the resident learns how to send a JPEG', async () => {
		const heic = new Blob([new Uint8Array([0, 0, 0, 0x18]), 'ftypheic', new Uint8Array(100)], { type: 'image/heic' });
		expect(await prepareFile(heic, imaging)).toMatchObject({ ok: false, reason: 'heic_unsupported' });
		const zip = new Blob(['PK', new Uint8Array([3, 4]), new Uint8Array(100)]);
		expect(await prepareFile(zip, imaging)).toEqual({ ok: false, reason: 'unsupported_type' });
	});

	it('refuses a PDF over 5 MB', async () => {
		expect(await prepareFile(sizedBlob([pdfBytes], MAX_PDF_BYTES + 1), imaging)).toEqual({ ok: false, reason: 'pdf_too_large' });
	});

	it('refuses an image file too big to decode safely', async () => {
		const huge = sizedBlob([new Uint8Array(HEADS.jpeg)], MAX_IMAGE_BYTES + 1);
		expect(await prepareFile(huge, imaging)).toEqual({ ok: false, reason: 'image_too_large' });
	});

	it('refuses an image that starts right but cannot be decoded', async () => {
		const truncated = new Blob([new Uint8Array(HEADS.jpeg), new Uint8Array(10)]);
		const result = await prepareFile(truncated, imaging);
		expect(result).toMatchObject({ ok: false, reason: 'image_unreadable' });
	});

	it('turns an unexpected failure into processing_failed, with a detail for the logs', async () => {
		const broken = fakeImaging({ failEncode: true });
		const result = await prepareFile(broken.photoFile('jpeg', { width: 4000, height: 3000 }), broken.imaging);
		expect(result).toEqual({ ok: false, reason: 'processing_failed', detail: 'Error: encoder broke' });
		expect(broken.rasters.every((r) => r.released)).toBe(true);
	});
});

describe('prepareFile: PDFs', () => {
	it('keeps a PDF byte for byte, typed by its content, with its hash', async () => {
		const { imaging, rasters } = fakeImaging();
		const file = new Blob([pdfBytes], { type: '' });
		const result = expectPrepared(await prepareFile(file, imaging));
		expect(new Uint8Array(await result.blob.arrayBuffer())).toEqual(pdfBytes);
		expect(result).toMatchObject({
			type: 'application/pdf',
			size: pdfBytes.length,
			sha256: await sha256Hex(pdfBytes),
			width: null,
			height: null,
			thumbnail: null,
			warnings: [],
			metrics: null,
			source: { type: 'application/pdf', size: pdfBytes.length, width: null, height: null }
		});
		expect(result.blob.type).toBe('application/pdf');
		expect(rasters).toHaveLength(0);
	});

	it('keeps a PDF of exactly 5 MB', async () => {
		const { imaging } = fakeImaging();
		const file = new Blob([pdfBytes, new Uint8Array(MAX_PDF_BYTES - pdfBytes.length)]);
		expect(expectPrepared(await prepareFile(file, imaging)).size).toBe(MAX_PDF_BYTES);
	});
});

describe('prepareFile: photos', () => {
	it('downscales a 12 MP photo to a 2000 px JPEG with hash, size, thumbnail and no warnings', async () => {
		const { imaging, rasters, encoded, photoFile } = fakeImaging();
		const file = photoFile('jpeg', { width: 4000, height: 3000 });
		const result = expectPrepared(await prepareFile(file, imaging));
		expect(result).toMatchObject({
			type: 'image/jpeg',
			width: 2000,
			height: 1500,
			warnings: [],
			source: { type: 'image/jpeg', size: file.size, width: 4000, height: 3000 }
		});
		expect(result.blob.type).toBe('image/jpeg');
		expect(result.size).toBe(result.blob.size);
		expect(result.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
		expect(result.sha256).toBe(await sha256Hex(result.blob));
		expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(result.thumbnail?.type).toBe('image/jpeg');
		expect(encoded[0]).toMatchObject({ width: 240, height: 180 }); // the thumbnail
		expect(encoded.slice(1)).toEqual([{ width: 2000, height: 1500, quality: 0.8 }]);
		expect(result.metrics?.brightness).toBeGreaterThan(200);
		// The full-size decode, the picture, the analysis copy and the thumbnail, each let go.
		expect(rasters.map((r) => [r.width, r.height])).toEqual([[4000, 3000], [2000, 1500], [512, 384], [240, 180]]);
		expect(rasters.every((r) => r.released)).toBe(true);
	});

	it('keeps a portrait photo portrait (the decode applies the EXIF orientation)', async () => {
		const { imaging, photoFile } = fakeImaging();
		const result = expectPrepared(await prepareFile(photoFile('jpeg', { width: 3000, height: 4000 }), imaging));
		expect([result.width, result.height]).toEqual([1500, 2000]);
	});

	it('never enlarges a small picture, and re-encodes PNG and WebP as JPEG', async () => {
		const { imaging, photoFile } = fakeImaging();
		const png = expectPrepared(await prepareFile(photoFile('png', { width: 1024, height: 768 }), imaging));
		expect(png).toMatchObject({ type: 'image/jpeg', width: 1024, height: 768, source: { type: 'image/png' } });
		const webp = expectPrepared(await prepareFile(photoFile('webp', { width: 2048, height: 1536 }), imaging));
		expect(webp).toMatchObject({ type: 'image/jpeg', width: 2000, height: 1500, source: { type: 'image/webp' } });
	});

	it('warns about a dark photo and a blurred one', async () => {
		const { imaging, photoFile } = fakeImaging();
		const dark = expectPrepared(await prepareFile(photoFile('jpeg', { width: 4096, height: 3072, look: 'dark' }), imaging));
		expect(dark.warnings[0]).toBe('too_dark');
		const blurred = expectPrepared(await prepareFile(photoFile('jpeg', { width: 4096, height: 3072, look: 'blurred' }), imaging));
		expect(blurred.warnings).toEqual(['too_blurry']);
	});

	it('lowers the quality, then the size, until a noisy photo fits the budget', async () => {
		const { imaging, rasters, encoded, photoFile } = fakeImaging();
		const result = expectPrepared(await prepareFile(photoFile('jpeg', { width: 4000, height: 3000, bytesPerPixel: 1.2 }), imaging));
		expect(result.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
		expect(encoded.length).toBeGreaterThan(2);
		const last = encoded[encoded.length - 1];
		expect([result.width, result.height]).toEqual([last.width, last.height]);
		expect(result.width).toBeLessThan(2000);
		expect(rasters.every((r) => r.released)).toBe(true);
	});
});
