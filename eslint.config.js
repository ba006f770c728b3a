import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'dev-dist/', 'node_modules/', 'pocketbase/', 'test-results/', 'playwright-report/', 'tests/bench/kit-floor/.svelte-kit/', 'tests/bench/kit-floor/build/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links and goto() targets come from the route builders in src/lib/routes.ts, which resolve them.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Pages only show and call: IndexedDB stays behind src/lib/local (its types may be named).
		files: ['src/routes/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'dexie', message: 'Routes read the phone through $lib/local (live stores, repositories), never Dexie.' },
						{ name: '$lib/local/db', message: 'Routes read the phone through $lib/local (live stores, repositories), not the database.', allowTypeImports: true }
					],
					patterns: [{ group: ['**/lib/local/db', '**/lib/local/db.ts'], message: 'Routes read the phone through $lib/local, not the database.', allowTypeImports: true }]
				}
			]
		}
	}
);
