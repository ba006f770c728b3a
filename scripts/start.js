// npm start — build what is missing, then run the one server that serves the app, the API and the dashboard.
//
// Settings (environment variables):
//   HOST (127.0.0.1), PORT (8090), PB_DATA (pocketbase/pb_data), DEMO (true: seed demo accounts on first start and catch
//   the e-mails in Mailpit unless DUKCAPIL_SMTP_HOST is set),
//   SKIP_BUILD=1 to serve the existing build/ as it is. Arguments after "--" go to `pocketbase serve`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApp, ensureServerBuilt, root, serverBinary } from './lib/server.js';
import { demoMailArgs } from './lib/mailpit.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '8090';
const dataDir = process.env.PB_DATA ?? join(root, 'pocketbase', 'pb_data');
const demo = (process.env.DEMO ?? 'true') !== 'false';
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];

ensureServerBuilt();
if (process.env.SKIP_BUILD !== '1') buildApp();

const args = [
	'serve',
	`--http=${host}:${port}`,
	`--dir=${dataDir}`,
	`--publicDir=${join(root, 'build')}`,
	`--demo=${demo}`,
	...(demo ? await demoMailArgs(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`) : []),
	...extra
];
if (demo) console.log('Demo on (DEMO=false npm start turns it off): demo accounts are seeded on the first start.');
const server = spawn(serverBinary, args, { stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
