/** Retry timing: exponential back-off with jitter, so phones that reconnect together do not all retry at once. */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * backoffDelay is the wait before try number `attempts + 1`: base × 2^attempts, capped, then a
 * random half to full of it ("equal jitter"). `random` returns [0, 1).
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts));
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
