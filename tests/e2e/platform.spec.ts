import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, signInToDashboard, test, waitForServiceWorker } from './support';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';

test.describe('the one server', () => {
	test('answers health, and serves the app with strict headers', async ({ request }) => {
		expect((await request.get('/api/health')).status()).toBe(200);

		const page = await request.get('/');
		expect(page.status()).toBe(200);
		const csp = page.headers()['content-security-policy'];
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(page.headers()['x-content-type-options']).toBe('nosniff');
		expect(page.headers()['referrer-policy']).toBeTruthy();
		expect(page.headers()['cache-control']).toContain('no-cache');

		// Client routes fall back to index.html, with the same headers.
		const route = await request.get('/akun/masuk');
		expect(route.status()).toBe(200);
		expect(await route.text()).toContain('<!doctype html>');
		expect(route.headers()['content-security-policy']).toBe(csp);

		for (const path of ['/service-worker.js', '/manifest.webmanifest']) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control'], path).toContain('no-cache');
		}
		const html = await page.text();
		const asset = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
		expect(asset).toBeTruthy();
		const immutable = await request.get(asset!);
		expect(immutable.headers()['cache-control']).toContain('immutable');
		expect(immutable.headers()['cache-control']).toContain('max-age=31536000');
		expect((await request.get('/_app/immutable/nope.js')).status()).toBe(404);
	});

	test('the web manifest is complete and Chromium finds the app installable', async ({ playwright, request, baseURL }) => {
		const manifest = await (await request.get('/manifest.webmanifest')).json();
		expect(manifest.name).toBe('Dukcapil Daring Kota Balikpapan');
		expect(manifest.short_name).toBe('Dukcapil');
		expect(manifest.lang).toBe('id');
		expect(manifest.theme_color).toMatch(/^#/);
		const purposes = manifest.icons.map((icon: { purpose?: string }) => icon.purpose ?? 'any');
		expect(purposes).toContain('maskable');
		expect(purposes).toContain('any');
		for (const icon of manifest.icons) expect((await request.get(`/${icon.src}`)).status()).toBe(200);

		// Chromium never offers installation in an incognito context, which Playwright's contexts are:
		// this check needs a persistent profile.
		const profile = mkdtempSync(join(tmpdir(), 'dukcapil-profile-'));
		const context = await playwright.chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		});
		try {
			const page = await context.newPage();
			await page.goto(baseURL!);
			await waitForServiceWorker(page);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});

	test('every page of the shell is accessible and navigable', async ({ page }) => {
		await page.goto('/');
		await expectAccessible(page);
		const nav = page.getByRole('navigation', { name: 'Menu utama' });
		for (const [name, heading] of [
			['Layanan', 'Layanan'],
			['Permohonan saya', 'Permohonan saya'],
			['Notifikasi', 'Notifikasi'],
			['Akun', 'Akun']
		]) {
			await nav.getByRole('link', { name }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
			await expectAccessible(page);
		}
		await page.goto('/pasang');
		await expect(page.getByTestId('ios-instructions')).toContainText('Tambah ke Layar Utama');
		await expectAccessible(page);
		await page.goto('/akun/daftar');
		await expectAccessible(page);
		await page.goto('/tidak-ada');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
		await expectAccessible(page);
	});

	test('the language can be switched to English and is remembered', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'id');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Civil registration from your phone');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.reload();
		await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layanan kependudukan dari ponsel Anda');
	});

	test('iPhone users are told how to add the app to the Home Screen', async ({ browser, baseURL }) => {
		const context = await browser.newContext({
			baseURL,
			userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
			viewport: { width: 390, height: 844 },
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto('/');
		const hint = page.getByTestId('ios-install-hint');
		await expect(hint).toContainText('Tambahkan aplikasi ini ke Layar Utama');
		await hint.getByRole('link', { name: 'Caranya' }).click();
		await expect(page.getByTestId('ios-instructions')).toContainText('Tambah ke Layar Utama');
		await expect(page.getByTestId('ios-instructions')).toContainText('iOS 16.4');
		await expectAccessible(page);
		await context.close();
	});

	test('staff sign in to the PocketBase dashboard with a password and an e-mailed code', async ({ page }) => {
		// The helper goes through both steps: after the password the dashboard asks for the code that
		// the server e-mailed (and fails if it does not); one sign-in, as staff sign-ins are rate limited.
		await signInToDashboard(page);
		await expect(page.getByText('applications', { exact: true }).first()).toBeVisible();
	});
});
