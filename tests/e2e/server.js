// The PocketBase that the end-to-end tests talk to (see scripts/lib/test-server.js). Playwright's
// webServer runs this, waits for "E2E server ready", and stops it at the end of the run.
import { startTestServer } from '../../scripts/lib/test-server.js';

const { E2E_PORT, E2E_DATA_DIR, E2E_STAFF_EMAIL, E2E_STAFF_PASSWORD } = process.env;
if (!E2E_PORT || !E2E_DATA_DIR || !E2E_STAFF_EMAIL || !E2E_STAFF_PASSWORD) throw new Error('run through playwright.config.ts');

const server = await startTestServer({
	port: E2E_PORT,
	dataDir: E2E_DATA_DIR,
	staffEmail: E2E_STAFF_EMAIL,
	staffPassword: E2E_STAFF_PASSWORD,
	quiet: true
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => server.stop().then(() => process.exit(0)));
}
console.log(`E2E server ready at ${server.origin}`);
