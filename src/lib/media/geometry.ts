// Target sizes: how big a photo, its thumbnail and its analysis copy are drawn.

/** A pixel size. */
export interface Size {
	width: number;
	height: number;
}

/**
 * fitWithin scales a size down, keeping its aspect ratio, so that its long edge is at most
 * `longEdge` pixels; a size that already fits is returned unchanged (never enlarged). Edges are
 * rounded to whole pixels and never drop below 1.
 */
export function fitWithin(width: number, height: number, longEdge: number): Size {
	if (!(width > 0 && height > 0)) throw new RangeError(`invalid size ${width}x${height}`);
	const scale = longEdge / Math.max(width, height);
	if (scale >= 1) return { width: Math.round(width), height: Math.round(height) };
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
