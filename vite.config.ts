import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

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
				// Fewer, larger chunks for the first screen: each response costs ~400 bytes of headers,
				// more than many of the framework's small pieces weigh, so Svelte and SvelteKit go in one.
				codeSplitting: {
					groups: [
						{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/, priority: 10 }
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
