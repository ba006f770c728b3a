// Benchmarks of the app shell (issues 2 and 14): what a new phone receives over the wire on its first
// visit (the first screen, and everything the service worker precaches), over https with HTTP/2 as from
// the office's server and, for comparison, over the test server's plain HTTP/1.1; and how fast the
// installed app opens offline compared with a blank page from the same service worker.

import { countingProxy } from '../support/proxy.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const FIRST_SCREEN_BUDGET = 50 * 1024;
const FIRST_VISIT_BUDGET = 160 * 1024;
const OFFLINE_RATIO_BUDGET = 1.3;
// reloads per figure, the floor's and the app's in turns: the median of 15 (on a 2-core machine one
// reload in a few is slowed by other work)
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
 * Each response keeps the protocol it came over (CDP's "http/1.1" or "h2").
 * @param {import('@playwright/test').CDPSession} cdp
 */
async function wireBytes(cdp) {
	/** @type {Map<string, { url: string, protocol: string }>} */
	const responses = new Map();
	/** @type {{ url: string, bytes: number, protocol: string }[]} */
	const files = [];
	const state = { total: 0, count: 0, files };
	cdp.on('Network.responseReceived', (event) =>
		responses.set(event.requestId, { url: event.response.url, protocol: event.response.protocol ?? '?' })
	);
	cdp.on('Network.loadingFinished', (event) => {
		state.total += event.encodedDataLength;
		state.count++;
		state.files.push({ url: '?', protocol: '?', ...responses.get(event.requestId), bytes: event.encodedDataLength });
	});
	await cdp.send('Network.enable');
	return state;
}

/**
 * sameProtocol throws unless every response came over the protocol the figures are for.
 * @param {{ url: string, protocol: string }[]} files
 * @param {string} protocol "h2" or "http/1.1"
 */
function sameProtocol(files, protocol) {
	const other = files.filter((file) => file.protocol !== protocol);
	if (other.length > 0) throw new Error(`not over ${protocol}: ${other.map((file) => `${file.url} (${file.protocol})`).join(', ')}`);
}

/**
 * firstVisitTransfer measures a first visit with a cold cache, as a new resident's phone makes it:
 * the first screen (until the app is interactive and the network is idle, the service worker kept
 * out), then a second cold visit with the service worker, counting also every byte the worker
 * fetches to precache the app (Playwright reports the worker's requests, with their sizes from the
 * same CDP figures). With `h2` the origin is the server over https (the browser trusting its
 * certificate) and every response counted must have come over HTTP/2; the counting proxy then counts
 * TLS bytes, handshakes included, as a phone receives them. The budgets are for a phone, which reaches
 * the office over https only: the plain-HTTP figures are informational.
 * @param {Browser} browser
 * @param {string} origin
 * @param {{ h2?: boolean }} [options]
 * @returns {Promise<Row[]>}
 */
export async function firstVisitTransfer(browser, origin, { h2 = false } = {}) {
	const protocol = h2 ? 'h2' : 'http/1.1';
	const over = h2 ? 'over HTTPS (HTTP/2)' : 'over plain HTTP/1.1';
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
	// the bodies as sent (compressed), from the page's own timing entries: what CDP counts beyond them
	// is the protocol's (HTTP/1.1's headers; HTTP/2's frames and HPACK-compressed headers)
	/** @type {Map<string, number>} */
	const bodies = new Map(
		await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => [entry.name, /** @type {PerformanceResourceTiming} */ (entry).encodedBodySize]))
	);
	const firstScreen = counted.files.filter((file) => before.has(file.url));
	const firstScreenBytes = firstScreen.reduce((sum, file) => sum + file.bytes, 0);
	await screen.close();
	sameProtocol(counted.files, protocol);

	// the same visit through a proxy that counts what the server sends, to check the CDP figures
	const proxy = await countingProxy(Number(new URL(origin).port), { https: h2 });
	const visit = await browser.newContext();
	const visitPage = await visit.newPage();
	const pageBytes = await wireBytes(await visit.newCDPSession(visitPage));
	/** @type {Promise<{ url: string, bytes: number, protocol: string }>[]} */
	const worker = [];
	visit.on('requestfinished', (request) => {
		if (!request.serviceWorker()) return;
		worker.push(
			(async () => {
				const response = await request.response();
				const version = (await response?.httpVersion()) ?? '?';
				// Playwright's body size is CDP's encodedDataLength less its headers size, so the sum is
				// encodedDataLength: 0 for a file the worker got from the HTTP cache, filled by the page
				const sizes = await request.sizes();
				const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
				return { url: request.url(), bytes, protocol: { 'HTTP/2.0': 'h2', 'HTTP/1.1': 'http/1.1' }[version] ?? version };
			})()
		);
	});
	await visitPage.goto(`${proxy.origin}/`, { waitUntil: 'networkidle' });
	await visitPage.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await visitPage.waitForLoadState('networkidle');
	const precache = await Promise.all(worker);
	// the worker installed: its caches hold the app (what an offline start needs)
	const cachedEntries = await visitPage.evaluate(async () => {
		let entries = 0;
		for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
		return entries;
	});
	if (precache.length === 0 || cachedEntries === 0) throw new Error(`the service worker precached nothing ${over}`);
	sameProtocol([...pageBytes.files, ...precache], protocol);
	const precached = precache.reduce((sum, file) => sum + file.bytes, 0);
	const firstVisit = pageBytes.total + precached;
	await visit.close();
	const received = proxy.state.down;
	await proxy.close();

	if (process.env.BENCH_VERBOSE === '1') {
		console.log(`\nfirst screen and after ${over}: bytes on the wire (CDP), body (resource timing), first or later, URL`);
		for (const file of counted.files.sort((a, b) => b.bytes - a.bytes)) {
			console.log(`${String(file.bytes).padStart(8)} ${String(bodies.get(file.url) ?? '?').padStart(8)} ${before.has(file.url) ? 'first' : 'later'}  ${file.protocol} ${file.url}`);
		}
		const body = counted.files.reduce((sum, file) => sum + (file.bytes > 0 ? (bodies.get(file.url) ?? 0) : 0), 0);
		console.log(`${counted.total} bytes on the wire, ${body} of them bodies: ${counted.total - body} protocol bytes for ${counted.files.filter((file) => file.bytes > 0).length} responses`);
		for (const file of precache.sort((a, b) => b.bytes - a.bytes)) console.log(`${String(file.bytes).padStart(8)} worker  ${file.protocol} ${file.url}`);
		console.log(
			`first visit ${over}: CDP ${pageBytes.total} (page) + ${precached} (worker, ${precache.length} responses) = ${firstVisit}; TCP ${received} down, ${proxy.state.up} up, ${proxy.state.connections} connections; ${cachedEntries} entries in the worker's caches`
		);
	}
	const budget = (/** @type {number} */ bytes, /** @type {number} */ limit) =>
		h2 ? { goal: `<= ${limit / 1024} KB`, ok: bytes <= limit } : { goal: '(budget: over HTTPS)', ok: null };
	return [
		{ figure: `first screen and what the app loads after its first paint ${over} (no service worker)`, value: kb(counted.total), goal: '', ok: null },
		{
			figure: `first screen on the wire ${over}, cold cache (${firstScreen.length} responses)`,
			value: kb(firstScreenBytes),
			...budget(firstScreenBytes, FIRST_SCREEN_BUDGET)
		},
		{
			figure: `first visit on the wire ${over} incl. the service worker's precache (${pageBytes.count} + ${precache.length} responses)`,
			value: kb(firstVisit),
			...budget(firstVisit, FIRST_VISIT_BUDGET)
		},
		{
			// the CDP figures miss the service worker's own script; the server's side sees every byte
			figure: `first visit ${over} incl. the worker script and precache, as the server sent it (TCP bytes${h2 ? ': TLS, handshakes included' : ''})`,
			value: kb(received),
			...budget(received, FIRST_VISIT_BUDGET)
		}
	];
}

/**
 * offlineStarts times, with the network off and the CPU slowed 4x, the reload of each origin's app,
 * installed from it (its service worker in control), from navigation to its first interactive screen
 * (the "app-interactive" mark), and the same for a blank page served by the same service worker (its
 * load event): that origin's floor. Every page is reloaded from itself, and all of them in turns, RUNS
 * times: on a shared machine the speed drifts over a run, and blocks timed one after the other would
 * carry the drift into the ratios. Returns the medians (ms), one per origin.
 * @param {Browser} browser
 * @param {string[]} origins
 * @returns {Promise<{ floor: number, page: number }[]>}
 */
async function offlineStarts(browser, origins) {
	const context = await browser.newContext();
	const page = await context.newPage();
	for (const origin of origins) {
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
	}
	await context.setOffline(true);
	const cdp = await context.newCDPSession(page);

	/** @param {string} url @param {() => number} measure */
	async function timeReload(url, measure) {
		await page.goto(url);
		// set again for each page: going to another origin may give the page another renderer
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		// reloaded once the page has settled (what it does after its first screen is done), as a
		// resident opens the app again, not in the middle of its start
		await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve, { timeout: 2000 }), 500)));
		const response = await page.reload();
		if (!response?.fromServiceWorker()) throw new Error(`${url} was not answered by the service worker`);
		await page.waitForFunction(measure);
		return page.evaluate(measure);
	}

	const times = origins.map(() => ({ floors: /** @type {number[]} */ ([]), pages: /** @type {number[]} */ ([]) }));
	for (let i = 0; i < RUNS; i++) {
		for (const [n, origin] of origins.entries()) {
			times[n].floors.push(await timeReload(`${origin}/blank`, () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd ?? 0));
			if (i === 0 && (await page.evaluate(() => document.scripts.length)) > 0) throw new Error(`the floor is not the blank page (${origin}'s worker answered /blank with the app)`);
			times[n].pages.push(await timeReload(`${origin}/`, () => performance.getEntriesByName('app-interactive')[0]?.startTime ?? 0));
		}
	}
	await context.close();
	if (process.env.BENCH_VERBOSE === '1') {
		for (const [n, origin] of origins.entries()) {
			const list = (/** @type {number[]} */ values) => values.map((value) => value.toFixed(0)).join(' ');
			console.log(`\noffline reloads of ${origin}, CPU 4x (ms, in order)\n  floor: ${list(times[n].floors)}\n  page:  ${list(times[n].pages)}`);
		}
	}
	return times.map(({ floors, pages }) => ({ floor: median(floors), page: median(pages) }));
}

/**
 * offlineReload measures the offline start of the installed app against the blank-page floor (see
 * offlineStarts). Given `emptyKit`, the origin of an empty SvelteKit app built with the app's stack and
 * served by the same server (kit-floor.js), it times that app too, against its own floor and in the
 * same turns: what the framework alone costs, for comparison with the app's budget.
 * @param {Browser} browser
 * @param {string} origin
 * @param {{ emptyKit?: string }} [options]
 * @returns {Promise<Row[]>}
 */
export async function offlineReload(browser, origin, { emptyKit } = {}) {
	const [app, kit] = await offlineStarts(browser, emptyKit ? [origin, emptyKit] : [origin]);
	const ratio = app.page / app.floor;
	const ms = (/** @type {number} */ value) => `${value.toFixed(0)} ms`;
	/** @type {Row[]} */
	const rows = [
		{ figure: 'offline reload, blank page from the SW (floor), CPU 4x', value: ms(app.floor), goal: '', ok: null },
		{ figure: 'offline reload, app to first interactive screen, CPU 4x', value: ms(app.page), goal: '', ok: null },
		{ figure: 'offline reload, app / floor', value: `${ratio.toFixed(2)}x`, goal: `<= ${OFFLINE_RATIO_BUDGET}x`, ok: ratio <= OFFLINE_RATIO_BUDGET }
	];
	if (kit) {
		rows.push(
			{ figure: 'offline reload, empty SvelteKit page: its blank page from its SW (floor), CPU 4x', value: ms(kit.floor), goal: '', ok: null },
			{ figure: 'offline reload, empty SvelteKit page, CPU 4x', value: ms(kit.page), goal: '', ok: null },
			{ figure: 'offline reload, empty SvelteKit page / floor', value: `${(kit.page / kit.floor).toFixed(2)}x`, goal: `(the app's budget: <= ${OFFLINE_RATIO_BUDGET}x)`, ok: null },
			{ figure: 'offline reload, app / empty SvelteKit page', value: `${(app.page / kit.page).toFixed(2)}x`, goal: '', ok: null }
		);
	}
	return rows;
}
