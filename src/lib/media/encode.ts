// How a photo is squeezed under the size budget: which JPEG quality to try first, how to step down,
// and when to give up. Pure policy; the encoding itself is passed in.

/** Size a stored photo should stay under, in bytes (500 KiB). */
export const MAX_OUTPUT_BYTES = 500 * 1024;

/**
 * JPEG qualities tried in turn. 0.8 keeps the edges of small print crisp (the ringing that blurs
 * thin strokes appears below about 0.5) and puts a typical 12 MP document photo, downscaled to
 * 2000 px, at 200–450 KB; noisier photos step down until they fit.
 */
export const JPEG_QUALITIES: readonly number[] = [0.8, 0.7, 0.6, 0.5];

/** When even the lowest quality is too big, the long edge is multiplied by this ... */
export const SHRINK_FACTOR = 0.8;

/** ... as long as it stays at least this long (px), and the qualities are tried again from the second. */
export const MIN_SHRUNK_LONG_EDGE = 1280;

/** Past this ratio of size to budget, one quality step is skipped (a step saves about 15–25%). */
export const SKIP_STEP_ABOVE = 1.6;

/** One way of encoding a photo: a JPEG quality and the long edge of the picture. */
export interface EncodeAttempt {
	quality: number;
	longEdge: number;
}

/** firstAttempt is where encoding starts for a picture whose long edge is `longEdge` px. */
export function firstAttempt(longEdge: number): EncodeAttempt {
	return { quality: JPEG_QUALITIES[0], longEdge };
}

/**
 * nextAttempt says what to try after an attempt came out at `size` bytes: null when it fits the
 * budget (keep it) or when nothing smaller is left to try (keep the smallest so far). Otherwise a
 * lower quality (two steps lower when the result was over {@link SKIP_STEP_ABOVE} times the
 * budget), and below the lowest quality a smaller picture, from the second quality again.
 */
export function nextAttempt(previous: EncodeAttempt, size: number, budget = MAX_OUTPUT_BYTES): EncodeAttempt | null {
	if (size <= budget) return null;
	const steps = size > budget * SKIP_STEP_ABOVE ? 2 : 1;
	const index = JPEG_QUALITIES.indexOf(previous.quality);
	const last = JPEG_QUALITIES.length - 1;
	if (index >= 0 && index < last) {
		return { quality: JPEG_QUALITIES[Math.min(last, index + steps)], longEdge: previous.longEdge };
	}
	const longEdge = Math.round(previous.longEdge * SHRINK_FACTOR);
	if (longEdge < MIN_SHRUNK_LONG_EDGE) return null;
	return { quality: JPEG_QUALITIES[1], longEdge };
}

/** The outcome of encodeWithinBudget. */
export interface Encoded {
	blob: Blob;
	attempt: EncodeAttempt;
	/** How many encodings were made. */
	tries: number;
}

/**
 * encodeWithinBudget encodes with `encode` following {@link nextAttempt} from `first`, and returns
 * the first result that fits the budget, or the smallest one when none does (a photo a little over
 * the budget is better than no photo; the server accepts up to 10 MB).
 */
export async function encodeWithinBudget(
	encode: (attempt: EncodeAttempt) => Promise<Blob>,
	first: EncodeAttempt,
	budget = MAX_OUTPUT_BYTES
): Promise<Encoded> {
	let attempt: EncodeAttempt | null = first;
	let best: Encoded | null = null;
	for (let tries = 1; attempt; tries++) {
		const blob = await encode(attempt);
		if (!best || blob.size < best.blob.size) best = { blob, attempt, tries };
		best.tries = tries;
		attempt = nextAttempt(attempt, blob.size, budget);
	}
	if (!best) throw new Error('nothing was encoded');
	return best;
}
