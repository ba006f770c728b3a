import type { Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, expectAccessible, signInOnline, signInToDashboard, test } from './support';
import { chooseStatus, DASHBOARD, editApplication, save, writeStaffNote } from './dashboard';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];
const PHONE = { width: 360, height: 740 };

/** staffGet reads a collection of the test server as staff. */
async function staffGet(baseURL: string, path: string): Promise<Record<string, unknown> & { items?: Record<string, unknown>[] }> {
	const staff = await api.staff(baseURL);
	const response = await fetch(`${baseURL}/api/collections/${path}`, { headers: { authorization: staff.token } });
	expect(response.status, await response.clone().text()).toBe(200);
	return response.json();
}

/** activeDocumentHash reads the SHA-256 of the application's current (not superseded) file of a kind on the phone. */
function activeDocumentHash(page: Page, applicationId: string, kind: string): Promise<string | null> {
	return page.evaluate(
		({ applicationId, kind }) =>
			new Promise<string | null>((resolve) => {
				const open = indexedDB.open('dukcapil-daring');
				open.onsuccess = () => {
					const request = open.result.transaction('documents').objectStore('documents').index('applicationId').getAll(applicationId);
					request.onsuccess = () => resolve(request.result.find((d) => d.kind === kind && !d.superseded)?.sha256 ?? null);
				};
			}),
		{ applicationId, kind }
	);
}

/** sendBirth sends a birth application from the phone and waits until the office has it; returns its id and receipt number. */
async function sendBirth(page: Page, owner: string, answers: Record<string, unknown> = validBirth) {
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, owner, [{ service: 'akta-kelahiran', answers, documents: KINDS.map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	return sent;
}

test('staff send an application back in the dashboard; the resident corrects it offline and it arrives as revision 1', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(180_000);
	await page.setViewportSize(PHONE);
	const resident = await signInOnline(page, baseURL!, 'Siti Rahmawati');
	const sent = await sendBirth(page, resident.id);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });
	const reference = (await page.getByTestId('reference').textContent())!.match(/BPN-[\w-]+/)![0];

	// Staff send it back straight from "submitted", with a note, in one save in the real dashboard.
	const office = await browser.newContext({ baseURL });
	const dashboard = await office.newPage();
	try {
		await signInToDashboard(dashboard);
		const panel = await editApplication(dashboard, sent.id, 'submitted');
		await chooseStatus(panel, 'needs_revision');
		await writeStaffNote(panel, 'Foto KK buram, mohon foto ulang. Nama bayi salah ketik.');
		await save(dashboard, panel);
	} catch (error) {
		await office.close();
		throw error;
	}

	// The phone shows the note and the way forward.
	await expect(page.getByTestId('staff-note')).toContainText('Foto KK buram', { timeout: 30_000 });
	await expect(page.getByTestId('current-status')).toHaveText('Status: Perlu perbaikan');
	await expectAccessible(page);

	// Offline, the resident corrects one answer and replaces one document.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Perbaiki permohonan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Periksa jawaban Anda');
	await expect(page.getByTestId('correction-lead')).toBeVisible();
	await page.getByRole('link', { name: 'Ubah Nama bayi' }).click();
	await page.locator('#f-baby_name').fill('Putri Ayu Lestari');
	await page.getByRole('button', { name: 'Lanjutkan' }).click();
	await expect(page.getByTestId('changed-baby_name')).toHaveText('Diubah');

	await page.getByRole('link', { name: 'Ubah Kartu Keluarga (KK)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto dokumen');
	const kk = page.getByTestId('document-kk');
	await expect(kk.getByRole('button', { name: /^Ambil foto/ })).toHaveCount(0); // one page attached, one more allowed
	await expectAccessible(page);
	const sharper = await documentPhoto(page, 'KARTU KELUARGA TAJAM', 900, 640);
	const chooser = page.waitForEvent('filechooser');
	await kk.getByRole('button', { name: /^Ganti Kartu Keluarga/ }).click();
	await (await chooser).setFiles({ name: 'kk-tajam.jpg', mimeType: 'image/jpeg', buffer: sharper });
	await expect(kk.getByTestId('document-page')).toHaveCount(1);
	await expect(kk.getByRole('status')).toHaveCount(0, { timeout: 30_000 });
	await page.getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click();
	await expect(page.getByTestId('new-document-kk')).toHaveText('Baru');
	await expectAccessible(page);
	await page.getByLabel('Saya setuju dengan pernyataan ini').check();
	await page.getByRole('button', { name: 'Kirim perbaikan' }).click();

	// Until the server confirms, the phone says the correction is not sent: never "everything sent".
	await expect(page.getByTestId('outbox-panel')).toContainText('Perbaikan belum terkirim');
	await expect(page.getByText('Semua terkirim')).toHaveCount(0);
	await expectAccessible(page);
	const newHash = await activeDocumentHash(page, sent.id, 'kk');

	// Online again: the engine resubmits, and the office has revision 1 under the same receipt number.
	await context.setOffline(false);
	await expect(page.getByTestId('current-status')).toHaveText('Status: Diterima kantor', { timeout: 45_000 });
	await expect(page.getByTestId('reference')).toContainText(reference);

	const server = await staffGet(baseURL!, `applications/records/${sent.id}`);
	expect(server).toMatchObject({ status: 'submitted', revision: 1, reference, staff_note: '' });
	expect((server.data as Record<string, unknown>).baby_name).toBe('Putri Ayu Lestari');
	expect(String(server.summary)).toContain('Putri Ayu Lestari');
	const documents = (await staffGet(baseURL!, `documents/records?perPage=50&filter=${encodeURIComponent(`application="${sent.id}"`)}`)).items!;
	const kkDocuments = documents.filter((d) => d.kind === 'kk');
	expect(kkDocuments.map((d) => d.superseded).sort()).toEqual([false, true]);
	expect(kkDocuments.find((d) => !d.superseded)?.sha256).toBe(newHash);
	const events = (await staffGet(baseURL!, `application_events/records?perPage=50&filter=${encodeURIComponent(`application="${sent.id}"`)}`)).items!;
	expect(events.filter((e) => e.from === 'needs_revision' && e.to === 'submitted')).toHaveLength(1);

	// In English, the inbox and the history read in English (the office's own note stays as written).
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByTestId('timeline')).toContainText('Correction received by the office');
	await page.goto('/notifikasi');
	await expect(page.getByTestId('notification-list')).toContainText('Needs correction: Birth certificate');

	// Staff read the corrected answer in the summary of the record, in the dashboard.
	try {
		const panel = await editApplication(dashboard, sent.id, 'submitted');
		await expect(panel.locator('.field-type-editor iframe').contentFrame().getByText('Putri Ayu Lestari')).toBeVisible(DASHBOARD);
	} finally {
		await office.close();
	}
});

test('an application the server refused is corrected at the field it named, and arrives', async ({ page, baseURL }) => {
	await page.setViewportSize(PHONE);
	const resident = await signInOnline(page, baseURL!, 'Dewi Lestari');
	// A phone with a wrong clock (or an older app) let a birth date in the future through.
	await sendBirth(page, resident.id, { ...validBirth, birth_date: '2999-01-01' });
	await expect(page.getByTestId('set-aside-panel')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('refusal-list')).toContainText('Tanggal lahir');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Perbaiki permohonan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bayi');
	await expect(page.locator('.form-group-error').filter({ has: page.locator('#f-birth_date') }).locator('.error-message')).toBeVisible();
	await expectAccessible(page);
	await page.locator('#f-birth_date').fill(String(validBirth.birth_date));
	await page.getByRole('button', { name: 'Lanjutkan' }).click();
	await page.goto(page.url().replace(/langkah\/.*$/, 'periksa'));
	await expect(page.getByTestId('changed-birth_date')).toBeVisible();
	await page.getByLabel('Saya setuju dengan pernyataan ini').check();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByTestId('current-status')).toHaveText('Status: Diterima kantor', { timeout: 30_000 });
	await expect(page.getByTestId('reference')).toContainText('BPN-');
});

test('a withdrawn application waits in the outbox offline and is cancelled on the server', async ({ page, context, baseURL }) => {
	await page.setViewportSize(PHONE);
	const resident = await signInOnline(page, baseURL!, 'Rudi Hartono');
	const sent = await sendBirth(page, resident.id);
	await expect(page.getByTestId('current-status')).toHaveText('Status: Diterima kantor', { timeout: 30_000 });

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Tarik permohonan' }).click();
	await expect(page.getByTestId('withdraw-confirm')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ya, tarik permohonan' }).click();
	await expect(page.getByTestId('outbox-panel')).toContainText('Penarikan belum terkirim');

	await context.setOffline(false);
	await expect(page.getByTestId('current-status')).toHaveText('Status: Dibatalkan', { timeout: 30_000 });
	expect((await staffGet(baseURL!, `applications/records/${sent.id}`)).status).toBe('cancelled');
});
