import { describe, expect, it } from 'vitest';
import {
	encodeWithinBudget,
	firstAttempt,
	JPEG_QUALITIES,
	MAX_OUTPUT_BYTES,
	MIN_SHRUNK_LONG_EDGE,
	nextAttempt,
	type EncodeAttempt
} from './encode';

const KB = 1024;

describe('nextAttempt', () => {
	it('keeps a result that fits the budget', () => {
		expect(nextAttempt(firstAttempt(2000), 300 * KB)).toBeNull();
		expect(nextAttempt(firstAttempt(2000), MAX_OUTPUT_BYTES)).toBeNull();
	});

	it('steps the quality down one step when a little over, two when far over', () => {
		expect(nextAttempt({ quality: 0.8, longEdge: 2000 }, 520 * KB)).toEqual({ quality: 0.7, longEdge: 2000 });
		expect(nextAttempt({ quality: 0.8, longEdge: 2000 }, 900 * KB)).toEqual({ quality: 0.6, longEdge: 2000 });
		expect(nextAttempt({ quality: 0.6, longEdge: 2000 }, 900 * KB)).toEqual({ quality: 0.5, longEdge: 2000 });
	});

	it('shrinks the picture below the lowest quality, and gives up at the smallest size', () => {
		const lowest = JPEG_QUALITIES[JPEG_QUALITIES.length - 1];
		expect(nextAttempt({ quality: lowest, longEdge: 2000 }, 600 * KB)).toEqual({ quality: JPEG_QUALITIES[1], longEdge: 1600 });
		expect(nextAttempt({ quality: lowest, longEdge: 1600 }, 600 * KB)).toEqual({ quality: JPEG_QUALITIES[1], longEdge: 1280 });
		expect(nextAttempt({ quality: lowest, longEdge: MIN_SHRUNK_LONG_EDGE }, 600 * KB)).toBeNull();
	});

	it('takes a budget', () => {
		expect(nextAttempt({ quality: 0.8, longEdge: 2000 }, 150 * KB, 100 * KB)).toEqual({ quality: 0.7, longEdge: 2000 });
	});
});

describe('encodeWithinBudget', () => {
	// A model of JPEG sizes: proportional to the pixels and growing with quality.
	const model = (bytesPerPixelAtFull: number) => {
		const tried: EncodeAttempt[] = [];
		const sizes: number[] = [];
		const encode = async (attempt: EncodeAttempt) => {
			tried.push(attempt);
			const pixels = attempt.longEdge * attempt.longEdge * 0.75;
			sizes.push(Math.round(pixels * bytesPerPixelAtFull * attempt.quality ** 2));
			return new Blob([new Uint8Array(sizes[sizes.length - 1])]);
		};
		return { tried, sizes, encode };
	};

	it('encodes once when the first quality fits (a typical document photo)', async () => {
		const { tried, encode } = model(0.15); // 2000x1500 at 0.8: 288 KB
		const result = await encodeWithinBudget(encode, firstAttempt(2000));
		expect(tried).toHaveLength(1);
		expect(result.attempt).toEqual({ quality: JPEG_QUALITIES[0], longEdge: 2000 });
		expect(result.blob.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
		expect(result.tries).toBe(1);
	});

	it('steps down until it fits (a noisy photo)', async () => {
		const { tried, encode } = model(0.3); // 576 KB at 0.8, 441 KB at 0.7
		const result = await encodeWithinBudget(encode, firstAttempt(2000));
		expect(tried.map((a) => a.quality)).toEqual([0.8, 0.7]);
		expect(result.blob.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
	});

	it('shrinks a picture that no quality gets under the budget', async () => {
		const { tried, encode } = model(0.9);
		const result = await encodeWithinBudget(encode, firstAttempt(2000));
		expect(tried.some((a) => a.longEdge < 2000)).toBe(true);
		expect(result.blob.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
		expect(result.tries).toBe(tried.length);
	});

	it('keeps the smallest result when nothing fits, rather than nothing', async () => {
		const { tried, sizes, encode } = model(50);
		const result = await encodeWithinBudget(encode, firstAttempt(2000));
		expect(result.blob.size).toBe(Math.min(...sizes));
		expect(result.attempt.longEdge).toBeGreaterThanOrEqual(MIN_SHRUNK_LONG_EDGE);
		expect(tried.length).toBeLessThanOrEqual(8);
	});

	it('does not enlarge or re-try a small picture that fits', async () => {
		const { tried, encode } = model(0.15);
		await encodeWithinBudget(encode, firstAttempt(900));
		expect(tried).toEqual([{ quality: 0.8, longEdge: 900 }]);
	});
});
