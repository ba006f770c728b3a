// Document-like photos drawn in the browser (dark text on paper, some sensor noise), as a phone
// camera would give them. Shared by the end-to-end tests and the benchmarks.

/**
 * documentPhoto returns a JPEG of a document page.
 * @param {import('@playwright/test').Page} page
 * @param {string} title
 * @param {number} [width]
 * @param {number} [height]
 * @param {number} [noise] 0 for a clean scan; higher adds grain (and bytes), like a real photo
 * @returns {Promise<Buffer>}
 */
export async function documentPhoto(page, title, width = 2400, height = 1800, noise = 0) {
	const base64 = await page.evaluate(
		({ title, width, height, noise }) => {
			const canvas = document.createElement('canvas');
			canvas.width = width;
			canvas.height = height;
			const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
			context.fillStyle = '#f4f1ea';
			context.fillRect(0, 0, width, height);
			context.fillStyle = '#111';
			context.font = `bold ${Math.round(height / 18)}px sans-serif`;
			context.fillText(title, width * 0.08, height * 0.12);
			context.font = `${Math.round(height / 40)}px sans-serif`;
			for (let line = 0; line < 28; line++) {
				context.fillText(`${line + 1}. Nama: Budi Santoso   NIK: 6471051205900001   Alamat: Jl. Sudirman No. ${line}`, width * 0.08, height * (0.2 + line * 0.028));
			}
			if (noise > 0) {
				const image = context.getImageData(0, 0, width, height);
				let seed = 7;
				for (let i = 0; i < image.data.length; i += 4) {
					seed = (seed * 1103515245 + 12345) & 0x7fffffff;
					const delta = ((seed >> 16) % (2 * noise + 1)) - noise;
					image.data[i] += delta;
					image.data[i + 1] += delta;
					image.data[i + 2] += delta;
				}
				context.putImageData(image, 0, 0);
			}
			return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
		},
		{ title, width, height, noise }
	);
	return Buffer.from(base64, 'base64');
}
