import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { freePort, startTestServer } from '../../scripts/lib/test-server.js';
import { api, expect, signInOnline, test } from './support';
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

/** sendBack has staff take the morning's applications in and send one back for revision with a note. */
async function sendBack(origin: string, staffToken: string, id: string, note: string): Promise<void> {
	const headers = { authorization: staffToken, 'content-type': 'application/json' };
	expect((await fetch(`${origin}/api/office/intake`, { method: 'POST', headers })).status).toBe(200);
	const revision = await fetch(`${origin}/api/collections/applications/records/${id}`, {
		method: 'PATCH',
		headers,
		body: JSON.stringify({ status: 'needs_revision', staff_note: note })
	});
	expect(revision.status, await revision.clone().text()).toBe(200);
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

	await sendBack(baseURL!, (await api.staff(baseURL!)).token, sent.id, 'Foto KK buram, mohon unggah ulang.');
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
		const resident = await signInOnline(page, origin, 'Warga Sepuluh', { verified: false });
		const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
		const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: ['surat-kelahiran', 'buku-nikah', 'kk'].map((kind) => ({ kind, photo })) }]);
		await page.goto(`${origin}/permohonan/${sent.id}`);
		await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

		// The server goes away and comes back; the app's realtime connection is made again by the SDK,
		// and its new subscription is held until the office has changed the status.
		const subscription = await holdSubscription(page);
		await server.stop({ keepData: true });
		server = await startTestServer(own);
		await expect.poll(subscription.holding, { timeout: 30_000 }).toBe(true);
		await sendBack(origin, server.staffToken, sent.id, 'Mohon unggah ulang KK.');
		subscription.release();

		// the pull after the reconnection (spread over up to 5 s) brings it; the periodic sync is minutes away
		await expect(page.getByRole('heading', { name: 'Status: Perlu perbaikan' })).toBeVisible({ timeout: 20_000 });
	} finally {
		await server.stop();
	}
});
