// A throw-away PocketBase for the end-to-end tests and the benchmarks: the real binary serving the
// real build/, a fresh data dir, a staff superuser, on the port it is given.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, serverBinary } from './server.js';

/**
 * freePort asks the system for a free TCP port on the loopback interface.
 * @returns {Promise<number>}
 */
export async function freePort() {
	const { createServer } = await import('node:net');
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * startTestServer starts PocketBase and resolves once it answers /api/health.
 * @param {{ port: number | string, dataDir: string, staffEmail: string, staffPassword: string, rateLimits?: boolean, quiet?: boolean }} options
 */
export async function startTestServer({ port, dataDir, staffEmail, staffPassword, rateLimits = false, quiet = false }) {
	const origin = `http://127.0.0.1:${port}`;
	execFileSync(serverBinary, ['superuser', 'upsert', staffEmail, staffPassword, `--dir=${dataDir}`], { stdio: 'ignore' });
	const child = spawn(
		serverBinary,
		// The morning intake runs only when a test asks (POST /api/office/intake), never by the clock.
		['serve', `--http=127.0.0.1:${port}`, `--dir=${dataDir}`, `--publicDir=${join(root, 'build')}`, '--demo=false', '--intakeTime=off'],
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
			if ((await fetch(`${origin}/api/health`)).ok) break;
		} catch {
			// not listening yet
		}
		if (i > 300) throw new Error('PocketBase did not become healthy within 30 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	const auth = await fetch(`${origin}/api/collections/_superusers/auth-with-password`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ identity: staffEmail, password: staffPassword })
	}).then((response) => response.json());

	// Tests and benchmarks send many sign-ins and registrations from one address within a minute;
	// the production limits (checked by the Go tests) would refuse them, so they are lifted here.
	if (!rateLimits) {
		const response = await fetch(`${origin}/api/settings`, {
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
		pid: child.pid,
		/** stop ends the server and removes its data, unless kept for a restart on the same dir. */
		async stop({ keepData = false } = {}) {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
