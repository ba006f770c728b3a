import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { freePort, startTestServer } from '../../scripts/lib/test-server.js';
import { api, expect, newResident, signInOnline, test, waitForServiceWorker } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// The app follows the server in realtime while it is open, but the server keeps nothing for a client
// that is not (yet) subscribed: what changes before the subscription takes hold, or while a dropped
// connection is being made again, must come with a pull right after (src/lib/sync/sync.svelte.ts).

/**
 * holdSubscription holds the page's next realtime subscription request until `release` is called.
 * @returns whether one is being held, and its release
 */
async function holdSubscription(page: Page): Promise<{ holding: () => boolean; release: () => void }> {
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
	return { holding: () => holding, release };
}

test('a status change made while the app was still subscribing arrives at once, not at the next periodic sync', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const resident = await signInOnline(page, baseURL!, 'Warga Sembilan');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	// The app opens again; its subscription request is held until the office has changed the status.
	const subscription = await holdSubscription(page);
	await page.reload();
	await expect.poll(subscription.holding, { timeout: 20_000 }).toBe(true);
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
	subscription.release();

	// the periodic sync is minutes away: only the catch-up after subscribing brings it this soon
	await expect(page.getByRole('heading', { name: 'Status: Perlu perbaikan' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText('Foto KK buram, mohon unggah ulang.').first()).toBeVisible();
});

test('after the server restarts, a change made while the app was reconnecting arrives within seconds', async ({ page }) => {
	test.setTimeout(120_000);
	// a server of its own, restarted in the middle
	const own = { port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), 'dukcapil-realtime-e2e-')), staffEmail: 'staf.rt@balikpapan.dukcapil.test', staffPassword: randomBytes(12).toString('base64url'), quiet: true, requireVerifiedEmail: false };
	let server = await startTestServer(own);
	try {
		const origin = server.origin;
		const resident = newResident('Warga Sepuluh');
		const created = await api.createResident(origin, resident, { verified: false });
		expect(created.status).toBe(200);
		await page.goto(`${origin}/akun/masuk`);
		await page.getByLabel('Email').fill(resident.email);
		await page.getByLabel('Kata sandi').fill(resident.password);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByTestId('signed-in-as')).toBeVisible();
		await waitForServiceWorker(page);
		const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
		const [sent] = await seedOutbox(page, (await created.json()).id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
		await page.goto(`${origin}/permohonan/${sent.id}`);
		await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

		// The server goes away and comes back; the app's realtime connection is made again by the SDK,
		// and its new subscription is held until the office has changed the status.
		const subscription = await holdSubscription(page);
		await server.stop({ keepData: true });
		server = await startTestServer(own);
		await expect.poll(subscription.holding, { timeout: 30_000 }).toBe(true);
		const headers = { authorization: server.staffToken, 'content-type': 'application/json' };
		expect((await fetch(`${origin}/api/office/intake`, { method: 'POST', headers })).status).toBe(200);
		const revision = await fetch(`${origin}/api/collections/applications/records/${sent.id}`, {
			method: 'PATCH',
			headers,
			body: JSON.stringify({ status: 'needs_revision', staff_note: 'Mohon unggah ulang KK.' })
		});
		expect(revision.status, await revision.clone().text()).toBe(200);
		subscription.release();

		// the pull after the reconnection (spread over up to 5 s) brings it; the periodic sync is minutes away
		await expect(page.getByRole('heading', { name: 'Status: Perlu perbaikan' })).toBeVisible({ timeout: 20_000 });
	} finally {
		await server.stop();
	}
});
