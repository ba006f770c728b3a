import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { expect, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

/** The token of the sign-in kept on the phone ('' when there is none). */
const storedToken = (page: import('@playwright/test').Page) =>
	page.evaluate(() => (JSON.parse(localStorage.getItem('pocketbase_auth') ?? 'null')?.token as string | undefined) ?? '');

// A sign-in refresh whose reply is cut off (the page navigates on while it arrives) or is not the
// server's (a Wi-Fi login page) once left the phone signed in as nobody: the resident's own
// application answered "Halaman tidak ditemukan" (lib/pb/replies).
test('the sign-in survives refreshes cut off by quick navigation or answered by a Wi-Fi login page', async ({ page, context, baseURL }) => {
	test.setTimeout(120_000);
	const resident = await signInOnline(page, baseURL!, 'Siti Rahmawati');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
	const receipt = async () => {
		await page.goto(`/permohonan/${sent.id}`);
		await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });
	};
	await receipt();

	// Each page starts a refresh; the next goto leaves before its reply has arrived.
	for (let round = 0; round < 3; round++) {
		for (const path of ['/permohonan', '/notifikasi', '/akun', '/kunjungan']) {
			await page.goto(path);
			await expect(page.locator('h1').first()).toBeVisible();
		}
		await receipt();
	}

	// A Wi-Fi login page answers instead of the server.
	await context.route('**/api/collections/users/auth-refresh', (route) =>
		route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Login Wi-Fi</title><h1>Masuk ke Wi-Fi</h1>' })
	);
	const portal = page.waitForResponse('**/api/collections/users/auth-refresh');
	await page.goto('/akun');
	await portal;
	await expect(page.getByTestId('account-details')).toContainText(resident.name);
	expect(await storedToken(page)).not.toBe('');
	await context.unroute('**/api/collections/users/auth-refresh');
	await receipt();
});
