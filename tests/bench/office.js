// Benchmark of the office (the staff workplace issue): the morning intake of 10,000 submitted
// applications (the Go benchmark of pocketbase/internal/intake, which times the intake's own
// transaction), and sustained application submissions per second against the one server with
// several concurrent clients (each submission: create the application, upload three ~300 KB
// JPEG documents, finalise).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serverDir } from '../../scripts/lib/server.js';

/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const INTAKE_GOAL_SECONDS = 5;
const CLIENTS = Number(process.env.BENCH_OFFICE_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_OFFICE_SECONDS ?? 20);
const DOCUMENT_BYTES = 300 * 1024;
// 600 applications a day reach the office (DOMAIN.md); the server should take a whole day's in a minute.
const SUBMISSIONS_GOAL = 10;
const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];
const vectors = JSON.parse(readFileSync(new URL('../fixtures/answers.json', import.meta.url), 'utf8'));
/** @type {Record<string, unknown>} */
const validBirth = Object.values(vectors.services.find((/** @type {{ service: string }} */ entry) => entry.service === 'akta-kelahiran').valid)[0];

/**
 * segment returns a JPEG marker segment: FF, the marker, the big-endian length (which counts
 * itself) and the payload.
 * @param {number} marker
 * @param {Buffer} payload
 */
function segment(marker, payload) {
	const length = payload.length + 2;
	return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), payload]);
}

/**
 * documentJPEG returns a valid baseline JPEG of about `size` bytes, made by hand (Node has no image
 * library): one 8x8 block of mid grey (a DC difference of 0 and an end of block, each coded by a
 * one-symbol Huffman table as the bit 0, so the whole scan is the byte 0x3F), padded to the size of
 * a phone photo with COM (comment) segments of random bytes. Decoders skip comments, so the file
 * stays a valid JPEG (Go's image/jpeg decodes it, PocketBase makes thumbnails of it) and starts with
 * FF D8 FF, as the server's content check requires; the random bytes keep every document distinct.
 * @param {number} size
 */
export function documentJPEG(size) {
	const soi = Buffer.from([0xff, 0xd8]);
	const jfif = segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
	const quantisation = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
	const frame = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])); // 8 bits, 8x8, 1 component
	const huffmanDC = segment(0xc4, Buffer.concat([Buffer.from([0x00, 1]), Buffer.alloc(15), Buffer.from([0x00])]));
	const huffmanAC = segment(0xc4, Buffer.concat([Buffer.from([0x10, 1]), Buffer.alloc(15), Buffer.from([0x00])]));
	const scanHeader = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
	const tail = [quantisation, frame, huffmanDC, huffmanAC, scanHeader, Buffer.from([0x3f, 0xff, 0xd9])];
	let length = soi.length + jfif.length + tail.reduce((sum, part) => sum + part.length, 0);
	const comments = [];
	while (size - length > 4) {
		const payload = Math.min(65533, size - length - 4);
		comments.push(segment(0xfe, randomBytes(payload)));
		length += payload + 4;
	}
	return Buffer.concat([soi, jfif, ...comments, ...tail]);
}

/** newId returns a PocketBase record id made by the client: 15 characters of a-z0-9. */
function newId() {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(15), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * api sends one request and returns the parsed JSON, throwing on an error status.
 * @param {string} url
 * @param {RequestInit} init
 */
async function api(url, init) {
	const response = await fetch(url, init);
	const text = await response.text();
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : null;
}

/**
 * intakeBenchmark runs the Go benchmark of the intake and reads its BENCH line.
 * @returns {Row[]}
 */
export function intakeBenchmark() {
	const run = spawnSync('go', ['test', './internal/intake', '-run', 'TestIntakeBenchmark', '-count=1', '-v'], {
		cwd: serverDir,
		env: { ...process.env, DUKCAPIL_OFFICE_BENCH: '1' },
		encoding: 'utf8'
	});
	const match = /BENCH intake_seconds=([\d.]+) intake_queued=(\d+) intake_residents=(\d+)/.exec(run.stdout ?? '');
	if (run.status !== 0 || !match) throw new Error(`intake benchmark failed:\n${run.stdout}\n${run.stderr}`);
	const seconds = Number(match[1]);
	return [
		{
			figure: `office: morning intake of ${Number(match[2]).toLocaleString('en')} submitted applications (${Number(match[3]).toLocaleString('en')} residents)`,
			value: `${seconds.toFixed(2)} s`,
			goal: `< ${INTAKE_GOAL_SECONDS} s`,
			ok: seconds < INTAKE_GOAL_SECONDS
		}
	];
}

/**
 * client registers a resident and submits applications until the deadline.
 * @param {string} origin
 * @param {number} deadline epoch ms
 * @param {number[]} durations collects the milliseconds of each whole submission
 * @param {number} serial 1–9999, the serial of the resident's NIK
 */
async function client(origin, deadline, durations, serial) {
	const tag = newId().slice(0, 8);
	// NIKs of their own (kecamatan 03, born 15-06-1988), so as not to meet the sync benchmark's residents
	const resident = { email: `kantor.${tag}@contoh.id`, password: `rahasia-${tag}`, name: 'Warga Bench Kantor', nik: `647103150688${String(serial).padStart(4, '0')}` };
	const json = { 'content-type': 'application/json' };
	const user = await api(`${origin}/api/collections/users/records`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ ...resident, passwordConfirm: resident.password })
	});
	const auth = await api(`${origin}/api/collections/users/auth-with-password`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ identity: resident.email, password: resident.password })
	});
	const headers = { authorization: auth.token };
	const photos = KINDS.map(() => {
		const bytes = documentJPEG(DOCUMENT_BYTES);
		return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
	});

	let submitted = 0;
	while (Date.now() < deadline) {
		const started = performance.now();
		const id = newId();
		await api(`${origin}/api/collections/applications/records`, {
			method: 'POST',
			headers: { ...headers, ...json },
			body: JSON.stringify({ id, owner: user.id, service: 'akta-kelahiran', status: 'uploading', data: validBirth })
		});
		for (const [index, kind] of KINDS.entries()) {
			const form = new FormData();
			form.set('id', newId());
			form.set('application', id);
			form.set('owner', user.id);
			form.set('kind', kind);
			form.set('sha256', photos[index].sha256);
			form.set('file', new Blob([photos[index].bytes], { type: 'image/jpeg' }), `${kind}.jpg`);
			await api(`${origin}/api/collections/documents/records`, { method: 'POST', headers, body: form });
		}
		const done = await api(`${origin}/api/collections/applications/records/${id}`, {
			method: 'PATCH',
			headers: { ...headers, ...json },
			body: JSON.stringify({ status: 'submitted' })
		});
		if (done.status !== 'submitted' || !done.reference) throw new Error(`not submitted: ${JSON.stringify(done).slice(0, 300)}`);
		durations.push(performance.now() - started);
		submitted++;
	}
	return submitted;
}

/**
 * percentile returns the p-th percentile of sorted values.
 * @param {number[]} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * submissionBenchmark measures sustained submissions per second with CLIENTS concurrent clients for
 * SECONDS seconds; with a staff token it then runs the intake of everything submitted through the
 * server's route and times it end to end.
 * @param {string} origin
 * @param {string} [staffToken]
 * @returns {Promise<Row[]>}
 */
export async function submissionBenchmark(origin, staffToken) {
	/** @type {number[]} */
	const durations = [];
	const started = performance.now();
	const deadline = Date.now() + SECONDS * 1000;
	const first = 1 + Math.floor(Math.random() * (9999 - CLIENTS));
	const counts = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(origin, deadline, durations, first + index)));
	const elapsed = (performance.now() - started) / 1000;
	const total = counts.reduce((sum, n) => sum + n, 0);
	const perSecond = total / elapsed;
	const sorted = durations.toSorted((a, b) => a - b);
	/** @type {Row[]} */
	const rows = [
		{
			figure: `office: submissions/s, ${CLIENTS} clients for ${SECONDS} s (create, 3 x ${DOCUMENT_BYTES / 1024} KB JPEG, finalise)`,
			value: `${perSecond.toFixed(1)}/s`,
			goal: `>= ${SUBMISSIONS_GOAL}/s (a day's 600 in a minute); ${total} submitted`,
			ok: perSecond >= SUBMISSIONS_GOAL
		},
		{
			figure: 'office: one submission under that load, median / p95',
			value: `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} ms`,
			goal: '',
			ok: null
		}
	];
	if (staffToken) {
		const before = performance.now();
		const result = await api(`${origin}/api/office/intake`, { method: 'POST', headers: { authorization: staffToken } });
		const seconds = (performance.now() - before) / 1000;
		rows.push({
			figure: `office: POST /api/office/intake of those ${result.queued} applications (HTTP, real server)`,
			value: `${seconds.toFixed(2)} s`,
			goal: `< ${INTAKE_GOAL_SECONDS} s`,
			ok: seconds < INTAKE_GOAL_SECONDS && result.queued >= total
		});
	}
	return rows;
}

/**
 * officeBenchmarks runs both office benchmarks against the server at origin.
 * @param {string} origin
 * @param {string} [staffToken] a superuser token; adds the intake through the route
 * @returns {Promise<Row[]>}
 */
export async function officeBenchmarks(origin, staffToken) {
	return [...intakeBenchmark(), ...(await submissionBenchmark(origin, staffToken))];
}
