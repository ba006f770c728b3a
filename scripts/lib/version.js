import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What the client build is made of: its sources and texts, its static files, the build's own
 * configuration and plugins, and the exact packages. Directories are walked whole.
 */
const INPUTS = ['src', 'messages', 'static', 'scripts/lib', 'project.inlang/settings.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];

/** Generated from the inputs above (Paraglide's messages from messages/), or not part of the build. */
const SKIP = [/^src\/lib\/paraglide\//, /\.test\.[jt]s$/];

/**
 * sourceVersion is the app's version for SvelteKit (`kit.version.name`): a hash of the files the
 * client build is made from. SvelteKit's default is the build's time, which it writes into the
 * entry and the HTML: every build then made new files, and every deployment (even one that changed
 * only the server) made each phone download the whole app again (about 170 KB) and offer an
 * update that changes nothing. With this name, the same sources build the same files; any change
 * of an input gives a new name, so SvelteKit still tells a new deployment from the old one.
 * @param {string} root the project's directory
 * @returns {string}
 */
export function sourceVersion(root) {
	const hash = createHash('sha256');
	for (const file of inputFiles(root)) {
		hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

/**
 * inputFiles lists the input files, relative to root with '/' separators, in a fixed order.
 * @param {string} root
 * @returns {string[]}
 */
export function inputFiles(root) {
	/** @type {string[]} */
	const files = [];
	for (const input of INPUTS) {
		const path = join(root, input);
		if (!existsSync(path)) continue;
		if (!statSync(path).isDirectory()) {
			files.push(input);
			continue;
		}
		for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile()) continue;
			files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
		}
	}
	return files.filter((file) => !SKIP.some((skip) => skip.test(file))).sort();
}
