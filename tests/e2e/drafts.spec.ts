import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ktpGanti } from '../../src/lib/catalog/services/ktp-ganti';
import { api, expect, expectAccessible, newResident, test, waitForServiceWorker } from './support';
import { expectStep, startService } from './journey';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';

const chromiumOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

test('a draft survives a killed browser and days offline, and can be resumed or deleted', async ({ playwright, baseURL }) => {
	const resident = newResident('Yohanes Kurniawan');
	expect((await api.createResident(baseURL!, resident)).status).toBe(200);
	const profile = mkdtempSync(join(tmpdir(), 'dukcapil-profile-'));
	try {
		// First run: sign in online, start a KTP-el replacement, answer the first step, then the browser is killed.
		let browser = await playwright.chromium.launchPersistentContext(profile, { ...chromiumOptions, baseURL });
		let page = await browser.newPage();
		await page.goto('/akun/masuk');
		await page.getByLabel('Email').fill(resident.email);
		await page.getByLabel('Kata sandi').fill(resident.password);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByTestId('signed-in-as')).toBeVisible();
		await waitForServiceWorker(page);
		await browser.setOffline(true);
		await startService(page, ktpGanti);
		await page.locator('input[type="radio"][name="loss_kind"][value="damaged"]').check();
		await page.getByRole('button', { name: 'Lanjutkan' }).click();
		await expectStep(page, ktpGanti.steps[1]);
		await browser.close();

		// Second run, offline from the start, days later: the draft is there, on the step it was left at.
		browser = await playwright.chromium.launchPersistentContext(profile, { ...chromiumOptions, baseURL, offline: true });
		page = await browser.newPage();
		const response = await page.goto('/permohonan');
		expect(response?.fromServiceWorker()).toBe(true);
		const drafts = page.getByTestId('draft-list');
		await expect(drafts).toContainText('KTP-el hilang atau rusak');
		await expectAccessible(page);
		await drafts.getByRole('link', { name: /Lanjutkan/ }).click();
		await expectStep(page, ktpGanti.steps[1]);
		await page.getByRole('link', { name: 'Kembali' }).click();
		await expect(page.locator('input[type="radio"][name="loss_kind"][value="damaged"]')).toBeChecked();

		// Deleting asks first, then the draft is gone.
		await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan saya' }).click();
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: /Hapus draf/ }).click();
		await expect(page.getByTestId('draft-list')).toHaveCount(0);
		await expect(page.getByText('Belum ada permohonan.')).toBeVisible();
		await browser.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
