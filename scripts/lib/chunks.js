// How the app's build is cut into files (issue 14), for a phone on a slow line: every response costs
// a few hundred bytes of headers, and the service worker precaches every file on the first visit.
//
// - `shell`: everything the first screen needs (SvelteKit's start, the root layout, its error page and
//   the home page, with all they import statically), in one file: SvelteKit's one entry (`bundle`,
//   `kit.output.bundleStrategy: 'single'` in svelte.config.js).
// - `engine`: everything the service worker needs of the app (src/lib/pwa/worker-api.ts: the sync
//   engine, Dexie, the API client, tus), in one file that the app and the worker share.
// - `app`: all the rest (the other pages, the catalog, forms, messages), in one file, loaded after
//   the first paint and precached.
// - `english`: the English of every message and catalog text (scripts/lib/english.js), loaded only on
//   a phone set to English and left out of the precache (src/service-worker).
// SvelteKit's page modules (nodes/N) go with the rest: those of the first screen into `shell`, the
// others into `app`. There are no small page files: on a slow line each one cost a few hundred bytes
// of headers, and the offline start a second round of module loads.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENGLISH_CHUNK, ENGLISH_MODULE } from './english.js';

/**
 * How the client build and the worker are minified: terser, two passes, as ES modules. Measured on
 * this app: about 3 KB (brotli) less than the default minifier, most of it in the messages, whose
 * one-line functions terser inlines.
 * @type {{ minify: 'terser', terserOptions: import('terser').MinifyOptions }}
 */
export const MINIFY = { minify: 'terser', terserOptions: { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } } };

/** The worker's part of the app, an entry of the app's build (its exports keep their names). */
export const WORKER_API = 'src/lib/pwa/worker-api.ts';
/** The service worker's own module (what the browser registers, with the precache manifest). */
const SERVICE_WORKER = 'src/service-worker/service-worker.ts';
/** Where SvelteKit writes the client build. */
const CLIENT_OUTPUT = '.svelte-kit/output/client';
const WORKER_API_ENTRY = 'entry/worker';

/**
 * @typedef {{ getModuleInfo(id: string): { importedIds: readonly string[], code: string | null } | null }} ChunkingContext
 * @typedef {{ shell: Set<string>, engine: Set<string> }} Closures
 */

/** Paraglide's index of every message (`m`), and the folder of its one-message modules. */
const MESSAGE_INDEX = /[\\/]paraglide[\\/]messages(\.js|[\\/]_index\.js)$/;
/** The first screen: the root layout, its error page and the home page (with SvelteKit's start). */
const SHELL_ROUTES = ['+layout.svelte', '+layout.ts', '+error.svelte', '+page.svelte'];
const KIT_NODE = /[\\/]generated[\\/]client-optimized[\\/]nodes[\\/]/;
const ENGLISH_ID = `\0${ENGLISH_MODULE}`;
const MESSAGE_MODULE = /[\\/]paraglide[\\/]messages(\.js$|[\\/])/;

/**
 * staticClosure returns the modules reachable from roots by static imports (what loading them runs).
 * Paraglide's index of all messages is not followed: a module that calls `m.key()` needs that one
 * message, which the bundler imports from its own module, while the index (every message) is
 * needed only where messages are looked up by name (lib/i18n/translate.ts). The messages a module
 * names are read from its code.
 * @param {ChunkingContext} ctx
 * @param {string[]} roots
 */
function staticClosure(ctx, roots) {
	/** @type {Set<string>} */
	const seen = new Set();
	/** @type {Map<string, string>} message key -> its module */
	const messages = new Map();
	const stack = roots.filter((id) => ctx.getModuleInfo(id) !== null);
	while (stack.length > 0) {
		while (stack.length > 0) {
			const id = /** @type {string} */ (stack.pop());
			if (seen.has(id)) continue;
			seen.add(id);
			const info = ctx.getModuleInfo(id);
			for (const imported of info?.importedIds ?? []) {
				if (!MESSAGE_INDEX.test(imported)) stack.push(imported);
				else if (messages.size === 0) {
					const index = ctx.getModuleInfo(imported.replace(/messages\.js$/, 'messages/_index.js'));
					for (const message of index?.importedIds ?? []) messages.set(message.replace(/^.*[\\/]|\.js$/g, ''), message);
				}
			}
		}
		// the index may be met after a module that names messages: look at every module once all are
		// in, and follow the messages they name (and what those import) until nothing new comes
		for (const module of seen) {
			for (const [, key] of (ctx.getModuleInfo(module)?.code ?? '').matchAll(/\bm(?:essages)?\.([A-Za-z][A-Za-z0-9_]*)\b/g)) {
				const message = messages.get(key);
				if (message && !seen.has(message)) stack.push(message);
			}
		}
	}
	return seen;
}

/**
 * isShellNode tells whether id is one of SvelteKit's page modules (nodes/N) of the first screen.
 * @param {ChunkingContext} ctx
 * @param {string} id
 */
function isShellNode(ctx, id) {
	return KIT_NODE.test(id) && (ctx.getModuleInfo(id)?.importedIds ?? []).some((imported) => SHELL_ROUTES.some((file) => imported.endsWith(`/src/routes/${file}`)));
}

/**
 * chunkGroups returns rolldown's code-splitting groups for the client build of the app in root.
 * @param {string} root
 * @returns {import('rolldown').CodeSplittingGroup[]}
 */
function chunkGroups(root) {
	const clientApp = join(root, '.svelte-kit/generated/client-optimized/app.js');
	const shellRoots = [
		clientApp,
		join(root, 'node_modules/@sveltejs/kit/src/runtime/client/bundle.js'),
		...SHELL_ROUTES.map((file) => join(root, 'src/routes', file))
	];
	/** @type {WeakMap<object, Closures | null>} */
	const passes = new WeakMap();
	/** @param {ChunkingContext} ctx */
	const closures = (ctx) => {
		if (!passes.has(ctx)) {
			if (ctx.getModuleInfo(clientApp) === null) passes.set(ctx, null);
			else {
				const engine = staticClosure(ctx, [join(root, WORKER_API)]);
				// the worker's entry module itself stays in its entry file, which only the worker loads
				engine.delete(join(root, WORKER_API));
				const shell = staticClosure(ctx, shellRoots);
				for (const id of engine) shell.delete(id);
				passes.set(ctx, { shell, engine });
			}
		}
		return passes.get(ctx) ?? null;
	};
	return [
		// the English texts (scripts/lib/english.js): a file of their own, loaded on a phone set to English
		{ name: (id) => (id === ENGLISH_ID ? ENGLISH_CHUNK : null), debugName: ENGLISH_CHUNK, priority: 40 },
		// the worker's modules first: the first screen must not pull them in (it imports none of them)
		{ name: (id, ctx) => (closures(ctx)?.engine.has(id) ? 'engine' : null), debugName: 'engine', priority: 30 },
		// Paraglide's index of every message and the messages the first screen does not show (see
		// staticClosure), without their dependencies (the runtime, the first screen's messages): lib/i18n
		// imports the index, and the first screen's group would take them all in as its dependencies
		{
			name: (id, ctx) => (closures(ctx) && MESSAGE_MODULE.test(id) && !closures(ctx)?.shell.has(id) ? 'messages' : null),
			debugName: 'messages',
			priority: 25,
			includeDependenciesRecursively: false
		},
		{ name: (id, ctx) => (closures(ctx)?.shell.has(id) || (closures(ctx) && isShellNode(ctx, id)) ? 'shell' : null), debugName: 'shell', priority: 20 },
		{ name: (id, ctx) => (closures(ctx) && !id.endsWith(WORKER_API) ? 'app' : null), debugName: 'app', priority: 10 }
	];
}

/**
 * appChunks cuts SvelteKit's client build into the files above: it adds src/lib/pwa/worker-api.ts
 * to its inputs (so that it is built with the app's chunks and keeps the names of its exports) and
 * gives it the groups of chunkGroups. Other builds (SvelteKit's server build) are left alone.
 * @param {string} root
 * @returns {import('vite').Plugin}
 */
export function appChunks(root) {
	let client = false;
	return {
		name: 'dukcapil:app-chunks',
		apply: 'build',
		options(options) {
			const input = options.input;
			// only SvelteKit's client build has a "bundle" (its one entry, bundleStrategy 'single')
			client = Boolean(input && typeof input === 'object' && !Array.isArray(input) && 'bundle' in input);
			if (!client) return null;
			return {
				...options,
				input: { .../** @type {Record<string, string>} */ (input), [WORKER_API_ENTRY]: resolve(root, WORKER_API) },
				// SvelteKit asks for 'strict'; a group that leaves out its dependencies (chunkGroups) needs
				// entries that may export more than their module (SvelteKit reads only the names it knows)
				preserveEntrySignatures: 'allow-extension'
			};
		},
		outputOptions(output) {
			if (!client) return null;
			const chunkFileNames = output.chunkFileNames;
			return {
				...output,
				codeSplitting: { groups: chunkGroups(root) },
				// the English file is named, so that the service worker finds it in its manifest
				chunkFileNames: (chunk) => {
					const name = typeof chunkFileNames === 'function' ? chunkFileNames(chunk) : (chunkFileNames ?? '[name]-[hash].js');
					return chunk.name === ENGLISH_CHUNK ? name.replace(/\[hash\]/, `${ENGLISH_CHUNK}.[hash]`) : name;
				}
			};
		},
		generateBundle(_, bundle) {
			if (!client) return;
			// The first screen's files must not import the others: a module it uses that the groups put
			// elsewhere would make it load them all. Fail the build rather than ship that.
			const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
			const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
			const firstScreen = chunks.filter((chunk) => chunk.name === 'shell' || chunk.name === 'bundle');
			// ... and must hold the first screen's pages (SvelteKit imports a page when it shows it: one
			// grouped elsewhere would be fetched, with its whole file, before the first screen)
			const shown = new Set(firstScreen.flatMap((chunk) => chunk.moduleIds));
			const pages = [...SHELL_ROUTES.map((file) => join(root, 'src/routes', file)), ...chunks.flatMap((chunk) => chunk.moduleIds).filter((id) => isShellNode(this, id))];
			const missing = pages.filter((id) => this.getModuleInfo(id) !== null && !shown.has(id));
			if (missing.length > 0) {
				const message = `the first screen's files do not hold ${missing.join(', ')} (scripts/lib/chunks.js)`;
				console.error(message);
				this.error(message);
			}
			for (const chunk of firstScreen) {
				const later = chunk.imports.map((file) => byFile.get(file)).filter((other) => other && ['app', 'engine', 'messages'].includes(other.name));
				if (later.length > 0) {
					const message = `${chunk.fileName} (first screen) imports ${later.map((other) => `${other?.fileName} (${other?.name})`).join(', ')}: a module it needs was grouped out of the shell (scripts/lib/chunks.js)`;
					// printed too: SvelteKit's client build runs inside its server build, whose later
					// plugins report a missing client build instead of this
					console.error(message);
					this.error(message);
				}
			}
		}
	};
}

/**
 * workerApiExternal leaves the worker's import of src/lib/pwa/worker-api.ts as an import of that
 * entry's file in the app's build (named by the client build's manifest).
 * @param {string} root
 * @returns {import('vite').Plugin}
 */
function workerApiExternal(root) {
	const module = resolve(root, WORKER_API).replace(/\.ts$/, '');
	return {
		name: 'dukcapil:worker-api-external',
		enforce: 'pre',
		resolveId(source) {
			if (source !== '$lib/pwa/worker-api' && source.replace(/\.ts$/, '') !== module) return null;
			const manifest = JSON.parse(readFileSync(join(root, CLIENT_OUTPUT, '.vite/manifest.json'), 'utf8'));
			const entry = manifest[WORKER_API];
			if (!entry) throw new Error(`${WORKER_API} is not in the client build's manifest (is workerEntry() in the plugins?)`);
			return { id: `/${entry.file}`, external: true };
		}
	};
}

/**
 * serviceWorkerBuild builds the service worker (src/service-worker/service-worker.ts) as a module
 * worker that imports the app's own chunks, once SvelteKit has written the client build (its
 * server build's writeBundle) and before @vite-pwa/sveltekit injects the precache manifest into it
 * (closeBundle). SvelteKit's own worker build cannot do this (it bundles a second copy of every
 * module it imports), so it finds no worker to build: its entry would be src/service-worker.ts or
 * src/service-worker/index.ts.
 * @param {string} root
 * @returns {import('vite').Plugin}
 */
export function serviceWorkerBuild(root) {
	let serverBuild = false;
	/** @type {import('vite').ResolvedConfig | null} */
	let resolved = null;
	return {
		name: 'dukcapil:service-worker-build',
		apply: 'build',
		configResolved(config) {
			serverBuild = Boolean(config.build.ssr);
			resolved = config;
		},
		writeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (!serverBuild || !resolved) return;
				const { build } = await import('vite');
				await build({
					configFile: false,
					root,
					mode: resolved.mode,
					logLevel: 'warn',
					publicDir: false,
					define: resolved.define,
					resolve: { alias: { $lib: join(root, 'src/lib') } },
					plugins: [workerApiExternal(root)],
					build: {
						outDir: join(root, CLIENT_OUTPUT),
						emptyOutDir: false,
						modulePreload: false,
						...MINIFY,
						rolldownOptions: {
							input: { 'service-worker': join(root, SERVICE_WORKER) },
							output: { format: 'es', entryFileNames: 'service-worker.js', codeSplitting: false }
						}
					}
				});
			}
		}
	};
}
