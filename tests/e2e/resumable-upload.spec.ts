import { createHash, randomBytes } from 'node:crypto';
import type { CDPSession } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { countingProxy } from '../support/proxy.js';
import { api, expect, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// Issue 14: documents go up with tus and resume inside the file, so a link that keeps dropping
// still gets a large PDF through, sending each byte about once.

const UPLINK_BYTES_PER_SECOND = 256 * 1024;

/** A 3 MB PDF (by its first bytes) whose body does not compress. */
function largePdf(): Buffer {
	return Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'), randomBytes(3 * 1024 * 1024), Buffer.from('\n%%EOF\n')]);
}

async function link(cdp: CDPSession, offline: boolean) {
	await cdp.send('Network.emulateNetworkConditions', { offline, latency: 60, downloadThroughput: 2 * UPLINK_BYTES_PER_SECOND, uploadThroughput: UPLINK_BYTES_PER_SECOND });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('over a link that drops every 3 seconds, a 3 MB PDF and two photos arrive whole, each byte sent about once', async ({ browser, baseURL }) => {
	test.setTimeout(150_000);
	const proxy = await countingProxy(Number(new URL(baseURL!).port));
	const context = await browser.newContext({ baseURL: proxy.origin });
	try {
		const page = await context.newPage();
		const resident = await signInOnline(page, proxy.origin, 'Siti Aminah');
		await page.goto('/permohonan');
		await expect(page.getByText('Belum ada permohonan.')).toBeVisible();

		const pdf = largePdf();
		const photos = [await documentPhoto(page, 'BUKU NIKAH', 1600, 1200, 2), await documentPhoto(page, 'KARTU KELUARGA', 1600, 1200, 2)];
		const files = [
			{ kind: 'surat-kelahiran', photo: pdf, type: 'application/pdf' },
			{ kind: 'buku-nikah', photo: photos[0] },
			{ kind: 'kk', photo: photos[1] }
		];
		const payload = files.reduce((sum, file) => sum + file.photo.length, 0);

		if (process.env.DEBUG_TUS) {
			const t0 = Date.now();
			page.on('response', (r) => r.url().includes('/api/uploads') && console.log(Date.now() - t0, r.request().method(), r.url().slice(-20), r.status(), r.headers()['upload-offset'] ?? '', proxy.state.up));
			page.on('requestfailed', (r) => r.url().includes('/api/uploads') && console.log(Date.now() - t0, r.method(), r.url().slice(-20), 'FAILED', r.failure()?.errorText, proxy.state.up));
		}
		const cdp = await context.newCDPSession(page);
		await link(cdp, true);
		const [seeded] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: files }]);

		// Online for 3 seconds, then the link drops (every open connection is cut) for a second, again and again.
		proxy.state.up = 0;
		let cuts = 0;
		const sent = () =>
			page.evaluate(
				(id) =>
					new Promise<string | undefined>((resolve) => {
						const open = indexedDB.open('dukcapil-daring');
						open.onsuccess = () => {
							const request = open.result.transaction('applications').objectStore('applications').get(id);
							request.onsuccess = () => {
								open.result.close();
								resolve(request.result?.state);
							};
						};
					}),
				seeded.id
			);
		const started = Date.now();
		for (;;) {
			await link(cdp, false);
			await page.waitForTimeout(3000);
			if ((await sent()) === 'sent') break;
			await link(cdp, true);
			proxy.cut();
			cuts++;
			await page.waitForTimeout(1000);
			expect(Date.now() - started, 'not through in two minutes').toBeLessThan(120_000);
		}
		const bytesUp = proxy.state.up;
		expect(cuts, 'the link dropped during the uploads').toBeGreaterThanOrEqual(3);

		// Every document arrived whole: the server's copy has the phone's SHA-256, read back from the file itself.
		const staff = await api.staff(baseURL!);
		const headers = { authorization: staff.token };
		const documents = await fetch(`${baseURL}/api/collections/documents/records?perPage=50&filter=${encodeURIComponent(`application="${seeded.id}"`)}`, {
			headers
		}).then((r) => r.json());
		expect(documents.totalItems).toBe(3);
		const token = (await fetch(`${baseURL}/api/files/token`, { method: 'POST', headers }).then((r) => r.json())).token;
		for (const expected of seeded.documents) {
			const record = documents.items.find((item: { id: string }) => item.id === expected.id);
			expect(record).toMatchObject({ kind: expected.kind, sha256: expected.sha256, size: expected.size });
			const file = Buffer.from(await (await fetch(`${baseURL}/api/files/documents/${record.id}/${record.file}?token=${token}`)).arrayBuffer());
			expect(sha256(file)).toBe(expected.sha256);
		}
		expect(seeded.documents.find((document) => document.kind === 'surat-kelahiran')?.sha256).toBe(sha256(pdf));

		// The bytes the phone sent in all: the files, what was in flight at each cut, and the requests around them.
		console.log(`resumable upload: ${cuts} cuts, ${(bytesUp / 1024).toFixed(0)} KB sent for ${(payload / 1024).toFixed(0)} KB of files (${(bytesUp / payload).toFixed(2)}x)`);
		expect(bytesUp).toBeLessThanOrEqual(1.2 * payload);
		await expect(page.getByTestId('sync-indicator')).toHaveText('Semua terkirim');
	} finally {
		await context.close();
		await proxy.close();
	}
});
