// The shapes the media module hands to the rest of the app. Plain types only, so that the page,
// the worker and the inline fallback share them without pulling in any code.

/** A file type the office accepts, as detected from the file's bytes. */
export type SourceType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

/** The type of a stored file: every photo is re-encoded as JPEG, a PDF is kept as it is. */
export type StoredType = 'image/jpeg' | 'application/pdf';

/**
 * Why a file was refused, machine-readable; the UI maps each reason to a message that says what is
 * accepted (JPEG, PNG or WebP photos, PDFs up to 5 MB).
 * - `file_empty`: the file has no bytes (e.g. a cloud file the phone failed to download).
 * - `file_unreadable`: the browser could not read the file (moved, deleted, permission lost).
 * - `unsupported_type`: the content is not JPEG, PNG, WebP or PDF, whatever its name says.
 * - `pdf_too_large`: a PDF over {@link MAX_PDF_BYTES}.
 * - `image_too_large`: an image file over {@link MAX_IMAGE_BYTES}, too big to decode safely on a phone.
 * - `image_unreadable`: the content starts like an image but cannot be decoded (truncated, corrupt).
 * - `heic_unsupported`: a HEIC/HEIF photo (an iPhone's format) that this browser cannot decode, so
 *   it cannot be converted to JPEG here.
 * - `processing_failed`: anything else went wrong while preparing the file (encoder failure, the
 *   worker crashed or did not answer); trying again may help.
 */
export type RejectReason =
	| 'file_empty'
	| 'file_unreadable'
	| 'unsupported_type'
	| 'pdf_too_large'
	| 'image_too_large'
	| 'image_unreadable'
	| 'heic_unsupported'
	| 'processing_failed';

/** Every {@link RejectReason}, e.g. to check that each has an i18n message. */
export const REJECT_REASONS: readonly RejectReason[] = [
	'file_empty',
	'file_unreadable',
	'unsupported_type',
	'pdf_too_large',
	'image_too_large',
	'image_unreadable',
	'heic_unsupported',
	'processing_failed'
];

/** A hint that a photo may be hard to read; the UI offers to retake it. The file is still usable. */
export type QualityWarning = 'too_dark' | 'too_blurry';

/** The brightness and sharpness measured on a photo (see quality.ts). */
export interface QualityMetrics {
	/** Mean luminance, 0 (black) to 255 (white). */
	brightness: number;
	/** Variance of the Laplacian of the grayscale copy; higher is sharper. */
	sharpness: number;
}

/** A file ready to be stored and uploaded. */
export interface PreparedFile {
	ok: true;
	/** The bytes to store and upload: the re-encoded JPEG, or the PDF as it was given. */
	blob: Blob;
	/** SHA-256 of `blob`, lowercase hex (64 characters). */
	sha256: string;
	/** Size of `blob` in bytes. */
	size: number;
	/** MIME type of `blob`. */
	type: StoredType;
	/** Pixel size of the stored image, after orientation; null for a PDF. */
	width: number | null;
	height: number | null;
	/** A small JPEG preview (long edge {@link THUMBNAIL_LONG_EDGE} px at most); null for a PDF. */
	thumbnail: Blob | null;
	/** Quality warnings for a photo, empty when it looks fine and for a PDF. */
	warnings: QualityWarning[];
	/** The measurements behind `warnings`; null for a PDF. */
	metrics: QualityMetrics | null;
	/** What was given: the detected type and size in bytes, and the pixel size of an image. */
	source: { type: SourceType; size: number; width: number | null; height: number | null };
}

/** A refused file. */
export interface RejectedFile {
	ok: false;
	reason: RejectReason;
	/** What went wrong, in English, for logs and bug reports; never shown to residents. */
	detail?: string;
}

/** The outcome of preparing one file. */
export type PrepareResult = PreparedFile | RejectedFile;

/** Largest PDF kept, in bytes (5 MiB). */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;

/**
 * Largest image file accepted for decoding, in bytes (50 MiB). Phone cameras write 3–15 MB JPEGs
 * (about 25 MB for 108 MP sensors); past this a decode would need hundreds of MB of memory.
 */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Long edge of a stored photo, in pixels; smaller photos are never enlarged. */
export const OUTPUT_LONG_EDGE = 2000;

/** Long edge of the thumbnail, in pixels. */
export const THUMBNAIL_LONG_EDGE = 240;

/** JPEG quality of the thumbnail. */
export const THUMBNAIL_QUALITY = 0.7;
