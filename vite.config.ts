import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

// The messages the first screen shows (the layout's parts and the home page), found in their
// sources: they go in one chunk instead of one small module each (see build below).
const FIRST_SCREEN_SOURCES = [
	'src/routes/+layout.svelte',
	'src/routes/+page.svelte',
	'src/lib/components/SiteHeader.svelte',
	'src/lib/components/SyncIndicator.svelte',
	'src/lib/components/NetworkStatus.svelte',
	'src/lib/components/UpdatePrompt.svelte',
	'src/lib/components/LanguageSwitcher.svelte'
];
const firstScreenMessages = new Set(
	FIRST_SCREEN_SOURCES.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bm\.([A-Za-z0-9_]+)\(/g)].map((match) => match[1]))
);

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
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
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
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest}', 'client/blank.html']
			},
			kit: { adapterFallback: 'index.html', spa: true },
			devOptions: { enabled: true, type: 'module', navigateFallback: '/' }
		})
	],
	build: {
		rolldownOptions: {
			output: {
				// The first screen's messages in one chunk: each response costs ~400 bytes of headers, more
				// than most of Paraglide's one-message modules weigh.
				codeSplitting: {
					groups: [
						{
							name: 'first-screen-messages',
							test: (id: string) => /[\\/]paraglide[\\/]messages[\\/]/.test(id) && firstScreenMessages.has(id.replace(/^.*[\\/]|\.js$/g, '')),
							priority: 20
						}
					]
				}
			}
		}
	},
	server: {
		proxy: {
			'/api': { target: pocketbaseUrl, changeOrigin: false, ws: true },
			'/_/': { target: pocketbaseUrl, changeOrigin: false }
		}
	}
});
