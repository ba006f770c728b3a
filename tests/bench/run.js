// npm run bench — prints the figures the issues ask for, each next to its goal, as a table.
// Figures with a floor (a blank page from the same service worker) are ratios measured in the same run.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildApp, ensureServerBuilt } from '../../scripts/lib/server.js';
import { freePort, startTestServer } from '../../scripts/lib/test-server.js';
import { makeDevCert } from '../../scripts/lib/devcert.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { firstVisitTransfer, offlineReload } from './shell.js';
import { mediaCompression } from './media.js';
import { syncThroughput } from './sync.js';
import { officeBenchmarks } from './office.js';
import { pushFanOut } from './push.js';
import { realtimeDelivery } from './live.js';
import { visitBookings } from './visits.js';
import { buildKitFloor } from './kit-floor.js';
import { redeployUnchanged } from './update.js';

/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

if (process.env.SKIP_BUILD !== '1') buildApp();
ensureServerBuilt();

const shell = process.env.BENCH_SKIP_SHELL !== '1';
// the framework's floor of the offline start: an empty SvelteKit app, built (in seconds) before
// anything is timed, into a temporary directory (tests/bench/kit-floor.js)
const kitFloor = shell && process.env.BENCH_SKIP_KIT_FLOOR !== '1' ? buildKitFloor() : undefined;
/** @param {import('../../scripts/lib/devcert.js').DevCert} [tls] @param {string} [publicDir] the app's build/ unless given */
const serve = async (tls, publicDir) =>
	startTestServer({
		port: await freePort(),
		dataDir: mkdtempSync(join(tmpdir(), 'dukcapil-bench-')),
		staffEmail: 'staf.bench@balikpapan.dukcapil.test',
		staffPassword: randomBytes(12).toString('base64url'),
		// the figures are about sending, not accounts: the benchmark's residents need no confirmed e-mail
		requireVerifiedEmail: false,
		tls,
		publicDir
	});
const server = await serve();
// The first visit is measured over https too, as a phone reaches the office: the same server build with a
// certificate made for this run, which the browser trusts by its public key (as a phone trusts the
// office's real one), so that the service worker may register.
const cert = shell ? makeDevCert() : undefined;
const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: [...CHROMIUM_ARGS, ...(cert ? [`--ignore-certificate-errors-spki-list=${cert.spkiHash}`] : [])]
});

/** @type {Row[]} */
const rows = [];
try {
	if (shell) {
		rows.push(...(await firstVisitTransfer(browser, server.origin)));
		const https = await serve(cert);
		try {
			rows.push(...(await firstVisitTransfer(browser, https.origin, { h2: true })));
		} finally {
			await https.stop();
		}
		// the empty SvelteKit app from the same server (a second one, serving its build), timed in the same turns
		const emptyKit = kitFloor ? await serve(undefined, kitFloor) : undefined;
		try {
			rows.push(...(await offlineReload(browser, server.origin, { emptyKit: emptyKit?.origin })));
		} finally {
			await emptyKit?.stop();
		}
	}
	if (process.env.BENCH_SKIP_MEDIA !== '1') rows.push(...(await mediaCompression(browser, server.origin)));
	if (process.env.BENCH_SKIP_SYNC !== '1') rows.push(...(await syncThroughput(browser, server.origin)));
	if (process.env.BENCH_SKIP_OFFICE !== '1') rows.push(...(await officeBenchmarks(server.origin, server.staffToken)));
} finally {
	await browser.close();
	await server.stop();
	if (cert) rmSync(dirname(cert.certFile), { recursive: true, force: true });
	if (kitFloor) rmSync(kitFloor, { recursive: true, force: true });
}
// the push fan-out is a Go job of its own, run after the browser and the server are gone
if (process.env.BENCH_SKIP_PUSH !== '1') rows.push(...(await pushFanOut()));
if (process.env.BENCH_SKIP_LIVE !== '1') rows.push(...(await realtimeDelivery()));
if (process.env.BENCH_SKIP_VISITS !== '1') rows.push(...(await visitBookings()));
// the same sources built again, once nothing serves build/ any more (only after this run's own build:
// with SKIP_BUILD the files may come from other sources)
if (process.env.SKIP_BUILD !== '1' && process.env.BENCH_SKIP_UPDATE !== '1') rows.push(...redeployUnchanged());

const width = Math.max(...rows.map((row) => row.figure.length));
console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(12)}  goal`);
for (const row of rows) {
	const verdict = row.ok === null ? '' : row.ok ? '  ok' : '  OVER BUDGET';
	console.log(`${row.figure.padEnd(width)}  ${row.value.padStart(12)}  ${row.goal}${verdict}`);
}
