import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests. The Paraglide messages are compiled beforehand (npm run i18n, run by postinstall and
// by npm test): its Vite plugin keeps a file watcher open that would stop vitest from exiting.
export default defineConfig({
	plugins: [sveltekit()],
	// the Dexie build the app ships (vite.config.ts)
	resolve: { alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }] },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// A real PocketBase for the tests that talk to the server (lib/sync).
		globalSetup: ['tests/unit/pocketbase.setup.ts'],
		testTimeout: 20_000
	}
});
