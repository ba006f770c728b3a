// Synthetic pictures for the unit tests (not used by the app): a document-like page of black
// glyph strokes on white paper, drawn at the size of a stored photo; a box blur; darkening; and the
// area-averaging downscale to the analysis size. Deterministic (seeded).
import type { PixelsLike } from './quality';

/** A small deterministic pseudo-random generator (mulberry32), values in [0, 1). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A grayscale picture, one byte per pixel. */
export interface Gray {
	gray: Uint8ClampedArray;
	width: number;
	height: number;
}

/**
 * syntheticDocument draws a page as a phone photo downscaled to 2000 px shows small print: lines
 * (every 24 px) of words made of 10x14 px glyphs, each a 2 px stem, a bar and maybe a second stem,
 * in near-black ink on white paper with a 6% margin. `lines` limits the lines (a sparse letter).
 */
export function syntheticDocument(width: number, height: number, { lines = Infinity, seed = 1 } = {}): Gray {
	const gray = new Uint8ClampedArray(width * height).fill(245);
	const next = random(seed);
	const rect = (x: number, y: number, w: number, h: number) => {
		for (let yy = y; yy < y + h; yy++) gray.fill(20, yy * width + x, yy * width + x + w);
	};
	const margin = Math.round(width * 0.06);
	let line = 0;
	for (let top = margin; top + 14 < height - margin && line < lines; top += 24, line++) {
		let x = margin;
		while (x + 12 < width - margin) {
			const glyphs = 3 + Math.floor(next() * 6);
			for (let g = 0; g < glyphs && x + 12 < width - margin; g++, x += 12) {
				rect(x + Math.floor(next() * 6), top, 2, 14);
				rect(x, top + [0, 6, 12][Math.floor(next() * 3)], 10, 2);
				if (next() < 0.5) rect(x + 8, top, 2, 14);
			}
			x += 10; // space between words
		}
	}
	return { gray, width, height };
}

/** boxBlur averages every pixel with its neighbours within `radius` (a (2r+1)² box), in two passes. */
export function boxBlur({ gray, width, height }: Gray, radius: number): Gray {
	const pass = (source: Uint8ClampedArray, length: number, lines: number, step: number, lineStep: number) => {
		const out = new Uint8ClampedArray(source.length);
		for (let l = 0; l < lines; l++) {
			const base = l * lineStep;
			const at = (i: number) => source[base + Math.min(length - 1, Math.max(0, i)) * step];
			let sum = 0;
			for (let i = -radius; i <= radius; i++) sum += at(i);
			for (let i = 0; i < length; i++) {
				out[base + i * step] = Math.round(sum / (2 * radius + 1));
				sum += at(i + radius + 1) - at(i - radius);
			}
		}
		return out;
	};
	const rows = pass(gray, width, height, 1, width);
	return { gray: pass(rows, height, width, width, 1), width, height };
}

/** darken multiplies the levels by `gain` (0.2: a photo taken with a fifth of the light). */
export function darken({ gray, width, height }: Gray, gain: number): Gray {
	return { gray: gray.map((value) => value * gain), width, height };
}

/** toRgba downscales by a whole `factor` (area average, as a good canvas downscale does) to RGBA. */
export function toRgba({ gray, width, height }: Gray, factor = 1): PixelsLike {
	const w = Math.floor(width / factor);
	const h = Math.floor(height / factor);
	const data = new Uint8ClampedArray(w * h * 4);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			let sum = 0;
			for (let dy = 0; dy < factor; dy++) {
				for (let dx = 0; dx < factor; dx++) sum += gray[(y * factor + dy) * width + x * factor + dx];
			}
			const p = (y * w + x) * 4;
			data[p] = data[p + 1] = data[p + 2] = Math.round(sum / (factor * factor));
			data[p + 3] = 255;
		}
	}
	return { data, width: w, height: h };
}
