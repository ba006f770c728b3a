import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, expectAccessible, phoneStorage, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// Signing out without a connection, and ending every session of an account.

test('offline: "sign out everywhere" is refused truthfully and keeps everything; sign-out wipes the phone and says so', async ({ page, context, baseURL }) => {
	const a = await signInOnline(page, baseURL!, 'Warga Luring');
	const photo = await documentPhoto(page, 'DOKUMEN', 400, 300);
	const [sent] = await seedOutbox(page, a.id, [
		{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }
	]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	await page.goto('/akun');
	await context.setOffline(true);
	// Ending the sessions on other devices needs the server: refused, and nothing changes here.
	await page.getByRole('button', { name: 'Akhiri sesi di semua perangkat' }).click();
	await expect(page.getByRole('alert')).toHaveText('Anda sedang luring. Coba lagi saat ada sinyal.');
	await expect(page.getByTestId('account-details')).toContainText(a.email);
	const kept = await phoneStorage(page);
	expect(kept.tables.applications.filter((row) => row.includes(sent.id))).toHaveLength(1);

	// Signing out of this phone needs no server: it wipes the phone and says so.
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	const done = page.getByTestId('signed-out');
	await expect(done).toHaveText('Anda sudah keluar. Semua data Anda sudah dihapus dari ponsel ini.');
	await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible();
	await expectAccessible(page);
	const stored = await phoneStorage(page);
	const traces = [a.id, a.email, a.nik, sent.id, ...sent.documents.map((d) => d.id)];
	for (const [table, rows] of Object.entries(stored.tables)) {
		for (const trace of traces) expect(rows.filter((row) => row.includes(trace)), `${table} holds ${trace}`).toEqual([]);
	}
	for (const urls of Object.values(stored.caches)) expect(urls.filter((url) => url.includes('/api/'))).toEqual([]);
	expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes('token')))).toEqual([]);

	// Still offline, the app opens signed out, and A's application is not found.
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
	await context.setOffline(false);
});

test('"sign out everywhere" ends the sessions of other devices on the server', async ({ page, baseURL }) => {
	const a = await signInOnline(page, baseURL!, 'Warga Dua Ponsel');
	// A second device of the same resident: its own session.
	const other = await api.signIn(baseURL!, a.email, a.password);
	const refresh = (token: string) => fetch(`${baseURL}/api/collections/users/auth-refresh`, { method: 'POST', headers: { authorization: token } });
	expect((await refresh(other.token)).status).toBe(200);
	const ownToken = await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').token as string);
	expect(ownToken).toBeTruthy();

	await page.goto('/akun');
	await page.getByRole('button', { name: 'Akhiri sesi di semua perangkat' }).click();
	await expect(page.getByTestId('signed-out')).toContainText('Anda sudah keluar.');
	await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible();

	// Neither the other device's token nor this phone's works any more; the password still does.
	expect((await refresh(other.token)).status).toBe(401);
	expect((await refresh(ownToken)).status).toBe(401);
	await api.signIn(baseURL!, a.email, a.password);
});
