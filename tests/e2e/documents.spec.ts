import { ktpGanti } from '../../src/lib/catalog/services/ktp-ganti';
import { validIdCardReplacement } from '../../src/lib/catalog/services/ktp-ganti.fixtures';
import { aktaKelahiran } from '../../src/lib/catalog/services/akta-kelahiran';
import { expect, expectAccessible, signInOnline, test } from './support';
import { documentPhoto, expectStep, fillAllSteps, fillStep, startService } from './journey';

test('documents: a dark photo is flagged with an offer to retake, a wrong file is refused, a PDF is kept', async ({ page, context, baseURL }) => {
	await signInOnline(page, baseURL!, 'Dewi Lestari');
	const dark = await page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 1600;
		canvas.height = 1200;
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#0b0b0b';
		context.fillRect(0, 0, 1600, 1200);
		context.fillStyle = '#1c1c1c';
		context.font = '40px sans-serif';
		for (let line = 0; line < 20; line++) context.fillText('Tulisan yang hampir tidak terlihat di tempat gelap', 100, 120 + line * 50);
		return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
	});
	const good = await documentPhoto(page, 'KARTU KELUARGA', 1600, 1200);
	await context.setOffline(true);

	await startService(page, ktpGanti);
	await fillAllSteps(page, ktpGanti, validIdCardReplacement);
	await expectAccessible(page);

	// A dark photo: kept, but flagged, with "retake" and "keep".
	const kk = page.getByTestId('document-kk');
	await kk.locator('#f-doc-kk').setInputFiles({ name: 'kk.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(dark, 'base64') });
	await expect(kk.getByRole('alert')).toContainText('terlalu gelap');
	await expect(kk.getByRole('button', { name: 'Ambil ulang foto' })).toBeVisible();
	await expectAccessible(page);
	// Retaking replaces it, and the warning goes.
	const chooser = page.waitForEvent('filechooser');
	await kk.getByRole('button', { name: 'Ambil ulang foto' }).click();
	await (await chooser).setFiles({ name: 'kk-2.jpg', mimeType: 'image/jpeg', buffer: good });
	await expect(kk.getByRole('alert')).toHaveCount(0);
	await expect(kk.getByTestId('document-attached')).toBeVisible();

	// A web page renamed .jpg is refused by its content, with what is accepted.
	const card = page.getByTestId('document-ktp-el-rusak');
	await card.locator('#f-doc-ktp-el-rusak-file').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><body>bukan foto</body></html>') });
	await expect(card.locator('.error-message')).toContainText('Gunakan foto (JPEG, PNG, atau WebP) atau berkas PDF');
	await expect(card.getByTestId('document-attached')).toHaveCount(0);
	await expectAccessible(page);

	// A PDF is kept as it is.
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
	await card.locator('#f-doc-ktp-el-rusak-file').setInputFiles({ name: 'ktp-rusak.pdf', mimeType: 'application/pdf', buffer: pdf });
	await expect(card.getByText('Berkas PDF')).toBeVisible();
	await expect(card.getByTestId('document-attached')).toContainText(`${pdf.length} B`);
});

test('a birth reported after 60 days gets a notice, not a refusal', async ({ page, baseURL }) => {
	await signInOnline(page, baseURL!, 'Dewi Lestari');
	await startService(page, aktaKelahiran);
	await fillStep(page, aktaKelahiran.steps[0], { reporter_relation: 'mother', on_behalf: 'no' });
	await page.getByRole('button', { name: 'Lanjutkan' }).click();
	await expectStep(page, aktaKelahiran.steps[1]);
	await page.locator('#f-birth_date').fill('2026-01-05');
	await expect(page.getByRole('note')).toContainText('lebih dari 60 hari');
	await expectAccessible(page);
	await page.locator('#f-birth_date').fill('2026-11-20');
	await expect(page.getByRole('note')).toHaveCount(0);
});
