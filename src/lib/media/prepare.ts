// The pipeline from a picked file to a stored one: check, decode, downscale, measure, thumbnail,
// encode, hash. The drawing is passed in (canvas.ts in the browser, a fake in the unit tests), so
// the same code runs in the worker, on the main thread as a fallback, and under vitest.
import { encodeWithinBudget, firstAttempt } from './encode';
import { fitWithin } from './geometry';
import { sha256Hex } from './hash';
import { ANALYSIS_LONG_EDGE, measureQuality, qualityWarnings, type PixelsLike } from './quality';
import { isHeif, SNIFF_BYTES, sniffType } from './sniff';
import {
	MAX_IMAGE_BYTES,
	MAX_PDF_BYTES,
	OUTPUT_LONG_EDGE,
	THUMBNAIL_LONG_EDGE,
	THUMBNAIL_QUALITY,
	type PrepareResult,
	type QualityMetrics,
	type RejectReason,
	type RejectedFile
} from './types';

/** A picture held by an {@link Imaging}: a decoded image or a canvas. */
export interface Raster {
	readonly width: number;
	readonly height: number;
}

/** The drawing operations the pipeline needs. */
export interface Imaging<R extends Raster = Raster> {
	/** Decodes an image file, turned upright by its EXIF orientation; rejects when it cannot. */
	decode(file: Blob): Promise<R>;
	/** Draws `source` scaled to `width` x `height` on a white background (for transparent PNGs). */
	resize(source: R, width: number, height: number): R;
	/** Encodes as JPEG at `quality` (0–1). */
	encodeJpeg(raster: R, quality: number): Promise<Blob>;
	/** Reads the RGBA pixels. */
	pixels(raster: R): PixelsLike;
	/** Frees the memory of a raster that is no longer needed. */
	release(raster: R): void;
}

/** An error that already knows its reason. */
class Refusal extends Error {
	constructor(readonly reason: RejectReason) {
		super(reason);
	}
}

function refuse(reason: RejectReason, detail?: string): RejectedFile {
	return detail ? { ok: false, reason, detail } : { ok: false, reason };
}

async function read(file: Blob, slice?: number): Promise<ArrayBuffer> {
	try {
		return await (slice === undefined ? file : file.slice(0, slice)).arrayBuffer();
	} catch {
		throw new Refusal('file_unreadable');
	}
}

/**
 * prepareFile checks a file by its content and turns it into what is stored: a photo (JPEG, PNG or
 * WebP) becomes a JPEG with a long edge of at most {@link OUTPUT_LONG_EDGE} px, under the size
 * budget where possible, with a thumbnail and quality warnings; a PDF up to {@link MAX_PDF_BYTES}
 * is kept byte for byte. Never throws: every failure is a refusal with a reason.
 */
export async function prepareFile<R extends Raster>(file: Blob, imaging: Imaging<R>): Promise<PrepareResult> {
	try {
		if (file.size === 0) return refuse('file_empty');
		const head = new Uint8Array(await read(file, SNIFF_BYTES));
		const heif = isHeif(head);
		const type = sniffType(head) ?? (heif ? 'image/heic' : null);
		if (!type) return refuse('unsupported_type');

		if (type === 'application/pdf') {
			if (file.size > MAX_PDF_BYTES) return refuse('pdf_too_large');
			// A copy in memory, typed by its content: a File from the picker can change or vanish later.
			const bytes = await read(file);
			const blob = new Blob([bytes], { type });
			return {
				ok: true,
				blob,
				sha256: await sha256Hex(bytes),
				size: blob.size,
				type,
				width: null,
				height: null,
				thumbnail: null,
				warnings: [],
				metrics: null,
				source: { type, size: file.size, width: null, height: null }
			};
		}

		if (file.size > MAX_IMAGE_BYTES) return refuse('image_too_large');
		let decoded: R;
		try {
			decoded = await imaging.decode(file);
		} catch (error) {
			// A HEIC photo is converted only where the browser decodes it (Safari); elsewhere the resident is told how to send a JPEG.
			return refuse(heif ? 'heic_unsupported' : 'image_unreadable', String(error));
		}
		const source = { type, size: file.size, width: decoded.width, height: decoded.height };
		if (!(decoded.width > 0 && decoded.height > 0)) {
			imaging.release(decoded);
			return refuse('image_unreadable', 'no pixels');
		}

		// Downscale once; the full-size decode (48 MB for 12 MP) is let go at once.
		const target = fitWithin(decoded.width, decoded.height, OUTPUT_LONG_EDGE);
		const picture = imaging.resize(decoded, target.width, target.height);
		imaging.release(decoded);

		try {
			// The measures and the thumbnail come from one small copy.
			const small = fitWithin(picture.width, picture.height, ANALYSIS_LONG_EDGE);
			const analysis = imaging.resize(picture, small.width, small.height);
			let metrics: QualityMetrics;
			let thumb: R;
			try {
				metrics = measureQuality(imaging.pixels(analysis));
				const thumbSize = fitWithin(analysis.width, analysis.height, THUMBNAIL_LONG_EDGE);
				thumb = imaging.resize(analysis, thumbSize.width, thumbSize.height);
			} finally {
				imaging.release(analysis);
			}
			let thumbnail: Blob;
			try {
				thumbnail = await imaging.encodeJpeg(thumb, THUMBNAIL_QUALITY);
			} finally {
				imaging.release(thumb);
			}

			const { blob, attempt } = await encodeWithinBudget(async ({ quality, longEdge }) => {
				if (longEdge >= Math.max(picture.width, picture.height)) return imaging.encodeJpeg(picture, quality);
				const size = fitWithin(picture.width, picture.height, longEdge);
				const smaller = imaging.resize(picture, size.width, size.height);
				try {
					return await imaging.encodeJpeg(smaller, quality);
				} finally {
					imaging.release(smaller);
				}
			}, firstAttempt(Math.max(picture.width, picture.height)));
			const stored = fitWithin(picture.width, picture.height, attempt.longEdge);

			return {
				ok: true,
				blob,
				sha256: await sha256Hex(blob),
				size: blob.size,
				type: 'image/jpeg',
				width: stored.width,
				height: stored.height,
				thumbnail,
				warnings: qualityWarnings(metrics),
				metrics,
				source
			};
		} finally {
			imaging.release(picture);
		}
	} catch (error) {
		if (error instanceof Refusal) return refuse(error.reason);
		return refuse('processing_failed', String(error));
	}
}
