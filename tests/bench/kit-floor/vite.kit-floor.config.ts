// The empty SvelteKit app of the bench's framework floor (tests/bench/kit-floor.js), built as the app
// is (vite.config.ts at the root): minified by terser with the app's settings, its service worker
// given Workbox's precache manifest by @vite-pwa/sveltekit, the SPA's index.html precached as "/".
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { MINIFY } from '../../../scripts/lib/chunks.js';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			// src/service-worker.ts, built by SvelteKit (the app builds its own: scripts/lib/chunks.js)
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectRegister: false,
			manifest: false,
			injectManifest: {
				globPatterns: ['client/**/*.{js,css,webmanifest}', 'client/blank.html'],
				globIgnores: ['server/**', 'client/service-worker.js']
			},
			kit: { adapterFallback: 'index.html', spa: { fallbackMapping: '/' } }
		})
	],
	build: { ...MINIFY }
});
