import type { Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, expectAccessible, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

/** overflow is how many CSS pixels the page scrolls sideways (0 when nothing overflows). */
function overflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.locator('h1').first()).toBeVisible();
	expect(await overflow(page), `${path} scrolls sideways at ${page.viewportSize()?.width} px`).toBe(0);
}

test('at 360 px the navigation is one row and the header leaves the first screen to the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Menu utama' });
	// the SPA renders after its script: measure the menu once it is there
	await expect(nav.getByRole('link').first()).toBeVisible();
	const tops = await nav.getByRole('link').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
	expect(new Set(tops).size, `nav rows at ${tops}`).toBe(1);
	const header = await page.locator('.site-header').boundingBox();
	expect(header!.height).toBeLessThan(740 * 0.3);
	expect(await overflow(page)).toBe(0);
});

test('at 200 % zoom (a 180 px viewport) no page scrolls sideways, and the new pages pass axe', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	for (const path of ['/', '/layanan', '/layanan/akta-kelahiran', '/layanan/ktp-rekam', '/akun/masuk', '/akun/daftar', '/pasang']) {
		await page.setViewportSize({ width: 180, height: 640 });
		await expectNoSidewaysScroll(page, path);
	}

	await page.setViewportSize({ width: 1000, height: 800 });
	const resident = await signInOnline(page, baseURL!, 'Muhammad Rizky Kependudukan');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	await page.setViewportSize({ width: 180, height: 640 });
	for (const path of ['/permohonan', '/notifikasi', '/akun', '/kunjungan', `/permohonan/${sent.id}`]) await expectNoSidewaysScroll(page, path);

	// Sent back by the office: the application page, and the correction's pages.
	const staff = await api.staff(baseURL!);
	const back = await fetch(`${baseURL}/api/collections/applications/records/${sent.id}`, {
		method: 'PATCH',
		headers: { authorization: staff.token, 'content-type': 'application/json' },
		body: JSON.stringify({ status: 'needs_revision', staff_note: 'Foto surat keterangan kelahiran buram; mohon difoto ulang di tempat terang.' })
	});
	expect(back.status, await back.clone().text()).toBe(200);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('staff-note')).toBeVisible({ timeout: 30_000 });
	expect(await overflow(page)).toBe(0);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Perbaiki permohonan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Periksa jawaban Anda');
	expect(await overflow(page)).toBe(0);
	await expectAccessible(page);
	for (const path of [`/permohonan/${sent.id}/dokumen`, `/permohonan/${sent.id}/langkah/bayi`]) {
		await expectNoSidewaysScroll(page, path);
		await expectAccessible(page);
	}
	await expect(page.locator('#f-baby_name')).toBeVisible();
});
