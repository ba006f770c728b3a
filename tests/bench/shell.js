// Benchmarks of the app shell (issue 2): what the first screen downloads, and how fast the
// installed app opens offline compared with a blank page from the same service worker.
import { gzipSync } from 'node:zlib';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const FIRST_SCREEN_BUDGET = 100 * 1024;
const OFFLINE_RATIO_BUDGET = 2;
const RUNS = 9;

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * firstScreenTransfer sums the gzip size of every JS and CSS file the first screen loads.
 * @param {Browser} browser
 * @param {string} origin
 * @returns {Promise<Row[]>}
 */
export async function firstScreenTransfer(browser, origin) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	/** @type {Promise<number>[]} */
	const sizes = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'script' || type === 'stylesheet') sizes.push(response.body().then((body) => gzipSync(body).length));
	});
	await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length > 0);
	const total = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
	await context.close();
	return [
		{
			figure: `first screen JS+CSS, gzip (${sizes.length} files)`,
			value: `${(total / 1024).toFixed(1)} KB`,
			goal: `<= ${FIRST_SCREEN_BUDGET / 1024} KB`,
			ok: total <= FIRST_SCREEN_BUDGET
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
	await page.goto(`${origin}/blank.html`);
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

	const floor = await timeReloads('/blank.html', () => performance.getEntriesByType('navigation')[0]?.toJSON().loadEventEnd ?? 0);
	const app = await timeReloads('/', () => performance.getEntriesByName('app-interactive')[0]?.startTime ?? 0);
	await context.close();
	const ratio = app / floor;
	return [
		{ figure: 'offline reload, blank page from the SW (floor), CPU 4x', value: `${floor.toFixed(0)} ms`, goal: '', ok: null },
		{ figure: 'offline reload, app to first interactive screen, CPU 4x', value: `${app.toFixed(0)} ms`, goal: '', ok: null },
		{ figure: 'offline reload, app / floor', value: `${ratio.toFixed(2)}x`, goal: `<= ${OFFLINE_RATIO_BUDGET}x`, ok: ratio <= OFFLINE_RATIO_BUDGET }
	];
}
