import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.js';

// One fresh PocketBase per run: a free port and a temporary data dir, chosen once here in the
// main process; the workers inherit them through the environment.
if (!process.env.E2E_PORT) {
	process.env.E2E_PORT = execFileSync(process.execPath, [
		'-e',
		"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
	])
		.toString()
		.trim();
	process.env.E2E_DATA_DIR = join(tmpdir(), `dukcapil-e2e-${process.env.E2E_PORT}-${Date.now()}`);
	process.env.E2E_STAFF_EMAIL = 'staf.e2e@balikpapan.dukcapil.test';
	process.env.E2E_STAFF_PASSWORD = randomBytes(12).toString('base64url');
	// The server's e-mails go to a Mailpit on these ports (started by tests/e2e/server.js).
	const [smtpPort, httpPort] = execFileSync(process.execPath, [
		'-e',
		"const n=require('net');const a=n.createServer(),b=n.createServer();a.listen(0,'127.0.0.1',()=>b.listen(0,'127.0.0.1',()=>{console.log(a.address().port,b.address().port);a.close();b.close()}))"
	])
		.toString()
		.trim()
		.split(' ');
	process.env.E2E_MAIL_SMTP_PORT = smtpPort;
	process.env.E2E_MAIL_API = `http://127.0.0.1:${httpPort}`;
}

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL,
		trace: 'retain-on-failure',
		serviceWorkers: 'allow',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'node tests/e2e/server.js',
		wait: { stdout: /E2E server ready/ },
		// on a fresh machine the server first builds Mailpit (the test SMTP server) from its Go module
		timeout: 180_000,
		reuseExistingServer: false,
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
