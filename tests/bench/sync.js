// Benchmark of the sync engine (issue 4): applications with photographed documents sent over an
// emulated slow mobile uplink, against the time the raw bytes need at that bandwidth; and the bytes
// sent again after the network is cut half way.
import { readFileSync } from 'node:fs';
import { seedOutbox } from '../support/outbox.js';
import { documentPhoto } from '../support/photos.js';
import { countingProxy } from '../support/proxy.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const UPLINK_BITS = 750_000;
const UPLINK_BYTES = UPLINK_BITS / 8;
const LATENCY_MS = 150;
const RATIO_GOAL = 1.1;
// The budget: one 64 KB chunk plus the requests around a resumed upload (HEAD, headers). The
// server keeps the bytes of a cut request, so only what was still in flight goes again.
const RESEND_GOAL = 64 * 1024 + 8 * 1024;
const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];
// The example birth report of the catalog, as exported for the server's tests.
const vectors = JSON.parse(readFileSync(new URL('../fixtures/answers.json', import.meta.url), 'utf8'));
/** @type {Record<string, unknown>} */
const validBirth = Object.values(vectors.services.find((/** @type {{ service: string }} */ entry) => entry.service === 'akta-kelahiran').valid)[0];

/**
 * One run: a fresh resident with `count` applications in the outbox, sent over the throttled uplink.
 * @param {Browser} browser
 * @param {string} origin the server
 * @param {number} count
 * @param {boolean} cutHalfway
 */
async function sendAll(browser, origin, count, cutHalfway) {
	const proxy = await countingProxy(Number(new URL(origin).port));
	const context = await browser.newContext({ baseURL: proxy.origin });
	try {
		const tag = Math.random().toString(36).slice(2, 10);
		const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, '0');
		const resident = { email: `bench.${tag}@contoh.id`, password: `rahasia-${tag}`, name: 'Warga Bench', nik: `647105120590${serial}` };
		const created = await fetch(`${origin}/api/collections/users/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...resident, passwordConfirm: resident.password })
		});
		if (!created.ok) throw new Error(`bench resident: ${await created.text()}`);
		const owner = (await created.json()).id;

		const page = await context.newPage();
		await page.goto('/akun/masuk');
		await page.getByLabel('Email').fill(resident.email);
		await page.getByLabel('Kata sandi').fill(resident.password);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await page.getByTestId('signed-in-as').waitFor();
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
			}
		});
		await page.goto('/permohonan');
		await page.getByText('Belum ada permohonan.').waitFor();

		/** @type {Buffer[]} */
		const photos = [];
		for (const kind of KINDS) photos.push(await documentPhoto(page, kind.toUpperCase(), 1500, 1125, 2));
		const documentBytes = photos.reduce((sum, photo) => sum + photo.length, 0) / photos.length;

		const cdp = await context.newCDPSession(page);
		/** @param {boolean} offline */
		const network = (offline) =>
			cdp.send('Network.emulateNetworkConditions', { offline, latency: LATENCY_MS, downloadThroughput: (2 * UPLINK_BITS) / 8, uploadThroughput: UPLINK_BYTES });
		await network(true);
		const applications = Array.from({ length: count }, (_, n) => ({
			service: 'akta-kelahiran',
			answers: { ...validBirth, baby_name: `Bayi Bench ${n + 1}` },
			documents: KINDS.map((kind, index) => ({ kind, photo: photos[index] }))
		}));
		await seedOutbox(page, owner, applications);
		const payload = applications.length * photos.reduce((sum, photo) => sum + photo.length, 0);

		proxy.state.up = 0;
		const started = Date.now();
		await network(false);
		let cut = false;
		const outboxLeft = () =>
			page.evaluate(
				() =>
					new Promise((resolve) => {
						const open = indexedDB.open('dukcapil-daring');
						open.onsuccess = () => {
							const request = open.result.transaction('applications').objectStore('applications').index('state').count('outbox');
							request.onsuccess = () => {
								open.result.close();
								resolve(request.result);
							};
						};
					})
			);
		for (;;) {
			if (cutHalfway && !cut && proxy.state.up > payload / 2) {
				cut = true;
				await network(true);
				proxy.cut();
				await page.waitForTimeout(3000);
				await network(false);
			}
			if ((await outboxLeft()) === 0) break;
			if (Date.now() - started > 30 * 60_000) throw new Error('sync bench: not done in 30 minutes');
			await page.waitForTimeout(250);
		}
		return { seconds: (Date.now() - started) / 1000, bytesUp: proxy.state.up, payload, documentBytes };
	} finally {
		await context.close();
		await proxy.close();
	}
}

/**
 * syncThroughput runs the sync benchmark: `count` applications of 3 documents each.
 * @param {Browser} browser
 * @param {string} origin
 * @returns {Promise<Row[]>}
 */
export async function syncThroughput(browser, origin) {
	const count = Number(process.env.BENCH_SYNC_APPLICATIONS ?? 20);
	const clean = await sendAll(browser, origin, count, false);
	const floor = clean.bytesUp / UPLINK_BYTES;
	const ratio = clean.seconds / floor;
	const withCut = await sendAll(browser, origin, count, true);
	const again = withCut.bytesUp - clean.bytesUp;
	return [
		{ figure: `sync: ${count} applications x 3 documents (${(clean.documentBytes / 1024).toFixed(0)} KB each), 750 kbit/s up, 150 ms`, value: `${clean.seconds.toFixed(1)} s`, goal: '', ok: null },
		{ figure: 'sync: bytes sent / uplink bandwidth (floor)', value: `${floor.toFixed(1)} s`, goal: `${(clean.bytesUp / 1024 / 1024).toFixed(1)} MB sent for ${(clean.payload / 1024 / 1024).toFixed(1)} MB of files`, ok: null },
		{ figure: 'sync: time / floor', value: `${ratio.toFixed(2)}x`, goal: `<= ${RATIO_GOAL}x`, ok: ratio <= RATIO_GOAL },
		{
			figure: 'sync: bytes sent again after a cut half way',
			value: `${(Math.max(0, again) / 1024).toFixed(0)} KB`,
			goal: `<= one 64 KB chunk + request overhead (${RESEND_GOAL / 1024} KB)`,
			ok: again <= RESEND_GOAL
		}
	];
}
