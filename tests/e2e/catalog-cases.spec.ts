import { pindahKeluar } from '../../src/lib/catalog/services/pindah-keluar';
import { validMoveWithinCity } from '../../src/lib/catalog/services/pindah-keluar.fixtures';
import { aktaKematian } from '../../src/lib/catalog/services/akta-kematian';
import { validDeathAtHome } from '../../src/lib/catalog/services/akta-kematian.fixtures';
import { api, expect, expectAccessible, signInOnline, test } from './support';
import { attachPhoto, documentPhoto, expectStep, fillAllSteps, fillStep, startService } from './journey';

// The catalog asks what the office asks (issue 15): a move within Balikpapan is a change of
// address with a new KK, not an SKPWNI; the services pages name the documents residents know.

// One test changes an office setting on the shared server (catalog_settings are the office's, not a
// resident's): the tests of this file run one after another, so the others never see it changed.
test.describe.configure({ mode: 'default' });

/** The IndexedDB content of the application and its documents, as the sync engine will read it. */
async function stored(page: import('@playwright/test').Page) {
	return page.evaluate(async () => {
		const open = indexedDB.open('dukcapil-daring');
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = <T,>(store: string): Promise<T[]> =>
			new Promise((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as T[]);
			});
		const applications = await all<{ service: string; state: string; answers: Record<string, unknown> }>('applications');
		const documents = await all<{ kind: string }>('documents');
		return { applications: applications.map(({ service, state, answers }) => ({ service, state, scope: answers.destination_scope })), kinds: documents.map((d) => d.kind).sort() };
	});
}

test('a move within the city, offline, reaches the outbox with the KK and the owner\'s letter and no SKPWNI step', async ({ page, context, baseURL }) => {
	await signInOnline(page, baseURL!);
	const photos = { kk: await documentPhoto(page, 'KARTU KELUARGA', 1600, 1200), owner: await documentPhoto(page, 'SURAT PERNYATAAN PEMILIK RUMAH', 1600, 1200) };
	await context.setOffline(true);

	await startService(page, pindahKeluar);
	for (const step of pindahKeluar.steps) {
		await expectStep(page, step);
		await expect(page.getByRole('heading', { level: 1 })).not.toContainText('SKPWNI');
		await fillStep(page, step, validMoveWithinCity);
		if (step.id === 'tujuan') {
			// within the city: the new address in Balikpapan and the housing, none of the moving letter's questions
			await expect(page.locator('#f-destination_address-kecamatan')).toBeVisible();
			await expect(page.locator('input[name="destination_housing"][value="rent"]')).toBeChecked();
			for (const outside of ['destination_province', 'destination_city', 'destination_street']) await expect(page.locator(`#f-${outside}`)).toHaveCount(0);
			await expect(page.getByText('tidak perlu SKPWNI')).toBeVisible();
			await expectAccessible(page);
		}
		await page.getByRole('button', { name: 'Lanjutkan' }).click();
	}

	// Exactly the documents the office asks for a move within the city.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto dokumen');
	// each slot has a camera input (f-doc-<code>) and a file picker (f-doc-<code>-file)
	const slots = await page.locator('input[id^="f-doc-"]:not([id$="-file"])').evaluateAll((inputs) => inputs.map((input) => input.id.replace('f-doc-', '')));
	expect(slots).toEqual(['kk', 'surat-persetujuan-pemilik-rumah']);
	await attachPhoto(page, 'kk', 'Kartu Keluarga (KK) asal', photos.kk);
	await attachPhoto(page, 'surat-persetujuan-pemilik-rumah', 'Surat pernyataan tidak keberatan dari pemilik rumah', photos.owner);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Periksa jawaban Anda');
	await expect(page.getByText('Masih di Kota Balikpapan')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Saya setuju dengan pernyataan ini').check();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByTestId('outbox-panel')).toContainText('Tersimpan di ponsel ini');

	expect(await stored(page)).toEqual({
		applications: [{ service: 'pindah-keluar', state: 'outbox', scope: 'within' }],
		kinds: ['kk', 'surat-persetujuan-pemilik-rumah']
	});
	await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan saya' }).click();
	await expect(page.getByTestId('outbox-list')).toContainText(pindahKeluar.name.id);
});

test('the services pages name the documents and what helps, in Indonesian and in English', async ({ page }) => {
	await page.goto('/layanan');
	const help = page.getByTestId('services-help');
	await expect(help).toContainText('tidak perlu surat pengantar RT/RW');
	await expect(help).toContainText('Foto dokumen aslinya, bukan fotokopi');
	await expect(help).toContainText('surat kuasa');
	await expect(help).toContainText('KUA');
	await expectAccessible(page);

	await page.getByRole('link', { name: aktaKematian.name.id, exact: true }).click();
	const documents = page.getByTestId('service-documents');
	await expect(page.getByTestId('service-document-visum-puskesmas')).toContainText('Visum kematian dari puskesmas');
	await expect(page.getByTestId('service-document-visum-puskesmas')).toContainText('Jika meninggal di rumah');
	await expect(page.getByTestId('service-document-ktp-el-saksi-2')).toContainText('KTP-el saksi 2');
	await expect(page.getByTestId('service-document-surat-kuasa-ahli-waris')).toContainText('Jika pelapor bukan ahli waris');
	// the kelurahan's letter is not accepted by default (a setting of the office): its alternative is not listed
	await expect(page.getByTestId('service-document-surat-kematian-rumah')).toHaveCount(0);
	await expect(documents).toContainText('Foto makam almarhum');
	await expect(page.getByTestId('service-notes')).toContainText('visum dari puskesmas');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(aktaKematian.name.en);
	await expect(page.getByTestId('service-document-visum-puskesmas')).toContainText("The health centre's death report (visum), for a death at home");
	await expect(page.getByTestId('service-document-visum-puskesmas')).toContainText('If the death was at home');
	await expect(page.getByTestId('service-document-surat-kuasa-ahli-waris')).toContainText('Letter of authority from an heir');
	await expect(page.getByTestId('service-notes')).toContainText("Attach a photo of each witness's KTP-el.");
	await expectAccessible(page);

	await page.goto('/layanan/pindah-keluar');
	await expect(page.getByTestId('service-notes')).toContainText('A move within Balikpapan needs no SKPWNI');
	await expect(page.getByTestId('service-document-surat-persetujuan-pemilik-rumah')).toContainText('If you rent or stay with someone');
	await page.goto('/layanan');
	await expect(page.getByTestId('services-help')).toContainText('Photograph the original documents, not photocopies.');
	await expectAccessible(page);

	// nothing overflows on a 180 px wide screen
	await page.setViewportSize({ width: 180, height: 640 });
	for (const path of ['/layanan', '/layanan/akta-kematian', '/layanan/akta-perkawinan', '/layanan/pindah-keluar', '/layanan/pindah-datang']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(180);
	}
});

test('a setting the office confirms in the dashboard reaches the phone: a death at home then asks for the visum or the kelurahan\'s letter', async ({ page, context, baseURL }) => {
	const staff = await api.staff(baseURL!);
	const headers = { 'content-type': 'application/json', authorization: staff.token };
	const created = await fetch(`${baseURL}/api/collections/catalog_settings/records`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ name: 'home_death_letter', value: 'visum_or_kelurahan', note: 'E2E' })
	});
	expect(created.status, await created.clone().text()).toBe(200);
	const { id } = await created.json();
	try {
		// signing in online refreshes the settings; the phone then goes offline
		await signInOnline(page, baseURL!);
		await expect.poll(() => page.evaluate(() => localStorage.getItem('dukcapil-daring.catalog-settings'))).toContain('visum_or_kelurahan');
		await context.setOffline(true);
		await page.reload();
		await startService(page, aktaKematian);
		await fillAllSteps(page, aktaKematian, validDeathAtHome);
		const slots = await page.locator('input[id^="f-doc-"]:not([id$="-file"])').evaluateAll((inputs) => inputs.map((input) => input.id.replace('f-doc-', '')));
		expect(slots).toEqual(['surat-kematian-rumah', 'kk', 'ktp-el-almarhum', 'ktp-el', 'ktp-el-saksi-1', 'ktp-el-saksi-2']);
		await expect(page.getByTestId('document-surat-kematian-rumah')).toContainText('surat keterangan kematian dari kelurahan');
		await expectAccessible(page);
		// the services page names the letter the office now accepts
		await page.goto('/layanan/akta-kematian');
		await expect(page.getByTestId('service-document-surat-kematian-rumah')).toContainText('Jika meninggal di rumah');
		await expect(page.getByTestId('service-document-visum-puskesmas')).toHaveCount(0);
	} finally {
		await fetch(`${baseURL}/api/collections/catalog_settings/records/${id}`, { method: 'DELETE', headers });
	}
});
