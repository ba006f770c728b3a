// Brotli and gzip twins of the built app (issue 14): every compressible file of build/ gets a `.br`
// (quality 11) and a `.gz` (level 9) beside it, so that the server sends compressed bytes without
// compressing anything at request time (pocketbase/internal/web picks the twin a request accepts).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, extname } from 'node:path';

/** Extensions worth compressing (text formats; images and fonts are compressed already). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.webmanifest', '.txt', '.xml', '.map', '.ico']);
/** Files smaller than this gain nothing that pays for a second request path. */
const MIN_SIZE = 256;

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? walk(path) : [path];
	});
}

/**
 * precompress writes the twins of every compressible file under dir and removes stale ones. A twin
 * is kept only when it is smaller than the file. Returns the totals for the build log.
 * @param {string} dir
 */
export function precompress(dir) {
	const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
	for (const path of walk(dir)) {
		if (path.endsWith('.br') || path.endsWith('.gz')) {
			rmSync(path); // a twin of an earlier build (rewritten below if its file is still here)
			continue;
		}
		if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_SIZE) continue;
		const raw = readFileSync(path);
		const br = brotliCompressSync(raw, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
				[constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
				[constants.BROTLI_PARAM_MODE]: extname(path) === '.ico' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT
			}
		});
		const gzip = gzipSync(raw, { level: 9 });
		totals.files++;
		totals.raw += raw.length;
		if (br.length < raw.length) {
			writeFileSync(`${path}.br`, br);
			totals.br += br.length;
		} else totals.br += raw.length;
		if (gzip.length < raw.length) {
			writeFileSync(`${path}.gz`, gzip);
			totals.gzip += gzip.length;
		} else totals.gzip += raw.length;
	}
	return totals;
}
