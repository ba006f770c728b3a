import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { ensureServerBuilt } from '../../scripts/lib/server.js';
import { freePort, startTestServer } from '../../scripts/lib/test-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		pbOrigin: string;
		staffEmail: string;
		staffPassword: string;
		staffToken: string;
	}
}

/**
 * A real PocketBase for the unit tests that talk to a server (the sync engine): a fresh data dir
 * and a free port per run. No mock stands in for the server.
 */
export default async function setup(project: TestProject) {
	ensureServerBuilt();
	const staffEmail = 'staf.unit@balikpapan.dukcapil.test';
	const staffPassword = randomBytes(12).toString('base64url');
	const server = await startTestServer({
		port: await freePort(),
		dataDir: mkdtempSync(join(tmpdir(), 'dukcapil-unit-')),
		staffEmail,
		staffPassword,
		quiet: true,
		// the sync engine's tests are not about accounts: their residents need no confirmed e-mail
		requireVerifiedEmail: false
	});
	project.provide('pbOrigin', server.origin);
	project.provide('staffEmail', staffEmail);
	project.provide('staffPassword', staffPassword);
	project.provide('staffToken', server.staffToken);
	return () => server.stop();
}
