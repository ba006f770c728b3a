// Is a photo of a document readable? A brightness and a sharpness measure, computed on a small
// grayscale copy, and the thresholds that turn them into warnings. Pure functions over RGBA pixels
// (ImageData-like), so they run in the worker, on the main thread and in unit tests alike.
import type { QualityMetrics, QualityWarning } from './types';

/** Long edge, in pixels, of the copy the measures are taken on. */
export const ANALYSIS_LONG_EDGE = 512;

/** RGBA pixels, as in ImageData. */
export interface PixelsLike {
	data: Uint8ClampedArray | Uint8Array;
	width: number;
	height: number;
}

/**
 * toGrayscale turns RGBA pixels into luma (ITU-R BT.601 weights, 0–255), one byte per pixel.
 * Alpha is ignored: the pipeline draws photos on white first.
 */
export function toGrayscale({ data, width, height }: PixelsLike): Uint8ClampedArray {
	const gray = new Uint8ClampedArray(width * height);
	for (let i = 0, p = 0; i < gray.length; i++, p += 4) {
		// 0.299 R + 0.587 G + 0.114 B in 8.8 fixed point (77 + 150 + 29 = 256).
		gray[i] = (77 * data[p] + 150 * data[p + 1] + 29 * data[p + 2] + 128) >> 8;
	}
	return gray;
}

/** meanLuminance is the mean of grayscale pixels, 0 (black) to 255 (white). */
export function meanLuminance(gray: ArrayLike<number>): number {
	if (gray.length === 0) return 0;
	let sum = 0;
	for (let i = 0; i < gray.length; i++) sum += gray[i];
	return sum / gray.length;
}

/** Side, in pixels of the analysis copy, of the square tiles sharpness is measured on. */
export const SHARPNESS_TILE = 32;

/** Which tile counts: the sharpest tenth of the picture (see laplacianVariance). */
export const SHARPNESS_PERCENTILE = 0.9;

/**
 * laplacianVariance measures sharpness: the variance of the 4-neighbour Laplacian (kernel
 * 0 1 0 / 1 -4 1 / 0 1 0), which is large at crisp edges and small when the picture is blurred
 * (blur removes the high frequencies the Laplacian responds to).
 *
 * The variance is taken per square tile of `tile` pixels, and the tile at `percentile` (0.9: the
 * sharpest tenth) is the answer. A variance over the whole picture would also fall when the text
 * covers little of it (a short letter with wide margins, an ID card on a table), which is not blur.
 * Measured on 12 MP renders downscaled to 512 px, the whole-picture variance cannot tell a readable
 * card blurred by σ 4 px (160) from an illegible dense page blurred by σ 8 px (113); the tile at
 * the 90th percentile can (727 against 240), see TOO_BLURRY_BELOW.
 * A `tile` at least as large as the image gives the plain whole-image variance.
 * Only interior pixels have a Laplacian; tiles with fewer than a quarter of their pixels (the
 * ragged right and bottom edges) are left out, and an image under 3 pixels a side measures 0.
 */
export function laplacianVariance(
	gray: ArrayLike<number>,
	width: number,
	height: number,
	tile = SHARPNESS_TILE,
	percentile = SHARPNESS_PERCENTILE
): number {
	if (width < 3 || height < 3) return 0;
	const columns = Math.ceil(width / tile);
	const rows = Math.ceil(height / tile);
	const count = new Float64Array(columns * rows);
	const sum = new Float64Array(columns * rows);
	const sumSquares = new Float64Array(columns * rows);
	for (let y = 1; y < height - 1; y++) {
		const line = y * width;
		const tileRow = Math.floor(y / tile) * columns;
		for (let x = 1; x < width - 1; x++) {
			const i = line + x;
			const value = gray[i - width] + gray[i + width] + gray[i - 1] + gray[i + 1] - 4 * gray[i];
			const t = tileRow + Math.floor(x / tile);
			count[t]++;
			sum[t] += value;
			sumSquares[t] += value * value;
		}
	}
	const smallest = Math.min(tile * tile, (width - 2) * (height - 2)) / 4;
	const variances: number[] = [];
	for (let t = 0; t < count.length; t++) {
		if (count[t] < smallest || count[t] === 0) continue;
		const mean = sum[t] / count[t];
		variances.push(sumSquares[t] / count[t] - mean * mean);
	}
	variances.sort((a, b) => a - b);
	const index = Math.min(variances.length - 1, Math.max(0, Math.ceil(percentile * variances.length) - 1));
	return variances[index];
}

/** measureQuality takes the brightness and sharpness of RGBA pixels (best: the analysis copy). */
export function measureQuality(pixels: PixelsLike): QualityMetrics {
	const gray = toGrayscale(pixels);
	return { brightness: meanLuminance(gray), sharpness: laplacianVariance(gray, pixels.width, pixels.height) };
}

/**
 * Below this mean luminance a photo is too dark. Phone cameras expose a scene to a mean of about
 * 100–130, and a page filling the frame comes out at 150–235 (an ID card on a dark table at about
 * 115). A mean under 60 is about two stops below that: the camera ran out of light, sensor noise
 * and JPEG smoothing start eating thin strokes, and stamps and signatures fade into the paper.
 * (Renders of a page, a letter, a card on a table and a page on a table measured 28–58 at a
 * quarter of the light, and 115–235 at full light.)
 */
export const TOO_DARK_BELOW = 60;

/**
 * Below this sharpness (laplacianVariance of the 512 px copy) a photo is too blurred. Calibrated on
 * 4000x3000 renders of documents with 40 px text (about the size of the smallest print on a Kartu
 * Keluarga photographed whole), blurred by a Gaussian of σ px before the 2000 px downscale:
 * sharp 5100–13100, σ 2: 2700–6500, σ 4 (digits still readable): 730–1550, σ 6 (3 and 8 and 0
 * start to merge): 310–600, σ 8 (illegible): 120–260. 400 lies between readable and illegible and
 * leans towards not nagging about a borderline photo.
 */
export const TOO_BLURRY_BELOW = 400;

/**
 * qualityWarnings turns the measures into warnings, 'too_dark' before 'too_blurry'.
 * A dark photo also has weak edges, so it may get both; the advice (retake it, with more light
 * and holding still) covers both.
 */
export function qualityWarnings({ brightness, sharpness }: QualityMetrics): QualityWarning[] {
	const warnings: QualityWarning[] = [];
	if (brightness < TOO_DARK_BELOW) warnings.push('too_dark');
	if (sharpness < TOO_BLURRY_BELOW) warnings.push('too_blurry');
	return warnings;
}
