import type { Page } from '@playwright/test';
import { expect, expectAccessible, phoneStorage, test, waitForServiceWorker } from './support';

// The app's English texts are a file of their own (scripts/lib/english.js): a phone gets it when
// its resident chooses English, keeps it for offline use, and a new version of the app brings its
// own. A phone in Indonesian never downloads it.

const ENGLISH_FILE = /\/_app\/immutable\/chunks\/english\.[\w-]+\.js$/;

/** The addresses of every Cache Storage entry, by cache. */
async function cachedUrls(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const out: Record<string, string[]> = {};
		for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
		return out;
	});
}

test('English is downloaded once when chosen, then opens offline, and a new version brings its own', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	// in Indonesian, the English file is neither loaded nor precached
	const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
	expect((await loaded()).filter((url) => ENGLISH_FILE.test(url))).toEqual([]);
	const before = await cachedUrls(page);
	expect(Object.values(before).flat().filter((url) => ENGLISH_FILE.test(new URL(url).pathname))).toEqual([]);
	expect(Object.values(before).flat().length).toBeGreaterThan(5);

	// the app's code holds none of the English (a message, a catalog text), the English file all of it
	const english = ['Civil registration from your phone', 'Lost or damaged family card (KK)'];
	const code = await page.evaluate(async () => {
		const out: Record<string, string> = {};
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) if (/\.js(\?|$)/.test(request.url)) out[request.url] = await (await cache.match(request))!.text();
		}
		return out;
	});
	expect(Object.keys(code).length).toBeGreaterThan(3);
	for (const [url, text] of Object.entries(code)) for (const sample of english) expect(text.includes(sample), `${sample} in ${url}`).toBe(false);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');
	const kept = (await cachedUrls(page))['dukcapil-english'] ?? [];
	const file = await page.evaluate((url) => fetch(url).then((response) => response.text()), kept[0]);
	for (const sample of english) expect(file).toContain(sample);
	expect(kept).toHaveLength(1);
	expect(new URL(kept[0]).pathname).toMatch(ENGLISH_FILE);

	// offline: the messages and the catalog's texts in English, from the phone
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');
	await page.goto('/layanan');
	await expect(page.getByText('Lost or damaged family card (KK)')).toBeVisible();
	await expect(page.getByText('Kartu Keluarga (KK) hilang atau rusak')).toHaveCount(0);
	await page.goto('/layanan/kk-hilang');
	await expect(page.getByText('Reissuing a lost or damaged family card with the same data.', { exact: false })).toBeVisible();
	await expectAccessible(page);
	await context.setOffline(false);

	// A new version of the worker (here: the same script at another address, which the browser
	// installs as an update) on a phone with English fetches its English file while installing, and
	// drops the old version's once it is in charge (the update prompt's "reload now" asks it to be).
	await page.evaluate(async () => {
		const cache = await caches.open('dukcapil-english');
		for (const request of await cache.keys()) await cache.delete(request);
		await cache.put('/_app/immutable/chunks/english.OLDVERSION.js', new Response('export const messages = [];', { headers: { 'Content-Type': 'text/javascript' } }));
		const registration = await navigator.serviceWorker.register('/service-worker.js?version=next', { type: 'module' });
		const worker = registration.installing ?? registration.waiting;
		if (!worker) throw new Error('the browser did not install the new version');
		await new Promise<void>((resolve) => {
			const check = () => {
				if (worker.state === 'installed') worker.postMessage({ type: 'SKIP_WAITING' });
				if (worker.state === 'activated') resolve();
			};
			worker.addEventListener('statechange', check);
			check();
		});
	});
	// the app opens again in the new version (lib/pwa/register.svelte.ts), in English
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lost or damaged family card (KK)');
	await expect
		.poll(async () => ((await cachedUrls(page))['dukcapil-english'] ?? []).map((url) => new URL(url).pathname))
		.toEqual([new URL(kept[0]).pathname]);
});

test('offline, a phone that never had English says so in both languages and stays in Indonesian', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();

	await page.getByRole('button', { name: 'English' }).click();
	const notice = page.getByTestId('english-unavailable');
	await expect(notice).toContainText('Bahasa Inggris belum tersimpan di ponsel ini');
	await expect(notice.locator('[lang="en"]')).toHaveText(/^English is not on this phone yet/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan kependudukan dari ponsel Anda');
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expectAccessible(page);

	// set to English (e.g. the kept file is gone): it opens in Indonesian, says why, keeps the choice
	await page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan kependudukan dari ponsel Anda');
	await expect(page.getByTestId('english-unavailable')).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('PARAGLIDE_LOCALE'))).toBe('en');

	// online again, English comes with the next choice
	await context.setOffline(false);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');
	expect((await phoneStorage(page)).caches['dukcapil-english']).toHaveLength(1);
});

test('a window in Indonesian stays whole while another window of the app switches to English', async ({ page, context }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan kependudukan dari ponsel Anda');
	const other = await context.newPage();
	const otherProblems: string[] = [];
	other.on('pageerror', (error) => otherProblems.push(error.message));
	await other.goto('/');
	await other.getByRole('button', { name: 'English' }).click();
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');

	// the first window, which never loaded English, goes on in Indonesian (the fixture fails the
	// test on any error of this page): to another page, and back
	await page.getByRole('link', { name: 'Layanan', exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan');
	await expect(page.getByText('Kartu Keluarga (KK) hilang atau rusak')).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan kependudukan dari ponsel Anda');
	// and opens in English at its next start, as the phone is now set
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');
	expect(otherProblems).toEqual([]);
	await other.close();
});
