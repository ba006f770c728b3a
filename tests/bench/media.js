// Benchmark of photo compression (the media issue): a 12-megapixel JPEG of a document, generated in
// the browser, prepared by the app's own built media worker (build/_app/immutable/workers/), with
// the CPU slowed 4x: time, output size and dimensions, and the output saved for a look at legibility.
//
// Chromium's CPU throttling (Emulation.setCPUThrottlingRate) slows only a page's main thread: a
// dedicated worker runs at full speed, and the DevTools protocol refuses to throttle a worker
// ("Operation is only supported for pages, not workers"). So the same built worker script is also
// run on the page's throttled main thread, with a stand-in for the worker scope; that run gives the
// "CPU 4x" time. Image decoding and encoding partly run on the browser's own helper threads, which
// no throttling reaches, in either run.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/lib/server.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */
/**
 * @typedef {{ ms: number, longestTask: number, ok: boolean, reason?: string, detail?: string, size?: number,
 *   width?: number, height?: number, warnings?: string[], metrics?: { brightness: number, sharpness: number } }} Run
 */

const TIME_BUDGET_MS = 1500;
const SIZE_BUDGET = 500 * 1024;
const LONG_TASK_MS = 50;
const RUNS = 5;
const FIGURE = '12 MP JPEG compressed';

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The file name of the built media worker, or null when no app code imports $lib/media yet. */
function builtWorker() {
	try {
		return readdirSync(join(root, 'build', '_app', 'immutable', 'workers')).find((name) => /^media\.worker-.*\.js$/.test(name)) ?? null;
	} catch {
		return null;
	}
}

/**
 * generatePhoto runs in the page: it draws a Kartu-Keluarga-like page (headings, a table of small
 * print, a stamp, a signature) on a 4000x3000 canvas with uneven light and sensor-like noise, and
 * keeps it as a JPEG (quality 0.92, as a phone camera writes it) in window.__benchPhoto.
 */
async function generatePhoto() {
	const W = 4000;
	const H = 3000;
	const canvas = new OffscreenCanvas(W, H);
	const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
	let seed = 7;
	const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);

	// Paper under a lamp: brighter in the middle.
	const light = g.createRadialGradient(W * 0.45, H * 0.4, 200, W / 2, H / 2, W * 0.7);
	light.addColorStop(0, '#f6f3ea');
	light.addColorStop(1, '#c9c3b4');
	g.fillStyle = light;
	g.fillRect(0, 0, W, H);

	g.fillStyle = '#1a1a1a';
	g.textAlign = 'center';
	g.font = 'bold 84px serif';
	g.fillText('PEMERINTAH KOTA BALIKPAPAN', W / 2, 200);
	g.font = 'bold 64px serif';
	g.fillText('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', W / 2, 290);
	g.font = 'bold 110px serif';
	g.fillText('KARTU KELUARGA', W / 2, 450);
	g.font = '56px sans-serif';
	g.fillText('No. 6471012903190004', W / 2, 530);
	g.textAlign = 'left';
	g.font = '40px sans-serif';
	const head = [
		['Nama Kepala Keluarga', ': BUDI SANTOSO'],
		['Alamat', ': JL. JENDERAL SUDIRMAN NO. 12'],
		['RT/RW', ': 003/000'],
		['Kelurahan', ': KLANDASAN ILIR'],
		['Kecamatan', ': BALIKPAPAN KOTA']
	];
	head.forEach(([label, value], i) => {
		g.fillText(label, 200, 640 + i * 56);
		g.fillText(value, 700, 640 + i * 56);
	});

	// The table of family members: the smallest print, 34 px, as on a real card photographed whole.
	const columns = [200, 330, 1020, 1500, 1700, 2080, 2450, 2800, 3250, 3800];
	const titles = ['No', 'Nama Lengkap', 'NIK', 'L/P', 'Tempat Lahir', 'Tgl Lahir', 'Agama', 'Pendidikan', 'Pekerjaan'];
	const people = [
		['BUDI SANTOSO', '6471010101800001', 'L', 'BALIKPAPAN', '01-01-1980', 'ISLAM', 'S1', 'KARYAWAN SWASTA'],
		['SITI RAHMAWATI', '6471014502830002', 'P', 'SAMARINDA', '05-02-1983', 'ISLAM', 'SLTA', 'MENGURUS RUMAH TANGGA'],
		['AHMAD FAUZAN', '6471011203080003', 'L', 'BALIKPAPAN', '12-03-2008', 'ISLAM', 'SLTP', 'PELAJAR'],
		['NUR AINI', '6471016607120004', 'P', 'BALIKPAPAN', '26-07-2012', 'ISLAM', 'SD', 'PELAJAR'],
		['RIZKY PRATAMA', '6471010910160005', 'L', 'BALIKPAPAN', '09-10-2016', 'ISLAM', 'TK', 'BELUM BEKERJA']
	];
	const top = 960;
	const rowHeight = 64;
	g.strokeStyle = '#333';
	g.lineWidth = 3;
	for (let r = 0; r <= people.length + 1; r++) {
		g.beginPath();
		g.moveTo(columns[0] - 20, top + r * rowHeight);
		g.lineTo(columns[columns.length - 1], top + r * rowHeight);
		g.stroke();
	}
	for (const x of columns) {
		g.beginPath();
		g.moveTo(x - 20, top);
		g.lineTo(x - 20, top + (people.length + 1) * rowHeight);
		g.stroke();
	}
	g.font = 'bold 34px sans-serif';
	titles.forEach((title, c) => g.fillText(title, columns[c], top + 44));
	g.font = '34px sans-serif';
	people.forEach((person, r) => {
		g.fillText(String(r + 1), columns[0], top + (r + 1) * rowHeight + 44);
		person.forEach((cell, c) => g.fillText(cell, columns[c + 1], top + (r + 1) * rowHeight + 44));
	});

	g.font = '36px sans-serif';
	for (let i = 0; i < 8; i++) {
		g.fillText(`${i + 1}. Status perkawinan, hubungan dalam keluarga, kewarganegaraan, dokumen imigrasi, nama orang tua: ${'AYAH IBU '.repeat(4)}`, 200, 1480 + i * 60);
	}
	g.fillText('Dikeluarkan tanggal: 29-03-2019', 2700, 2080);
	g.fillText('KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 2250, 2140);

	// A blue stamp and a signature.
	g.strokeStyle = 'rgba(30, 60, 170, 0.75)';
	g.fillStyle = 'rgba(30, 60, 170, 0.75)';
	g.lineWidth = 10;
	g.beginPath();
	g.arc(3000, 2420, 210, 0, Math.PI * 2);
	g.stroke();
	g.font = 'bold 40px sans-serif';
	g.fillText('DISDUKCAPIL', 2870, 2435);
	g.strokeStyle = '#111';
	g.lineWidth = 6;
	g.beginPath();
	g.moveTo(3150, 2480);
	for (let x = 0; x < 500; x += 20) g.lineTo(3150 + x, 2480 - 60 * Math.sin(x / 35) - x / 6);
	g.stroke();
	g.fillStyle = '#1a1a1a';
	g.font = 'bold 40px sans-serif';
	g.fillText('Drs. H. MUHAMMAD ANSARI, M.Si', 3000, 2720);

	// Sensor noise: luminance and a little colour, as a phone photo of paper has after its own denoising.
	const image = g.getImageData(0, 0, W, H);
	const d = image.data;
	for (let i = 0; i < d.length; i += 4) {
		const n = (random() + random() + random() - 1.5) * 14;
		d[i] += n + (random() - 0.5) * 4;
		d[i + 1] += n + (random() - 0.5) * 4;
		d[i + 2] += n + (random() - 0.5) * 4;
	}
	g.putImageData(image, 0, 0);
	const photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
	/** @type {any} */ (window).__benchPhoto = photo;
	return { size: photo.size, width: W, height: H };
}

/**
 * prepareInWorker runs in the page: it starts the built media worker, sends it the photo as the
 * app does (src/lib/media/protocol.ts), and times the round trip, watching the page for long tasks.
 * @param {string} url
 * @returns {Promise<Run>}
 */
async function prepareInWorker(url) {
	let longestTask = 0;
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
	});
	observer.observe({ type: 'longtask' });
	const start = performance.now();
	const worker = new Worker(url, { type: 'module', name: 'media' });
	/** @type {any} */
	const answer = await new Promise((resolve, reject) => {
		worker.onmessage = ({ data }) => data.id === 1 && resolve(data);
		worker.onerror = (event) => reject(new Error(`the media worker failed: ${event.message}`));
		worker.postMessage({ id: 1, file: /** @type {any} */ (window).__benchPhoto });
	});
	const ms = performance.now() - start;
	worker.terminate();
	await new Promise((resolve) => setTimeout(resolve, 0));
	observer.disconnect();
	if (answer.unsupported) return { ms, longestTask, ok: false, reason: 'unsupported' };
	/** @type {any} */ (window).__benchResult = answer.result;
	const { ok, reason, detail, size, width, height, warnings, metrics } = answer.result;
	return { ms, longestTask, ok, reason, detail, size, width, height, warnings, metrics };
}

/**
 * loadOnPage runs in the page: it evaluates the built worker script on the page itself, with
 * `self` replaced by a stand-in worker scope, so that its code runs on the throttled main thread.
 * @param {string} url
 */
async function loadOnPage(url) {
	/** @type {any} */
	const scope = { onmessage: null, answers: [], postMessage: (/** @type {unknown} */ message) => scope.answers.push(message) };
	// `self` is a replaceable attribute of Window: the worker script's `self` is now the stand-in.
	/** @type {any} */ (window).self = scope;
	await import(url);
	/** @type {any} */ (window).__benchScope = scope;
}

/**
 * prepareOnPage runs in the page: one photo through the worker code loaded by loadOnPage.
 * @returns {Promise<Run>}
 */
async function prepareOnPage() {
	/** @type {any} */
	const scope = /** @type {any} */ (window).__benchScope;
	scope.answers.length = 0;
	const start = performance.now();
	scope.onmessage({ data: { id: 2, file: /** @type {any} */ (window).__benchPhoto } });
	while (scope.answers.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
	const ms = performance.now() - start;
	const { result } = scope.answers[0];
	return { ms, longestTask: 0, ok: result.ok, reason: result.reason, detail: result.detail, size: result.size };
}

/**
 * saveBlob copies a Blob held in the page (by a global's name) to a file.
 * @param {Page} page
 * @param {string} expression e.g. '__benchPhoto' or '__benchResult.blob'
 * @param {string} path
 */
async function saveBlob(page, expression, path) {
	const base64 = await page.evaluate(async (expression) => {
		/** @type {Blob} */
		const blob = expression.split('.').reduce((/** @type {any} */ value, key) => value[key], window);
		const url = await new Promise((resolve) => {
			const reader = new FileReader();
			reader.onload = () => resolve(reader.result);
			reader.readAsDataURL(blob);
		});
		return String(url).slice(String(url).indexOf(',') + 1);
	}, expression);
	writeFileSync(path, Buffer.from(base64, 'base64'));
}

/**
 * mediaCompression measures the preparation of a generated 12 MP document photo by the built media
 * worker, with the CPU slowed 4x, and saves the input and the output to a temporary directory.
 * @param {Browser} browser
 * @param {string} origin
 * @returns {Promise<Row[]>}
 */
export async function mediaCompression(browser, origin) {
	const worker = builtWorker();
	if (!worker) {
		const value = 'not built yet';
		const goal = 'no app code imports $lib/media, so Vite emits no media worker';
		return [
			{ figure: `${FIGURE}, CPU 4x: time`, value, goal, ok: null },
			{ figure: `${FIGURE}: output size`, value, goal: `< ${SIZE_BUDGET / 1024} KB`, ok: null }
		];
	}
	const url = `${origin}/_app/immutable/workers/${worker}`;
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/blank.html`);
		const input = await page.evaluate(generatePhoto);
		const dir = mkdtempSync(join(tmpdir(), 'dukcapil-bench-media-'));
		await saveBlob(page, '__benchPhoto', join(dir, 'input-12mp.jpg'));

		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

		/** @type {Run[]} */
		const inWorker = [];
		for (let i = 0; i < RUNS; i++) inWorker.push(await page.evaluate(prepareInWorker, url));
		const last = inWorker[inWorker.length - 1];
		if (!last.ok) throw new Error(`the media worker refused the photo: ${last.reason} ${last.detail ?? ''}`);
		const output = join(dir, 'output.jpg');
		await saveBlob(page, '__benchResult.blob', output);

		// The same built code on the throttled main thread (see the top of this file). This page is
		// spoiled for anything else afterwards (its `self` is replaced).
		await page.evaluate(loadOnPage, url);
		/** @type {Run[]} */
		const onPage = [];
		for (let i = 0; i < RUNS; i++) onPage.push(await page.evaluate(prepareOnPage));
		if (!onPage.every((run) => run.ok && run.size === last.size)) throw new Error('the page run did not give the worker run’s output');

		const throttled = median(onPage.map((run) => run.ms));
		const workerTime = median(inWorker.map((run) => run.ms));
		const longestTask = Math.max(...inWorker.map((run) => run.longestTask));
		const size = last.size ?? 0;
		const warnings = last.warnings ?? [];
		return [
			{
				figure: `${FIGURE}: input, generated 4000x3000`,
				value: `${(input.size / 1024 / 1024).toFixed(1)} MB`,
				goal: `saved to ${join(dir, 'input-12mp.jpg')}`,
				ok: null
			},
			{
				figure: `${FIGURE}, CPU 4x: time (worker code on the page thread)`,
				value: `${throttled.toFixed(0)} ms`,
				goal: `< ${TIME_BUDGET_MS} ms`,
				ok: throttled < TIME_BUDGET_MS
			},
			{
				figure: `${FIGURE} in the worker: time (not slowed: CDP cannot)`,
				value: `${workerTime.toFixed(0)} ms`,
				goal: '',
				ok: null
			},
			{
				figure: `${FIGURE} in the worker: page's longest task, CPU 4x`,
				value: `${longestTask.toFixed(0)} ms`,
				goal: `< ${LONG_TASK_MS} ms (no long task)`,
				ok: longestTask < LONG_TASK_MS
			},
			{
				figure: `${FIGURE}: output size`,
				value: `${(size / 1024).toFixed(0)} KB`,
				goal: `< ${SIZE_BUDGET / 1024} KB`,
				ok: size < SIZE_BUDGET
			},
			{
				figure: `${FIGURE}: output dimensions`,
				value: `${last.width}x${last.height}`,
				goal: `saved to ${output} (check the print at 100%)`,
				ok: null
			},
			{
				figure: `${FIGURE}: quality warnings`,
				value: warnings.length ? warnings.join(', ') : 'none',
				goal: `none (brightness ${last.metrics?.brightness.toFixed(0)}, sharpness ${last.metrics?.sharpness.toFixed(0)})`,
				ok: warnings.length === 0
			}
		];
	} finally {
		await context.close();
	}
}
