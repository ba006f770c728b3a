// The PocketBase that the end-to-end tests talk to (see scripts/lib/test-server.js). Playwright's
// webServer runs this, waits for "E2E server ready", and stops it at the end of the run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../scripts/lib/test-server.js';
import { startMailpit } from '../../scripts/lib/mailpit.js';

const { E2E_PORT, E2E_DATA_DIR, E2E_STAFF_EMAIL, E2E_STAFF_PASSWORD, E2E_MAIL_SMTP_PORT, E2E_MAIL_API } = process.env;
if (!E2E_PORT || !E2E_DATA_DIR || !E2E_STAFF_EMAIL || !E2E_STAFF_PASSWORD || !E2E_MAIL_SMTP_PORT || !E2E_MAIL_API) {
	throw new Error('run through playwright.config.ts');
}

// The real SMTP server the tests read the e-mails from (on the ports the config chose).
const mailpit = await startMailpit({ smtpPort: Number(E2E_MAIL_SMTP_PORT), httpPort: Number(new URL(E2E_MAIL_API).port) });

const server = await startTestServer({
	port: E2E_PORT,
	dataDir: E2E_DATA_DIR,
	staffEmail: E2E_STAFF_EMAIL,
	staffPassword: E2E_STAFF_PASSWORD,
	quiet: true,
	mail: mailpit
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => server
			.stop()
			.then(() => mailpit.stop())
			.then(() => process.exit(0)));
}
// The workers act as staff with the session the server start made: PocketBase lets one staff account
// use at most five one-time codes in three minutes, and a run would need more (tests/e2e/support.ts).
writeFileSync(join(E2E_DATA_DIR, 'e2e-staff-token'), server.staffToken, { mode: 0o600 });
console.log(`E2E server ready at ${server.origin}`);
