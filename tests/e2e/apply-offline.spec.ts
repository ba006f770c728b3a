import { aktaKelahiran } from '../../src/lib/catalog/services/akta-kelahiran';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { kkPerubahan } from '../../src/lib/catalog/services/kk-perubahan';
import { validFamilyCardChange } from '../../src/lib/catalog/services/kk-perubahan.fixtures';
import { pindahKeluar } from '../../src/lib/catalog/services/pindah-keluar';
import { validMoveOut } from '../../src/lib/catalog/services/pindah-keluar.fixtures';
import type { OnlineService } from '../../src/lib/catalog/types';
import type { Answers } from '../../src/lib/catalog/types';
import { expect, expectAccessible, signInOnline, test } from './support';
import { attachPhoto, documentPhoto, expectStep, fillAllSteps, fillStep, startService } from './journey';

// The catalog's example birth report.
const birth: Answers = validBirth;

const step = (id: string) => aktaKelahiran.steps.find((s) => s.id === id)!;

test('a birth certificate application with three photographed documents reaches the outbox, all offline', async ({ page, context, baseURL }) => {
	const resident = await signInOnline(page, baseURL!);
	const photos = {
		letter: await documentPhoto(page, 'SURAT KETERANGAN LAHIR'),
		marriage: await documentPhoto(page, 'BUKU NIKAH'),
		kk: await documentPhoto(page, 'KARTU KELUARGA')
	};
	await context.setOffline(true);

	await startService(page, aktaKelahiran);
	await expectAccessible(page);
	// The applicant is prefilled from the profile.
	await expect(page.locator('#f-reporter-nik')).toHaveValue(resident.nik);
	await expect(page.locator('#f-reporter-name')).toHaveValue(resident.name);

	// Sending the step empty shows the summary and the field messages.
	await page.locator('#f-reporter-name').fill('');
	await page.getByRole('button', { name: 'Lanjutkan' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada masalah');
	await expect(summary.getByRole('link', { name: 'Pilih hubungan pelapor dengan bayi' })).toBeVisible();
	await expect(page.locator('#f-reporter-name-error')).toContainText('Nama lengkap (Pelapor) wajib diisi');
	await expectAccessible(page);
	await fillStep(page, step('pelapor'), { ...birth, reporter: { nik: resident.nik, name: resident.name } });
	await page.getByRole('button', { name: 'Lanjutkan' }).click();

	// Half of the baby's step, then a reload: nothing is lost.
	await expectStep(page, step('bayi'));
	await page.locator('#f-baby_name').fill('Nur Aisyah');
	await page.locator('input[name="baby_sex"][value="F"]').check();
	await page.locator('#f-birth_date').fill('2026-11-20');
	await page.waitForTimeout(300);
	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expectStep(page, step('bayi'));
	await expect(page.locator('#f-baby_name')).toHaveValue('Nur Aisyah');
	await expect(page.locator('input[name="baby_sex"][value="F"]')).toBeChecked();
	await expect(page.locator('#f-birth_date')).toHaveValue('2026-11-20');
	await fillStep(page, step('bayi'), birth);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Lanjutkan' }).click();

	// An invalid NIK: the summary links to the field, with the field's message.
	await expectStep(page, step('orang-tua'));
	await fillStep(page, step('orang-tua'), { ...birth, mother: { ...(birth.mother as object), nik: '2071055205920002' } });
	await page.getByRole('button', { name: 'Lanjutkan' }).click();
	await expect(page.getByRole('alert')).toContainText('NIK (Ibu): dua angka pertama bukan kode provinsi yang berlaku');
	await expect(page.locator('#f-mother-nik-error')).toContainText('dua angka pertama bukan kode provinsi');
	await expectAccessible(page);
	await page.getByRole('alert').getByRole('link', { name: /NIK \(Ibu\)/ }).click();
	await expect(page.locator('#f-mother-nik')).toBeFocused();
	await page.locator('#f-mother-nik').fill('6471055205920002');
	await page.getByRole('button', { name: 'Lanjutkan' }).click();

	for (const id of ['keterangan', 'alamat']) {
		await expectStep(page, step(id));
		await fillStep(page, step(id), birth);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Lanjutkan' }).click();
	}

	// Two of the three documents, then try to send: the missing one blocks it.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto dokumen');
	await attachPhoto(page, 'surat-kelahiran', 'Surat keterangan lahir', photos.letter);
	await attachPhoto(page, 'buku-nikah', 'Buku nikah atau akta perkawinan orang tua', photos.marriage);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Periksa jawaban Anda');
	await expect(page.getByTestId('check-document-surat-kelahiran')).toHaveText('surat-kelahiran.jpg');
	await page.getByLabel('Saya setuju dengan pernyataan ini').check();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByRole('alert')).toContainText('Lampirkan Kartu Keluarga (KK)');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Ubah Kartu Keluarga (KK)' }).click();
	await attachPhoto(page, 'kk', 'Kartu Keluarga (KK)', photos.kk);
	await page.getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click();
	await expect(page.getByText('Nur Aisyah').first()).toBeVisible();
	await page.getByLabel('Saya setuju dengan pernyataan ini').check();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();

	await expect(page.getByTestId('outbox-panel')).toContainText('Tersimpan di ponsel ini. Permohonan akan dikirim otomatis saat Anda daring.');
	await expect(page.getByTestId('processing-morning')).toContainText(/Akan diproses: \w+, \d+ \w+ 20\d\d, mulai pukul 07\.30 WITA/);
	await expectAccessible(page);

	// The outbox lists it, and the photos stayed on the phone at a legible size.
	await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan saya' }).click();
	await expect(page.getByTestId('outbox-list')).toContainText('Akta kelahiran');
	await expectAccessible(page);

	// The account page tells how much space the app uses on the phone.
	await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Akun' }).click();
	await expect(page.getByTestId('storage-use')).toContainText(/\d+(,\d)? (KB|MB) dipakai dari/);
	await expectAccessible(page);
	const stored = await page.evaluate(async () => {
		const open = indexedDB.open('dukcapil-daring');
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const documents: { kind: string; size: number; sha256: string; width: number; height: number }[] = await new Promise((resolve) => {
			const request = db.transaction('documents').objectStore('documents').getAll();
			request.onsuccess = () => resolve(request.result);
		});
		return documents.map(({ kind, size, sha256, width, height }) => ({ kind, size, sha256, width, height }));
	});
	expect(stored.map((d) => d.kind).sort()).toEqual(['buku-nikah', 'kk', 'surat-kelahiran']);
	for (const document of stored) {
		expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(Math.max(document.width, document.height)).toBe(2000);
		expect(document.size).toBeLessThan(500 * 1024);
	}
});

const otherServices: [OnlineService, Answers, string[]][] = [
	[kkPerubahan, validFamilyCardChange, ['kk', 'ijazah']],
	[pindahKeluar, validMoveOut, ['kk']]
];

for (const [service, answers, documents] of otherServices) {
	test(`a ${service.name.en.toLowerCase()} application reaches the outbox offline`, async ({ page, context, baseURL }) => {
		await signInOnline(page, baseURL!);
		const photo = await documentPhoto(page, service.name.id.toUpperCase(), 1600, 1200);
		await context.setOffline(true);

		await startService(page, service);
		await fillAllSteps(page, service, answers);
		await expectAccessible(page);
		for (const code of documents) {
			const name = (await page.getByTestId(`document-${code}`).locator('h2').innerText()).replace(/\s*(Wajib|Jika ada)$/, '');
			await attachPhoto(page, code, name, photo);
		}
		await page.getByRole('link', { name: 'Lanjut ke pemeriksaan' }).click();
		await expectAccessible(page);
		await page.getByLabel('Saya setuju dengan pernyataan ini').check();
		await page.getByRole('button', { name: 'Kirim permohonan' }).click();
		await expect(page.getByTestId('outbox-panel')).toContainText('Tersimpan di ponsel ini');
		await expect(page.getByTestId('processing-morning')).toContainText('07.30 WITA');
		await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan saya' }).click();
		await expect(page.getByTestId('outbox-list')).toContainText(service.name.id);
	});
}
