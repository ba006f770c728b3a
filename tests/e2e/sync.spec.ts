import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { freePort, startTestServer } from '../../scripts/lib/test-server.js';
import { api, expect, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// This spec runs its own PocketBase, because it restarts it in the middle.
test.describe.configure({ mode: 'serial' });

const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];

/** A tiny deterministic random source, so a failing run can be replayed with the same seed. */
function seeded(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

async function network(cdp: CDPSession, offline: boolean) {
	// A slow mobile uplink, so that the connection drops in the middle of uploads.
	await cdp.send('Network.emulateNetworkConditions', {
		offline,
		latency: 80,
		downloadThroughput: 400 * 1024,
		uploadThroughput: 160 * 1024
	});
}

test('three applications arrive exactly once through a flaky network, a reload and a server restart', async ({ page, context }) => {
	test.setTimeout(240_000);
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'dukcapil-sync-e2e-'));
	const staffEmail = 'staf.sync@balikpapan.dukcapil.test';
	const staffPassword = randomBytes(12).toString('base64url');
	// Not about accounts: this server's resident needs no confirmed e-mail.
	const own = { port, dataDir, staffEmail, staffPassword, quiet: true, requireVerifiedEmail: false };
	let server = await startTestServer(own);
	const origin = server.origin;
	try {
		const residentId = (await signInOnline(page, origin, 'Ahmad Fauzi', { verified: false })).id;
		await page.goto(`${origin}/permohonan`);
		await expect(page.getByText('Belum ada permohonan.')).toBeVisible();

		const photos = await Promise.all(KINDS.map((kind, index) => documentPhoto(page, `${kind.toUpperCase()} ${index}`, 2000, 1500)));
		const cdp = await context.newCDPSession(page);
		await network(cdp, true);
		const seededApplications = await seedOutbox(
			page,
			residentId,
			[0, 1, 2].map((n) => ({
				service: 'akta-kelahiran',
				answers: { ...validBirth, baby_name: `Bayi Uji ${n + 1}` },
				documents: KINDS.map((kind, index) => ({ kind, photo: photos[index] }))
			}))
		);
		await page.reload();
		await expect(page.getByTestId('outbox-list').getByRole('listitem')).toHaveCount(3);
		await expect(page.getByTestId('sync-indicator')).toContainText('3 menunggu sinyal');

		// Online, offline, online ... at random points during the uploads; one reload, one server restart.
		const random = seeded(20261128);
		await network(cdp, false);
		for (let round = 0; round < 6; round++) {
			await page.waitForTimeout(400 + random() * 1600);
			await network(cdp, true);
			if (round === 2) {
				const reload = await page.reload();
				expect(reload?.fromServiceWorker()).toBe(true);
			}
			if (round === 4) {
				await server.stop({ keepData: true });
				await page.waitForTimeout(1000);
				server = await startTestServer(own);
			}
			await page.waitForTimeout(300 + random() * 1200);
			await network(cdp, false);
		}

		await expect(page.getByTestId('received-list').getByRole('listitem')).toHaveCount(3, { timeout: 120_000 });
		await expect(page.getByTestId('sync-indicator')).toHaveText('Semua terkirim');

		// The server holds exactly three applications with exactly their documents, hashes intact.
		const staff = { token: server.staffToken };
		const headers = { authorization: staff.token };
		const list = await fetch(`${origin}/api/collections/applications/records?perPage=50&filter=${encodeURIComponent(`owner="${residentId}"`)}`, { headers }).then((r) => r.json());
		expect(list.totalItems).toBe(3);
		for (const expected of seededApplications) {
			const application = list.items.find((item: { id: string }) => item.id === expected.id);
			expect(application?.status).toBe('submitted');
			expect(application?.reference).toMatch(/^BPN-\d{8}-\d{4}$/);
			const documents = await fetch(
				`${origin}/api/collections/documents/records?perPage=50&filter=${encodeURIComponent(`application="${expected.id}"`)}`,
				{ headers }
			).then((r) => r.json());
			expect(documents.totalItems).toBe(3);
			const byId = new Map(documents.items.map((d: { id: string; sha256: string; kind: string }) => [d.id, d]));
			for (const document of expected.documents) {
				expect(byId.get(document.id)).toMatchObject({ kind: document.kind, sha256: document.sha256 });
				// The file itself, fetched back, has the same hash as on the phone.
				const file = await fetch(`${origin}/api/files/documents/${document.id}/${(byId.get(document.id) as { file: string }).file}?token=${await fileToken(origin, staff.token)}`);
				expect(await sha256(Buffer.from(await file.arrayBuffer()))).toBe(document.sha256);
			}
		}
		// Every receipt number is on the phone.
		const received = page.getByTestId('received-list');
		for (const application of list.items) await expect(received).toContainText(application.reference);

		// Staff change a status: the open page shows it without a reload.
		const first = list.items[0];
		await page.goto(`${origin}/permohonan/${first.id}`);
		await expect(page.getByTestId('current-status')).toHaveText('Status: Diterima kantor');
		await patch(origin, headers, first.id, { status: 'queued' });
		await expect(page.getByTestId('current-status')).toHaveText('Status: Dalam antrean pagi ini');

		// And while the app is closed: it is there when the app is opened again.
		const second = list.items[1];
		await page.close();
		await patch(origin, headers, second.id, { status: 'queued' });
		const reopened = await context.newPage();
		await reopened.goto(`${origin}/permohonan/${second.id}`);
		await expect(reopened.getByTestId('current-status')).toHaveText('Status: Dalam antrean pagi ini');
		await expect(reopened.getByTestId('timeline')).toContainText('WITA');
	} finally {
		await server.stop();
	}
});

async function patch(origin: string, headers: Record<string, string>, id: string, body: Record<string, unknown>) {
	const response = await fetch(`${origin}/api/collections/applications/records/${id}`, {
		method: 'PATCH',
		headers: { ...headers, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	expect(response.status, await response.clone().text()).toBe(200);
}

async function fileToken(origin: string, token: string): Promise<string> {
	return (await fetch(`${origin}/api/files/token`, { method: 'POST', headers: { authorization: token } }).then((r) => r.json())).token;
}

async function sha256(bytes: Buffer): Promise<string> {
	const { createHash } = await import('node:crypto');
	return createHash('sha256').update(bytes).digest('hex');
}

export type { Page };

test('with the app closed, Background Sync in the service worker sends the outbox', async ({ page, context, baseURL }) => {
	const { id: residentId } = await signInOnline(page, baseURL!, 'Rina Marlina');
	await page.goto('/permohonan');
	await expect(page.getByText('Belum ada permohonan.')).toBeVisible();

	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	await context.setOffline(true);
	const [seededApplication] = await seedOutbox(page, residentId, [
		{ service: 'akta-kelahiran', answers: validBirth, documents: KINDS.map((kind) => ({ kind, photo })) }
	]);

	// The app is closed; only a blank tab remains to talk to the browser.
	const blank = await context.newPage();
	await page.close();
	await context.setOffline(false);
	const cdp = await context.newCDPSession(blank);
	const registrations = new Promise<string>((resolve) => {
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((registration) => registration.scopeURL.startsWith(baseURL!) && !registration.isDeleted);
			if (ours) resolve(ours.registrationId);
		});
	});
	await cdp.send('ServiceWorker.enable');
	const registrationId = await registrations;
	await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: baseURL!, registrationId, tag: 'dukcapil-outbox', lastChance: false });

	const staff = await api.staff(baseURL!);
	await expect
		.poll(
			async () => {
				const response = await fetch(`${baseURL}/api/collections/applications/records/${seededApplication.id}`, { headers: { authorization: staff.token } });
				return response.ok ? (await response.json()).status : response.status;
			},
			{ timeout: 30_000 }
		)
		.toBe('submitted');

	// Opening the app again shows it received, from the worker's work.
	const reopened = await context.newPage();
	await reopened.goto('/permohonan');
	await expect(reopened.getByTestId('received-list')).toContainText('Akta kelahiran');
});
