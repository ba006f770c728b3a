// The framework's own floor of the offline start (issue 14): an empty SvelteKit app (tests/bench/kit-floor/:
// one heading, the app's packages from its node_modules, its build settings, a Workbox worker that routes
// navigations as the app's does), built into a temporary directory for the bench to serve with the app's
// server. Its offline start against its own blank page says what the stack alone costs (shell.js).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/lib/server.js';
import { precompress } from '../../scripts/lib/precompress.js';

const FIXTURE = join(root, 'tests', 'bench', 'kit-floor');

/**
 * buildKitFloor builds the empty app (with its Brotli and gzip twins, as npm run build writes the app's)
 * and returns the directory of its build, to remove when done.
 * @returns {string}
 */
export function buildKitFloor() {
	// the two floors must be the same page
	if (!readFileSync(join(FIXTURE, 'static', 'blank.html')).equals(readFileSync(join(root, 'static', 'blank.html')))) {
		throw new Error('tests/bench/kit-floor/static/blank.html is not static/blank.html: copy it again');
	}
	const out = mkdtempSync(join(tmpdir(), 'dukcapil-kit-floor-'));
	try {
		// its output is Workbox's and Vite's notes on a build that is not the app's: shown when asked or when it
		// fails. Its Vite config is not named vite.config.ts: svelte-check (npm run check) would load that one.
		const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
		const output = execFileSync(process.execPath, [vite, 'build', '--config', 'vite.kit-floor.config.ts', '--logLevel', 'warn'], {
			cwd: FIXTURE,
			env: { ...process.env, KIT_FLOOR_OUT: out },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		});
		if (process.env.BENCH_VERBOSE === '1') console.log(output);
		for (const file of ['index.html', 'blank.html', 'service-worker.js']) {
			if (!existsSync(join(out, file))) throw new Error(`the empty SvelteKit app's build has no ${file} (tests/bench/kit-floor)`);
		}
		precompress(out);
		return out;
	} catch (error) {
		rmSync(out, { recursive: true, force: true });
		const failed = /** @type {{ stdout?: string, stderr?: string }} */ (error);
		if (failed.stdout || failed.stderr) console.error(`${failed.stdout ?? ''}${failed.stderr ?? ''}`);
		throw error;
	}
}
