import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// The app follows the server in realtime while it is open, but the server keeps nothing for a client
// that is not (yet) subscribed: what changes before the subscription takes hold, or while a dropped
// connection is being made again, must come with a pull right after (src/lib/sync/sync.svelte.ts).

test('a status change made while the app was still subscribing arrives at once, not at the next periodic sync', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const resident = await signInOnline(page, baseURL!, 'Warga Sembilan');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	// The app opens again; its subscription request is held until the office has changed the status.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let holding = false;
	await page.route('**/api/realtime', async (route) => {
		if (route.request().method() === 'POST' && !holding) {
			holding = true;
			await held;
		}
		await route.continue();
	});
	await page.reload();
	await expect.poll(() => holding, { timeout: 20_000 }).toBe(true);
	// the start's own sync is over (it could have brought the change otherwise)
	await expect(page.getByTestId('sync-indicator')).toHaveText('Semua terkirim');

	const staff = await api.staff(baseURL!);
	const headers = { authorization: staff.token, 'content-type': 'application/json' };
	expect((await fetch(`${baseURL}/api/office/intake`, { method: 'POST', headers })).status).toBe(200);
	const revision = await fetch(`${baseURL}/api/collections/applications/records/${sent.id}`, {
		method: 'PATCH',
		headers,
		body: JSON.stringify({ status: 'needs_revision', staff_note: 'Foto KK buram, mohon unggah ulang.' })
	});
	expect(revision.status, await revision.clone().text()).toBe(200);
	release();

	// the periodic sync is minutes away: only the catch-up after subscribing brings it this soon
	await expect(page.getByRole('heading', { name: 'Status: Perlu perbaikan' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText('Foto KK buram, mohon unggah ulang.').first()).toBeVisible();
});
