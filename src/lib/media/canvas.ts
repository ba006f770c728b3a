// The browser's own imaging for prepare.ts: createImageBitmap to decode (EXIF orientation applied),
// OffscreenCanvas to draw and encode. On the main thread of a browser without OffscreenCanvas it
// falls back to <img> and <canvas>. No library: these are native, fast, and work in a worker.
import type { Imaging, Raster } from './prepare';
import type { PixelsLike } from './quality';

type Canvas = OffscreenCanvas | HTMLCanvasElement;
type Context = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A decoded image or a canvas, with its size. */
export interface BrowserRaster extends Raster {
	readonly image: ImageBitmap | HTMLImageElement | Canvas;
}

/** canDrawOffscreen tells whether this context has createImageBitmap and a 2D OffscreenCanvas (the worker's needs). */
export function canDrawOffscreen(): boolean {
	try {
		return (
			typeof createImageBitmap === 'function' &&
			typeof OffscreenCanvas === 'function' &&
			typeof OffscreenCanvas.prototype.convertToBlob === 'function' &&
			new OffscreenCanvas(1, 1).getContext('2d') !== null
		);
	} catch {
		return false;
	}
}

function newCanvas(width: number, height: number): Canvas {
	if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	return canvas;
}

function context(canvas: Canvas): Context {
	const context = canvas.getContext('2d') as Context | null;
	if (!context) throw new Error('no 2D canvas context');
	return context;
}

async function decodeWithImg(file: Blob): Promise<BrowserRaster> {
	const url = URL.createObjectURL(file);
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		return { image: img, width: img.naturalWidth, height: img.naturalHeight };
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** The Imaging of this browser context (worker or page). */
export const browserImaging: Imaging<BrowserRaster> = {
	async decode(file) {
		try {
			if (typeof createImageBitmap !== 'function') throw new Error('no createImageBitmap');
			const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
			return { image: bitmap, width: bitmap.width, height: bitmap.height };
		} catch (error) {
			// Browsers whose createImageBitmap is missing or refuses the options; <img> applies the
			// EXIF orientation too. Only on a page: a worker has no <img>.
			if (typeof document === 'undefined') throw error;
			return decodeWithImg(file);
		}
	},

	resize(source, width, height) {
		const canvas = newCanvas(width, height);
		const ctx = context(canvas);
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, width, height);
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(source.image, 0, 0, width, height);
		return { image: canvas, width, height };
	},

	async encodeJpeg(raster, quality) {
		const canvas = raster.image;
		let blob: Blob | null;
		if (typeof OffscreenCanvas === 'function' && canvas instanceof OffscreenCanvas) {
			blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
		} else if (typeof HTMLCanvasElement === 'function' && canvas instanceof HTMLCanvasElement) {
			blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
		} else {
			throw new Error('only a canvas can be encoded');
		}
		if (!blob || blob.type !== 'image/jpeg') throw new Error(`the browser encoded ${blob?.type ?? 'nothing'} instead of JPEG`);
		return blob;
	},

	pixels(raster): PixelsLike {
		const canvas = raster.image;
		if (!(typeof OffscreenCanvas === 'function' && canvas instanceof OffscreenCanvas) && !(typeof HTMLCanvasElement === 'function' && canvas instanceof HTMLCanvasElement)) {
			throw new Error('only a canvas has readable pixels');
		}
		return context(canvas).getImageData(0, 0, raster.width, raster.height);
	},

	release(raster) {
		const image = raster.image;
		if (typeof ImageBitmap === 'function' && image instanceof ImageBitmap) image.close();
		else if ('getContext' in image) {
			// Safari keeps a canvas's backing store (and counts it against its canvas memory cap)
			// until the canvas is shrunk or collected.
			image.width = 0;
			image.height = 0;
		}
	}
};
