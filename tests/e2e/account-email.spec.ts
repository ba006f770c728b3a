import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, expectAccessible, mailLink, newResident, registerThroughUi, signInOnline, test, waitForResidentMail, waitForServiceWorker } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// The e-mails come from the real server through a real SMTP server (Mailpit), read back by its API.
const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];

test('an application sent before the e-mail is confirmed waits, and goes out once the link is opened', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const resident = newResident('Putri Ayu');
	const registered = Date.now();
	await registerThroughUi(page, { ...resident, nik: resident.nik.replace(/^(\d{4})(\d{2})/, '$1 $2.') });
	await expect(page.getByTestId('verify-notice')).toContainText(resident.email);
	await expectAccessible(page);
	await waitForServiceWorker(page);
	await page.goto('/akun');
	await expect(page.getByTestId('account-details')).toContainText(resident.nik);
	await expectAccessible(page);

	// Sent while unconfirmed: the office does not receive it; it waits in the outbox with the reason.
	const owner = await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').record?.id as string);
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [waiting] = await seedOutbox(page, owner, [{ service: 'akta-kelahiran', answers: validBirth, documents: KINDS.map((kind) => ({ kind, photo })) }]);
	await page.goto('/permohonan');
	const outbox = page.getByTestId('outbox-list');
	await expect(outbox).toContainText('Konfirmasi email Anda dulu', { timeout: 30_000 });
	await expect(page.getByTestId('verify-notice')).toBeVisible();
	await expectAccessible(page);
	const staff = await api.staff(baseURL!);
	const held = await fetch(`${baseURL}/api/collections/applications/records/${waiting.id}`, { headers: { authorization: staff.token } }).then((r) => r.json());
	expect(held.status).toBe('uploading');

	// The e-mail arrives; its link opens the app, which confirms the address and sends what waited.
	const mail = await waitForResidentMail(resident.email, /Konfirmasi email/, registered);
	expect(mail.HTML).toContain('Confirm email');
	await page.goto(mailLink(mail, `${baseURL}/akun/verifikasi?token=`));
	await expect(page.getByTestId('verify-done')).toBeVisible();
	await expectAccessible(page);
	await page.goto('/permohonan');
	await expect(page.getByTestId('received-list').getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
	await page.goto('/akun');
	await expect(page.getByTestId('email-verified')).toBeVisible();
	await expect(page.getByTestId('verify-notice')).toHaveCount(0);
});

test('forgot password: the e-mailed link sets a new password; the old one no longer works', async ({ page, baseURL }) => {
	const resident = newResident('Agus Salim');
	expect((await api.createResident(baseURL!, resident)).status).toBe(200);
	await page.goto('/akun/masuk');
	await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
	await expectAccessible(page);
	const asked = Date.now();
	await page.getByLabel('Email').fill(resident.email);
	await page.getByRole('button', { name: 'Kirim tautan' }).click();
	await expect(page.getByTestId('reset-sent')).toContainText(resident.email);

	const mail = await waitForResidentMail(resident.email, /Atur ulang kata sandi/, asked);
	const link = mailLink(mail, `${baseURL}/akun/sandi-baru?token=`);
	await page.goto(link);
	await expectAccessible(page);
	// whose password this is, for the password manager (hidden)
	await expect(page.locator('input[autocomplete="username"]')).toHaveValue(resident.email);
	const newPassword = `${resident.password}-baru`;
	await page.getByLabel('Kata sandi baru').fill(newPassword);
	await page.getByLabel('Ulangi kata sandi').fill(newPassword);
	await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
	await expect(page.getByTestId('reset-done')).toBeVisible();

	// The link works once.
	await page.goto(link);
	await page.getByLabel('Kata sandi baru').fill('lain-lagi-123');
	await page.getByLabel('Ulangi kata sandi').fill('lain-lagi-123');
	await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
	await expect(page.getByTestId('link-expired')).toContainText('kedaluwarsa');
	await expectAccessible(page);

	// The old password is refused; the new one signs in, with the NIK written with spaces.
	await page.goto('/akun/masuk');
	await page.getByLabel('NIK atau email').fill(resident.email);
	await page.getByLabel('Kata sandi').fill(resident.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('NIK/email atau kata sandi salah.');
	await page.getByLabel('NIK atau email').fill(resident.nik.replace(/(\d{4})(?=\d)/g, '$1 '));
	await page.getByLabel('Kata sandi').fill(newPassword);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('signed-in-as')).toHaveText(`Masuk sebagai ${resident.name}`);
});

test('the new account pages fit a 180 px screen and pass axe, a link without its token included', async ({ page }) => {
	await page.setViewportSize({ width: 180, height: 640 });
	for (const path of ['/akun/masuk', '/akun/lupa-sandi', '/akun/sandi-baru', '/akun/verifikasi']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		if (path !== '/akun/masuk' && path !== '/akun/lupa-sandi') await expect(page.getByTestId('link-expired')).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `${path} overflows`).toBeLessThanOrEqual(0);
		await expectAccessible(page);
	}
});

test('account care: name and phone change, the NIK cannot, a new password replaces the old one', async ({ page, baseURL }) => {
	const resident = await signInOnline(page, baseURL!, 'Dewi Sartika');
	// Chromium's own remarks on the forms (verbose "[DOM] …" entries of its log)
	const remarks: string[] = [];
	const cdp = await page.context().newCDPSession(page);
	cdp.on('Log.entryAdded', ({ entry }) => void (entry.text.startsWith('[DOM]') && remarks.push(entry.text)));
	await cdp.send('Log.enable');
	await page.goto('/akun');
	// The change-password form says whose password it is, for the password manager, without showing it.
	const username = page.locator('form:has(input[autocomplete="new-password"]) input[autocomplete="username"]');
	await expect(username).toHaveValue(resident.email);
	await expect(username).toBeHidden();
	await page.getByLabel('Nama lengkap').fill('Dewi Sartika Putri');
	await page.getByLabel('Nomor HP').fill('0813.1111.2222');
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page.getByTestId('profile-saved')).toBeVisible();
	await expect(page.getByTestId('account-details')).toContainText('Dewi Sartika Putri');
	await expect(page.getByTestId('account-details')).toContainText('081311112222');
	await expect(page.getByTestId('account-details')).toContainText('NIK tidak bisa diubah');

	const newPassword = `${resident.password}-2`;
	await page.getByLabel('Kata sandi sekarang').fill(resident.password);
	await page.getByLabel('Kata sandi baru').fill(newPassword);
	await page.getByLabel('Ulangi kata sandi').fill(newPassword);
	await page.getByRole('button', { name: 'Ubah kata sandi' }).click();
	await expect(page.getByTestId('password-saved')).toBeVisible();
	await expectAccessible(page);
	expect(remarks).toEqual([]);
	const old = await fetch(`${baseURL}/api/collections/users/auth-with-password`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ identity: resident.nik, password: resident.password })
	});
	expect(old.status).toBe(400);
	expect((await api.signIn(baseURL!, resident.nik, newPassword)).record.id).toBe(resident.id);
});
