// npm test — everything, in order: type checks and lint, unit tests, Go vet and tests, then the
// end-to-end tests in Chromium against a fresh PocketBase serving the real build.
// Run one part alone with: npm run check | lint | test:unit | test:go | test:fuzz | test:e2e.
import { spawnSync } from 'node:child_process';
import { buildApp, ensureServerBuilt, root } from './lib/server.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** @type {[string, () => number][]} */
const steps = [
	['i18n messages', () => run(npm, ['run', '--silent', 'i18n'])],
	['type checks', () => run(npm, ['run', '--silent', 'check'])],
	['lint', () => run(npm, ['run', '--silent', 'lint'])],
	['unit tests', () => run(npm, ['run', '--silent', 'test:unit'])],
	['go vet and go test', () => run(npm, ['run', '--silent', 'test:go'])],
	['fuzz (a few seconds per target)', () => run(npm, ['run', '--silent', 'test:fuzz'])],
	['build', () => (buildApp(), ensureServerBuilt(), 0)],
	['end-to-end tests', () => run(npm, ['run', '--silent', 'test:e2e'])]
];

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {number}
 */
function run(command, args) {
	return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

const timings = [];
for (const [name, step] of steps) {
	const started = Date.now();
	console.log(`\n=== ${name} ===`);
	const status = step();
	timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (status !== 0) {
		console.error(`\nnpm test: "${name}" failed.`);
		process.exit(status);
	}
}
console.log(`\nnpm test: all steps passed.\n  ${timings.join('\n  ')}`);
