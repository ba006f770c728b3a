// Benchmarks of the app shell (issues 2 and 14): what a new phone receives over the wire on its first
// visit (the first screen, and everything the service worker precaches), and how fast the installed
// app opens offline compared with a blank page from the same service worker.

import { countingProxy } from '../support/proxy.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const FIRST_SCREEN_BUDGET = 50 * 1024;
const FIRST_VISIT_BUDGET = 160 * 1024;
const OFFLINE_RATIO_BUDGET = 1.3;
// reloads per figure: the median of 15 (on a 2-core machine one reload in a few is slowed by other work)
const RUNS = 15;

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * wireBytes counts what Chromium receives for a page: CDP's encodedDataLength of every response
 * (headers and the body as sent, i.e. compressed), as reported when each one finishes loading; the
 * context is fresh, so the cache starts cold, and a response served from it again costs nothing.
 * @param {import('@playwright/test').CDPSession} cdp
 */
async function wireBytes(cdp) {
	/** @type {Map<string, string>} */
	const urls = new Map();
	/** @type {{ url: string, bytes: number }[]} */
	const files = [];
	const state = { total: 0, count: 0, files };
	cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
	cdp.on('Network.loadingFinished', (event) => {
		state.total += event.encodedDataLength;
		state.count++;
		state.files.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength });
	});
	await cdp.send('Network.enable');
	return state;
}

/**
 * firstVisitTransfer measures a first visit with a cold cache, as a new resident's phone makes it:
 * the first screen (until the app is interactive and the network is idle, the service worker kept
 * out), then a second cold visit with the service worker, counting also every byte the worker
 * fetches to precache the app (Playwright reports the worker's requests, with their sizes from the
 * same CDP figures).
 * @param {Browser} browser
 * @param {string} origin
 * @returns {Promise<Row[]>}
 */
export async function firstVisitTransfer(browser, origin) {
	const screen = await browser.newContext({ serviceWorkers: 'block' });
	const page = await screen.newPage();
	const counted = await wireBytes(await screen.newCDPSession(page));
	await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
	// The first screen is what was asked for before the app was interactive: the page and what it
	// needed to show; what the app loads after its first paint (the sync engine, the local database)
	// is counted in the first visit below.
	const before = new Set(
		await page.evaluate(() => {
			const interactive = performance.getEntriesByName('app-interactive')[0].startTime;
			return [location.href, ...performance.getEntriesByType('resource').filter((entry) => entry.startTime <= interactive).map((entry) => entry.name)];
		})
	);
	const firstScreen = counted.files.filter((file) => before.has(file.url));
	const firstScreenBytes = firstScreen.reduce((sum, file) => sum + file.bytes, 0);
	await screen.close();

	// the same visit through a proxy that counts what the server sends, to check the CDP figures
	const proxy = await countingProxy(Number(new URL(origin).port));
	const visit = await browser.newContext();
	const visitPage = await visit.newPage();
	const pageBytes = await wireBytes(await visit.newCDPSession(visitPage));
	/** @type {Promise<number>[]} */
	const workerBytes = [];
	visit.on('requestfinished', (request) => {
		if (request.serviceWorker()) workerBytes.push(request.sizes().then((sizes) => sizes.responseHeadersSize + sizes.responseBodySize));
	});
	await visitPage.goto(`${proxy.origin}/`, { waitUntil: 'networkidle' });
	await visitPage.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await visitPage.waitForLoadState('networkidle');
	const precached = (await Promise.all(workerBytes)).reduce((sum, bytes) => sum + bytes, 0);
	const firstVisit = pageBytes.total + precached;
	await visit.close();
	const received = proxy.state.down;
	await proxy.close();

	if (process.env.BENCH_VERBOSE === '1') {
		for (const file of counted.files.sort((a, b) => b.bytes - a.bytes)) console.log(`${String(file.bytes).padStart(8)} ${before.has(file.url) ? 'first' : 'later'}  ${file.url}`);
	}
	return [
		{ figure: 'first screen and what the app loads after its first paint (no service worker)', value: kb(counted.total), goal: '', ok: null },
		{
			figure: `first screen on the wire, cold cache (${firstScreen.length} responses)`,
			value: kb(firstScreenBytes),
			goal: `<= ${FIRST_SCREEN_BUDGET / 1024} KB`,
			ok: firstScreenBytes <= FIRST_SCREEN_BUDGET
		},
		{
			figure: `first visit on the wire incl. the service worker's precache (${pageBytes.count} + ${workerBytes.length} responses)`,
			value: kb(firstVisit),
			goal: `<= ${FIRST_VISIT_BUDGET / 1024} KB`,
			ok: firstVisit <= FIRST_VISIT_BUDGET
		},
		{
			// the CDP figures miss the service worker's own script; the server's side sees every byte
			figure: 'first visit incl. the worker script and precache, as the server sent it (TCP bytes)',
			value: kb(received),
			goal: `<= ${FIRST_VISIT_BUDGET / 1024} KB`,
			ok: received <= FIRST_VISIT_BUDGET
		}
	];
}

/**
 * offlineReload measures, with the network off and the CPU slowed 4x, the time from navigation to
 * the app's first interactive screen (the "app-interactive" mark) on a reload of the installed app,
 * and the same for a blank page served by the same service worker (its load event): the floor.
 * @param {Browser} browser
 * @param {string} origin
 * @returns {Promise<Row[]>}
 */
export async function offlineReload(browser, origin) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${origin}/`);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	// the blank page as the worker precaches it (blank.html, named without .html): /blank.html is not
	// in the precache, so the worker would answer it with the app's index.html instead
	await page.goto(`${origin}/blank`);
	await context.setOffline(true);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

	/** @param {string} path @param {() => number} measure */
	async function timeReloads(path, measure) {
		await page.goto(`${origin}${path}`);
		/** @type {number[]} */
		const times = [];
		for (let i = 0; i < RUNS; i++) {
			const response = await page.reload();
			if (!response?.fromServiceWorker()) throw new Error(`${path} was not answered by the service worker`);
			await page.waitForFunction(measure);
			times.push(await page.evaluate(measure));
		}
		return median(times);
	}

	const floor = await timeReloads('/blank', () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd ?? 0);
	if ((await page.evaluate(() => document.scripts.length)) > 0) throw new Error('the floor is not the blank page (the worker answered /blank with the app)');
	const app = await timeReloads('/', () => performance.getEntriesByName('app-interactive')[0]?.startTime ?? 0);
	await context.close();
	const ratio = app / floor;
	return [
		{ figure: 'offline reload, blank page from the SW (floor), CPU 4x', value: `${floor.toFixed(0)} ms`, goal: '', ok: null },
		{ figure: 'offline reload, app to first interactive screen, CPU 4x', value: `${app.toFixed(0)} ms`, goal: '', ok: null },
		{ figure: 'offline reload, app / floor', value: `${ratio.toFixed(2)}x`, goal: `<= ${OFFLINE_RATIO_BUDGET}x`, ok: ratio <= OFFLINE_RATIO_BUDGET }
	];
}
