// Helpers shared by the npm scripts: where the PocketBase binary is, and building it when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverDir = join(root, 'pocketbase');
export const serverBinary = join(serverDir, process.platform === 'win32' ? 'pocketbase.exe' : 'pocketbase');

/**
 * newestMtime returns the newest modification time of the Go sources, module files and embedded
 * JSON (the exported catalog).
 * @param {string} dir
 * @returns {number}
 */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'pb_data' || entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
		else if (/\.go$|^go\.(mod|sum)$|\.json$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/** hasGo tells whether the Go toolchain is on the PATH. */
export function hasGo() {
	return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * ensureServerBuilt builds pocketbase/pocketbase from its Go module when it is missing or older
 * than its sources, and explains what to install when Go is absent.
 */
export function ensureServerBuilt({ force = false } = {}) {
	const stale = !existsSync(serverBinary) || statSync(serverBinary).mtimeMs < newestMtime(serverDir);
	if (!force && !stale) return;
	if (!hasGo()) {
		console.error(
			'\nGo is needed to build the server (pocketbase/), and it is not on the PATH.\n' +
				'Install Go 1.25 or newer (https://go.dev/doc/install, or your package manager), then run the command again.\n'
		);
		process.exit(1);
	}
	console.log('Building the server (go build in pocketbase/) ...');
	execFileSync('go', ['build', '-trimpath', '-o', serverBinary, '.'], { cwd: serverDir, stdio: 'inherit' });
}

/** buildApp builds the PWA into build/ with Vite, then writes its Brotli and gzip twins (npm run build). */
export function buildApp() {
	console.log('Building the app (vite build) ...');
	execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	execFileSync(process.execPath, [join(root, 'scripts', 'precompress.js')], { cwd: root, stdio: 'inherit' });
}
