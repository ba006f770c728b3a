import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { sourceVersion } from './scripts/lib/version.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A pure SPA: PocketBase serves build/ and falls back to index.html for client routes.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// workbox-window registers the service worker (src/lib/pwa), not SvelteKit.
		serviceWorker: { register: false },
		// named by the sources (scripts/lib/version.js): the same sources build the same files
		version: { name: sourceVersion(fileURLToPath(new URL('.', import.meta.url))), pollInterval: 0 },
		// one entry (SvelteKit's start and the app's manifest); the pages are cut by scripts/lib/chunks.js
		output: { bundleStrategy: 'single' },
		typescript: {
			// the bench's empty SvelteKit app (tests/bench/kit-floor): its generated files and build are not
			// checked, and its worker is checked with the app's (tsconfig.sw.json)
			config: (tsconfig) => {
				tsconfig.exclude.push('../tests/bench/kit-floor/.svelte-kit/**', '../tests/bench/kit-floor/build/**', '../tests/bench/kit-floor/src/service-worker.ts');
			}
		}
	}
};

export default config;
