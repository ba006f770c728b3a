// npm run test:fuzz — a short run of each Go fuzz target (no panic, bounded output), part of
// npm test. A longer run of one target, e.g. ten minutes:
//   cd pocketbase && go test ./internal/catalog -run '^$' -fuzz '^FuzzValidate$' -fuzztime 10m
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/server.js';

const seconds = process.env.FUZZ_SECONDS ?? '6';
const targets = [
	['./internal/catalog', 'FuzzValidate'],
	['./internal/nik', 'FuzzNIK']
];
for (const [pkg, target] of targets) {
	console.log(`fuzz ${target} (${pkg}) for ${seconds} s`);
	const result = spawnSync('go', ['test', pkg, '-run', '^$', '-fuzz', `^${target}$`, '-fuzztime', `${seconds}s`, '-parallel', '1'], {
		cwd: join(root, 'pocketbase'),
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}
