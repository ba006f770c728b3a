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

/** What the navigation's controls look like on screen: the ones shown, and those cut off, each with why. */
interface NavFit {
	shown: string[];
	cut: string[];
}

/**
 * navFit measures every link and button of the main navigation that is shown: each must lie inside
 * the viewport and inside every ancestor that clips or scrolls (a menu that scrolls inside itself
 * keeps the page's scrollWidth at 0 and still hides its last link), and its own text must not
 * overflow it.
 */
async function navFit(page: Page, name: string): Promise<NavFit> {
	return page.getByRole('navigation', { name }).evaluate((nav) => {
		const fit: NavFit = { shown: [], cut: [] };
		const inside = (box: DOMRect, left: number, right: number, top: number, bottom: number) =>
			box.left >= left - 0.5 && box.right <= right + 0.5 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
		for (const item of nav.querySelectorAll<HTMLElement>('a, button')) {
			const box = item.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue; // not shown (a closed menu)
			const label = item.textContent?.trim() ?? '';
			fit.shown.push(label);
			if (!inside(box, 0, document.documentElement.clientWidth, -Infinity, Infinity)) fit.cut.push(`${label}: outside the viewport (${box.left}–${box.right})`);
			for (let parent = item.parentElement; parent && parent !== document.documentElement; parent = parent.parentElement) {
				const style = getComputedStyle(parent);
				if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
				const clip = parent.getBoundingClientRect();
				if (!inside(box, clip.left, clip.right, clip.top, clip.bottom)) fit.cut.push(`${label}: clipped by <${parent.tagName.toLowerCase()} class="${parent.className}">`);
			}
			if (item.scrollWidth > item.clientWidth + 1) fit.cut.push(`${label}: its text overflows it (${item.scrollWidth} > ${item.clientWidth})`);
		}
		return fit;
	});
}

const NAVIGATION = {
	id: { label: 'Menu utama', links: ['Layanan', 'Permohonan saya', 'Notifikasi', 'Akun'], account: 'Akun' },
	en: { label: 'Main menu', links: ['Services', 'My applications', 'Notifications', 'Account'], account: 'Account' }
} as const;

async function chooseLanguage(page: Page, locale: 'id' | 'en'): Promise<void> {
	await page.goto('/');
	if (locale === 'en') {
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
}

for (const locale of ['id', 'en'] as const) {
	const { label, links, account } = NAVIGATION[locale];

	test(`${locale}: at 360 and 180 px the navigation is one "Menu" button that opens with the keyboard, and no link is cut off`, async ({ page }) => {
		await chooseLanguage(page, locale);
		for (const [width, height] of [
			[360, 740],
			[180, 640]
		]) {
			await page.setViewportSize({ width, height });
			await page.goto('/');
			const nav = page.getByRole('navigation', { name: label });
			const toggle = nav.getByRole('button', { name: 'Menu' });
			// the SPA renders after its script: measure the menu once it is there
			await expect(toggle).toBeVisible();
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await expect(nav.getByRole('link')).toHaveCount(0);
			const header = await page.locator('.site-header').boundingBox();
			expect(header!.height, `header at ${width} px`).toBeLessThan(height * 0.25);
			expect(await navFit(page, label)).toEqual({ shown: ['Menu'], cut: [] });

			await toggle.focus();
			await page.keyboard.press('Enter');
			await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			await expect(nav.getByRole('link')).toHaveText([...links]);
			const open = await navFit(page, label);
			expect(open.cut, `cut off at ${width} px`).toEqual([]);
			expect(open.shown).toEqual(['Menu', ...links]);
			expect(await overflow(page)).toBe(0);
			if (width === 360) await expectAccessible(page);

			await page.keyboard.press('Tab');
			await expect(nav.getByRole('link', { name: links[0] })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await expect(toggle).toBeFocused();

			await toggle.click();
			await nav.getByRole('link', { name: account }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(account);
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		}
	});

	test(`${locale}: on a wider screen the links stand in a row that wraps, none cut off, without a menu button`, async ({ page }) => {
		await chooseLanguage(page, locale);
		// just wider than the menu's breakpoint (40rem), where the row is tightest, and a desktop
		for (const width of [660, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/');
			const nav = page.getByRole('navigation', { name: label });
			await expect(nav.getByRole('link')).toHaveText([...links]);
			await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
			expect(await navFit(page, label)).toEqual({ shown: [...links], cut: [] });
			expect(await overflow(page)).toBe(0);
		}
	});
}

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
