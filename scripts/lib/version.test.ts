import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputFiles, sourceVersion } from './version.js';

// The app's version (scripts/lib/version.js), on a small project of its own: the same sources
// give the same name, and any change of what the build reads gives another.

const projects: string[] = [];

function project(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'version-'));
	projects.push(root);
	for (const [file, content] of Object.entries(files)) write(root, file, content);
	return root;
}

function write(root: string, file: string, content: string): void {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), content);
}

const SOURCES = {
	'src/routes/+page.svelte': '<h1>Beranda</h1>',
	'src/lib/a.ts': 'export const a = 1;',
	'messages/id.json': '{"home_title":"Beranda"}',
	'static/icon.svg': '<svg/>',
	'svelte.config.js': 'export default {};',
	'package-lock.json': '{"lockfileVersion":3}'
};

afterEach(() => {
	for (const root of projects.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('sourceVersion', () => {
	it('is the same for the same sources, wherever and in whatever order they were written', () => {
		const first = project(SOURCES);
		const second = project(Object.fromEntries(Object.entries(SOURCES).reverse()));
		expect(sourceVersion(first)).toMatch(/^[0-9a-f]{16}$/);
		expect(sourceVersion(second)).toBe(sourceVersion(first));
	});

	it('changes with a source, a text, a static file, the configuration or the packages', () => {
		const root = project(SOURCES);
		const seen = new Set([sourceVersion(root)]);
		for (const file of Object.keys(SOURCES)) {
			write(root, file, `${SOURCES[file as keyof typeof SOURCES]} `);
			const version = sourceVersion(root);
			expect(seen.has(version), file).toBe(false);
			seen.add(version);
		}
		// a new file counts too
		write(root, 'src/lib/b.ts', 'export const b = 2;');
		expect(seen.has(sourceVersion(root))).toBe(false);
	});

	it('leaves out what the build makes itself and the tests', () => {
		const root = project(SOURCES);
		const before = sourceVersion(root);
		write(root, 'src/lib/paraglide/messages.js', 'export const generated = true;');
		write(root, 'src/lib/a.test.ts', 'it("x", () => {});');
		write(root, 'build/index.html', '<html></html>');
		expect(sourceVersion(root)).toBe(before);
		expect(inputFiles(root)).toEqual(['messages/id.json', 'package-lock.json', 'src/lib/a.ts', 'src/routes/+page.svelte', 'static/icon.svg', 'svelte.config.js']);
	});
});
