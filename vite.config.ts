import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { appChunks, MINIFY, serviceWorkerBuild } from './scripts/lib/chunks.js';
import { englishFile } from './scripts/lib/english.js';

const root = fileURLToPath(new URL('.', import.meta.url));

// The PocketBase server the dev server proxies /api and /_ to (npm run dev starts it).
const pocketbaseUrl = process.env.PB_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['localStorage', 'baseLocale'],
			emitGitIgnore: false
		}),
		sveltekit(),
		// the English texts in a file of their own, loaded on a phone set to English (scripts/lib/english.js)
		englishFile(root),
		// the client build in three files, and a service worker that shares them (scripts/lib/chunks.js)
		appChunks(root),
		serviceWorkerBuild(root),
		SvelteKitPWA({
			strategies: 'injectManifest',
			// built by serviceWorkerBuild (scripts/lib/chunks.js), not by SvelteKit
			srcDir: 'src/service-worker',
			filename: 'service-worker.ts',
			injectRegister: false,
			registerType: 'prompt',
			manifestFilename: 'manifest.webmanifest',
			pwaAssets: {
				image: 'static/icon.svg',
				preset: 'minimal-2023',
				includeHtmlHeadLinks: true,
				overrideManifestIcons: true
			},
			manifest: {
				id: '/',
				name: 'Dukcapil Daring Kota Balikpapan',
				short_name: 'Dukcapil',
				description: 'Ajukan dokumen kependudukan ke Disdukcapil Kota Balikpapan dari ponsel, kapan saja, juga tanpa sinyal.',
				lang: 'id',
				dir: 'ltr',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				theme_color: '#0b4f8a',
				background_color: '#ffffff',
				categories: ['government', 'utilities']
			},
			injectManifest: {
				// what the app needs offline: its code, styles and the icon its pages show; the install
				// icons (PNG, ICO) are fetched by the browser when it installs the app, not by a page
				globPatterns: ['client/**/*.{js,css,webmanifest}', 'client/icon.svg', 'client/blank.html'],
				// the worker's own entry is loaded by the browser with the worker, never by a page
				globIgnores: ['server/**', 'client/service-worker.js', 'client/_app/immutable/entry/worker.*']
			},
			// the SPA's index.html is precached as "/", the address the server answers with it ("/index.html"
			// is a redirect to "/": one more round trip on the first visit, and a response's headers)
			kit: { adapterFallback: 'index.html', spa: { fallbackMapping: '/' } },
			devOptions: { enabled: true, type: 'module', navigateFallback: '/' }
		})
	],
	build: {
		// terser: a few KB less on the wire than the default minifier, mostly in the messages (scripts/lib/chunks.js)
		...MINIFY,
		rolldownOptions: {
			// ts-deepmerge (superforms' JSON-schema defaults, unused by the app's forms: lib/forms/superform.ts)
			// decorates its own export at the top level (`merge.options = …`), which the bundler has to keep
			// unless told that the module has no other effect
			treeshake: { moduleSideEffects: [{ test: /[\\/]node_modules[\\/]ts-deepmerge[\\/]/, sideEffects: false }] }
		}
	},
	resolve: {
		// tus-js-client's two small helpers, done by the browser itself (src/lib/sync/vendor)
		alias: [
			// Dexie's build for current browsers (ES2021), one of the builds it publishes: about 1 KB
			// (brotli) less than its default one, compiled to ES5 (the unit tests use it too: vitest.config.ts)
			{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) },
			// workbox-window's build for current browsers (its package points bundlers at the ES5 one): 1 KB less
			{ find: /^workbox-window$/, replacement: fileURLToPath(new URL('./node_modules/workbox-window/build/workbox-window.prod.mjs', import.meta.url)) },
			{ find: /^url-parse$/, replacement: fileURLToPath(new URL('./src/lib/sync/vendor/url-parse.ts', import.meta.url)) },
			{ find: /^js-base64$/, replacement: fileURLToPath(new URL('./src/lib/sync/vendor/js-base64.ts', import.meta.url)) }
		]
	},
	server: {
		proxy: {
			'/api': { target: pocketbaseUrl, changeOrigin: false, ws: true },
			'/_/': { target: pocketbaseUrl, changeOrigin: false }
		}
	}
});
