// A throw-away PocketBase for the end-to-end tests and the benchmarks: the real binary serving the
// real build/, a fresh data dir, a staff superuser, on the port it is given, sending its e-mails
// to a real SMTP server (Mailpit) on loopback; over https (HTTP/2) when given a certificate.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { root, serverBinary } from './server.js';
import { mailCode, startMailpit, waitForMail } from './mailpit.js';
import { freePort } from './ports.js';

export { freePort };

/**
 * fetchTrusting is a fetch, for what the harness asks of the server, that trusts the certificate given (a
 * test certificate that no system trusts) and nothing else.
 * @param {string} ca PEM
 * @returns {(url: string, init?: { method?: string, headers?: Record<string, string>, body?: string }) =>
 *   Promise<{ ok: boolean, status: number, text: () => Promise<string>, json: () => Promise<any> }>}
 */
export function fetchTrusting(ca) {
	return (url, init = {}) =>
		new Promise((resolve, reject) => {
			const request = httpsRequest(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (response) => {
				/** @type {Buffer[]} */
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					const body = Buffer.concat(chunks).toString('utf8');
					const status = response.statusCode ?? 0;
					resolve({ ok: status >= 200 && status < 300, status, text: async () => body, json: async () => JSON.parse(body) });
				});
			});
			request.on('error', reject);
			request.end(init.body);
		});
}

/**
 * staffSignIn signs a superuser in through PocketBase's MFA: the password, then the one-time code
 * that the server e-mails (read from Mailpit by its OTP id, so parallel sign-ins never mix codes).
 * @param {string} origin
 * @param {string} mailApi Mailpit's HTTP address
 * @param {string} email
 * @param {string} password
 * @param {(url: string, init: { method: string, headers: Record<string, string>, body: string }) => Promise<{ status: number, ok: boolean,
 *   json: () => Promise<any>, text: () => Promise<string> }>} [send] fetch, or fetchTrusting's for a server over https
 * @returns {Promise<{ token: string, record: { id: string } }>}
 */
export async function staffSignIn(origin, mailApi, email, password, send = fetch) {
	const post = (/** @type {string} */ path, /** @type {object} */ body) =>
		send(`${origin}/api/collections/_superusers/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	const first = await post('auth-with-password', { identity: email, password });
	const { mfaId } = await first.json();
	if (first.status !== 401 || !mfaId) throw new Error(`staff sign-in: expected the second factor to be asked for, got ${first.status}`);
	const requested = await post('request-otp', { email });
	const { otpId } = await requested.json();
	if (!otpId) throw new Error(`staff sign-in: no one-time code was sent (${requested.status})`);
	const mail = await waitForMail(mailApi, { to: email, contains: otpId });
	const second = await post('auth-with-otp', { otpId, password: mailCode(mail), mfaId });
	if (!second.ok) throw new Error(`staff sign-in with the one-time code: ${second.status} ${await second.text()}`);
	return second.json();
}

/**
 * startTestServer starts PocketBase and resolves once it answers /api/health.
 * Its e-mails go to the Mailpit given, or to one of its own (stopped with the server).
 * `requireVerifiedEmail` is the office's setting (on in production); the unit tests and the
 * benchmarks, which are not about accounts, turn it off.
 * With `tls` (a certificate's files, e.g. scripts/lib/devcert.js's) the server serves https on `port` with
 * it, as PocketBase does in production (HTTP/2 or HTTP/1.1 by ALPN), and its plain-HTTP redirect on a
 * port of its own.
 * `publicDir` is the static build it serves (the app's build/ unless given: the bench serves an empty
 * SvelteKit app's build with the same server, tests/bench/kit-floor.js).
 * @param {{ port: number | string, dataDir: string, staffEmail: string, staffPassword: string, rateLimits?: boolean, quiet?: boolean,
 *   requireVerifiedEmail?: boolean, mail?: { smtpHost: string, smtpPort: number, api: string },
 *   tls?: { certFile: string, keyFile: string, certPEM: string }, publicDir?: string }} options
 */
export async function startTestServer({ port, dataDir, staffEmail, staffPassword, rateLimits = false, quiet = false, requireVerifiedEmail = true, mail, tls, publicDir = join(root, 'build') }) {
	const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	const send = tls ? fetchTrusting(tls.certPEM) : fetch;
	const listen = tls
		? [`--https=127.0.0.1:${port}`, `--http=127.0.0.1:${await freePort()}`, `--tlsCert=${tls.certFile}`, `--tlsKey=${tls.keyFile}`]
		: [`--http=127.0.0.1:${port}`];
	const ownMail = mail ? null : await startMailpit();
	const mailpit = mail ?? /** @type {NonNullable<typeof ownMail>} */ (ownMail);
	// "--" ends the flags: a generated password may begin with "-", and PocketBase's CLI reports an
	// unknown flag with exit code 0, so the output is checked as well.
	const upserted = execFileSync(serverBinary, ['superuser', 'upsert', `--dir=${dataDir}`, '--', staffEmail, staffPassword], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (!/success/i.test(upserted)) throw new Error(`could not create the staff account: ${upserted}`);
	const child = spawn(
		serverBinary,
		// The morning intake runs only when a test asks (POST /api/office/intake), never by the clock.
		[
			'serve',
			...listen,
			`--dir=${dataDir}`,
			`--publicDir=${publicDir}`,
			'--demo=false',
			'--intakeTime=off',
			`--requireVerifiedEmail=${requireVerifiedEmail}`,
			`--smtpHost=${mailpit.smtpHost}`,
			`--smtpPort=${mailpit.smtpPort}`,
			'--mailSender=noreply@balikpapan.dukcapil.test',
			`--appURL=${origin}`
		],
		{
			stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
			// The tests' stand-in push service listens on this machine's loopback interface.
			env: { ...process.env, DUKCAPIL_PUSH_ALLOW_LOOPBACK: '1' }
		}
	);
	const exited = new Promise((resolve) => child.on('exit', resolve));

	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`PocketBase exited with ${child.exitCode}`);
		try {
			if ((await send(`${origin}/api/health`)).ok) break;
		} catch {
			// not listening yet
		}
		if (i > 300) throw new Error('PocketBase did not become healthy within 30 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	const auth = await staffSignIn(origin, mailpit.api, staffEmail, staffPassword, send);

	// Tests and benchmarks send many sign-ins and registrations from one address within a minute;
	// the production limits (checked by the Go tests) would refuse them, so they are lifted here.
	if (!rateLimits) {
		const response = await send(`${origin}/api/settings`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', authorization: auth.token },
			body: JSON.stringify({ rateLimits: { enabled: false } })
		});
		if (!response.ok) throw new Error(`could not change the rate limits: ${response.status} ${await response.text()}`);
	}

	return {
		origin,
		/** @type {string} */
		staffToken: auth.token,
		/** Mailpit's HTTP address: read the e-mails the server sent. */
		mailApi: mailpit.api,
		pid: child.pid,
		/** stop ends the server and removes its data, unless kept for a restart on the same dir. */
		async stop({ keepData = false } = {}) {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			await ownMail?.stop();
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
