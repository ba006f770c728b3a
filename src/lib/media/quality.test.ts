import { describe, expect, it } from 'vitest';
import {
	laplacianVariance,
	meanLuminance,
	measureQuality,
	qualityWarnings,
	toGrayscale,
	TOO_BLURRY_BELOW,
	TOO_DARK_BELOW
} from './quality';
import { boxBlur, darken, syntheticDocument, toRgba } from './test-images';

// Pages are drawn at about the size of a stored photo (2048x1536) and measured, as in the app, on a
// copy downscaled to 512x384.
const page = syntheticDocument(2048, 1536);
const analysed = (picture = page) => measureQuality(toRgba(picture, 4));

describe('the measures', () => {
	it('computes luma with BT.601 weights', () => {
		const pixels = { data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0]), width: 4, height: 1 };
		const exact = [0.299 * 255, 0.587 * 255, 0.114 * 255, 255];
		[...toGrayscale(pixels)].forEach((value, i) => expect(Math.abs(value - exact[i])).toBeLessThanOrEqual(1));
	});

	it('takes the mean luminance', () => {
		expect(meanLuminance([0, 255, 100, 45])).toBe(100);
		expect(meanLuminance([])).toBe(0);
	});

	it('gives a flat picture no sharpness, and a checkerboard a lot', () => {
		const flat = new Uint8ClampedArray(64 * 64).fill(128);
		expect(laplacianVariance(flat, 64, 64)).toBe(0);
		const checker = flat.map((_, i) => ((i % 64) + Math.floor(i / 64)) % 2 ? 255 : 0);
		// Every interior Laplacian is ±1020, so the variance is 1020² (nearly: a tile may hold one more + than -).
		expect(laplacianVariance(checker, 64, 64) / 1020 ** 2).toBeCloseTo(1, 3);
		expect(laplacianVariance(flat, 2, 2)).toBe(0);
	});

	it('measures the sharpest tiles, so white space does not read as blur', () => {
		// Left half a checkerboard, right half flat: the whole-image variance halves, the tiles do not.
		const half = new Uint8ClampedArray(128 * 64).map((_, i) => (i % 128 < 64 && ((i % 128) + Math.floor(i / 128)) % 2 ? 255 : 0));
		const whole = laplacianVariance(half, 128, 64, 1024);
		const tiled = laplacianVariance(half, 128, 64);
		expect(tiled).toBeGreaterThan(whole * 1.5);
	});

	it('leaves ragged edge tiles out, and still measures a picture smaller than a tile', () => {
		const checker = new Uint8ClampedArray(20 * 10).map((_, i) => ((i % 20) + Math.floor(i / 20)) % 2 ? 255 : 0);
		expect(laplacianVariance(checker, 20, 10) / 1020 ** 2).toBeCloseTo(1, 3);
		// 40x32 in tiles of 32: the 8-column strip on the right is too small a tile to count.
		const strip = new Uint8ClampedArray(40 * 32).map((_, i) => (i % 40 >= 32 && ((i % 40) + Math.floor(i / 40)) % 2 ? 255 : 0));
		expect(laplacianVariance(strip, 40, 32)).toBeLessThan(laplacianVariance(strip, 40, 32, 64));
	});
});

describe('quality warnings on synthetic pages', () => {
	it('finds nothing wrong with a sharp page of black text on white', () => {
		const metrics = analysed();
		expect(metrics.brightness).toBeGreaterThan(200);
		expect(metrics.sharpness).toBeGreaterThan(TOO_BLURRY_BELOW * 10);
		expect(qualityWarnings(metrics)).toEqual([]);
	});

	it('finds nothing wrong with a sharp letter that is mostly white space', () => {
		const letter = syntheticDocument(2048, 1536, { lines: 14 });
		expect(qualityWarnings(analysed(letter))).toEqual([]);
	});

	it('accepts a slightly soft page (box blur of 5 px), whose print is still readable', () => {
		expect(qualityWarnings(analysed(boxBlur(page, 2)))).toEqual([]);
	});

	it('warns that the same page blurred (box blur of 17 px) is too blurry, not too dark', () => {
		const metrics = analysed(boxBlur(page, 8));
		expect(qualityWarnings(metrics)).toEqual(['too_blurry']);
		// Blur changes sharpness, not brightness.
		expect(metrics.brightness).toBeCloseTo(analysed().brightness, 0);
	});

	it('warns that the same page with a fifth of the light is too dark', () => {
		const metrics = analysed(darken(page, 0.2));
		expect(metrics.brightness).toBeLessThan(TOO_DARK_BELOW);
		expect(qualityWarnings(metrics)).toContain('too_dark');
		expect(qualityWarnings(metrics)[0]).toBe('too_dark');
	});

	it('puts too_dark before too_blurry when both apply', () => {
		expect(qualityWarnings({ brightness: 20, sharpness: 10 })).toEqual(['too_dark', 'too_blurry']);
		expect(qualityWarnings({ brightness: TOO_DARK_BELOW, sharpness: TOO_BLURRY_BELOW })).toEqual([]);
	});
});
