// The empty SvelteKit app of the bench's framework floor (tests/bench/kit-floor.js): the app's build
// settings (svelte.config.js at the root) that matter for its start, and nothing of the app.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// where the bench wants the build (a temporary directory), else build/ here (git-ignored)
const out = process.env.KIT_FLOOR_OUT ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: 'index.html', strict: true }),
		// registered by the page once it is interactive, as the app registers its own after its first paint
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		output: { bundleStrategy: 'single' }
	}
};

export default config;
