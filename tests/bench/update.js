// Benchmark of a deployment that changes nothing in the app (issue 14): the same sources built
// again must be the same files, so that a phone's service worker finds nothing new and downloads
// nothing (SvelteKit's default version, the build's time, made every file new on every build).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildApp } from '../../scripts/lib/server.js';

/** @typedef {import('./run.js').Row} Row */

const BUILD = join(import.meta.dirname, '../../build');

/**
 * The built files a browser can ask for (not the compressed twins), each with its content's hash and
 * what the server sends for it: the Brotli twin where there is one.
 * @returns {Map<string, { hash: string, wire: number }>}
 */
function builtFiles() {
	/** @type {Map<string, { hash: string, wire: number }>} */
	const files = new Map();
	for (const entry of readdirSync(BUILD, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
		const content = readFileSync(path);
		const wire = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : content.length;
		files.set(relative(BUILD, path), { hash: createHash('sha256').update(content).digest('hex'), wire });
	}
	return files;
}

/**
 * redeployUnchanged builds the app a second time from the same sources and counts the files that
 * came out different, and the bytes a phone would download again for them.
 * @returns {Row[]}
 */
export function redeployUnchanged() {
	const before = builtFiles();
	buildApp();
	const after = builtFiles();
	const changed = [...after].filter(([path, file]) => before.get(path)?.hash !== file.hash);
	const gone = [...before.keys()].filter((path) => !after.has(path));
	const bytes = changed.reduce((sum, [, file]) => sum + file.wire, 0);
	if (changed.length > 0) console.log(`changed on a rebuild of the same sources: ${changed.map(([path]) => path).join(', ')}`);
	return [
		{ figure: 'rebuild of the same sources: files new or changed', value: `${changed.length + gone.length} of ${after.size}`, goal: '0', ok: changed.length + gone.length === 0 },
		{ figure: 'rebuild of the same sources: bytes a phone downloads again', value: `${(bytes / 1024).toFixed(1)} KB`, goal: '0 KB', ok: bytes === 0 }
	];
}
