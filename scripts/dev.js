// npm run dev — the PocketBase server on PORT (8090) and Vite's dev server with hot reload in front of it
// (http://127.0.0.1:5173), which proxies /api and /_/ to PocketBase.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureServerBuilt, root, serverBinary } from './lib/server.js';
import { demoMailArgs } from './lib/mailpit.js';

const port = process.env.PORT ?? '8090';
const dataDir = process.env.PB_DATA ?? join(root, 'pocketbase', 'pb_data');

ensureServerBuilt();
const children = [
	spawn(
		serverBinary,
		[
			'serve',
			`--http=127.0.0.1:${port}`,
			`--dir=${dataDir}`,
			`--publicDir=${join(root, 'build')}`,
			'--demo=true',
			...(await demoMailArgs('http://127.0.0.1:5173'))
		],
		{
		stdio: 'inherit'
	}),
	spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'dev', '--host', '127.0.0.1'], {
		stdio: 'inherit',
		env: { ...process.env, PB_URL: `http://127.0.0.1:${port}` }
	})
];
/** @param {NodeJS.Signals} signal */
function stopAll(signal) {
	for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => stopAll(signal));
for (const child of children) child.on('exit', (code) => {
	stopAll('SIGTERM');
	process.exitCode = code ?? 0;
});
