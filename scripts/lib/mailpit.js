// A real SMTP server for the tests: Mailpit (github.com/axllent/mailpit), built from its Go module
// into .cache/bin on first use, listening on loopback, with an HTTP API to read what arrived.
// PocketBase sends every e-mail of the tests to it; no mock stands in for the mailer.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './server.js';
import { freePort } from './ports.js';

export const MAILPIT_VERSION = 'v1.33.1';
const binDir = join(root, '.cache', 'bin');
export const mailpitBinary = join(binDir, process.platform === 'win32' ? 'mailpit.exe' : 'mailpit');

/** ensureMailpit builds Mailpit from its Go module when it is missing (about 80 s, once per machine). */
export function ensureMailpit() {
	if (existsSync(mailpitBinary)) return;
	mkdirSync(binDir, { recursive: true });
	console.log(`Building Mailpit ${MAILPIT_VERSION} for the e-mail tests (go install, once) ...`);
	execFileSync('go', ['install', `github.com/axllent/mailpit@${MAILPIT_VERSION}`], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, GOBIN: binDir }
	});
}

/**
 * @typedef {{ ID: string, Subject: string, To: { Address: string }[], Created: string }} MailSummary
 * @typedef {MailSummary & { HTML: string, Text: string }} Mail
 */

/**
 * startMailpit starts Mailpit on loopback (on the ports given, or two free ones) and resolves once
 * its API answers.
 * @param {{ quiet?: boolean, smtpPort?: number, httpPort?: number }} [options]
 */
export async function startMailpit({ quiet = true, smtpPort = 0, httpPort = 0 } = {}) {
	ensureMailpit();
	smtpPort ||= await freePort();
	httpPort ||= await freePort();
	const child = spawn(
		mailpitBinary,
		['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--disable-version-check', '--quiet', '--max', '5000'],
		{ stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] }
	);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const api = `http://127.0.0.1:${httpPort}`;
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`Mailpit exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${api}/api/v1/info`)).ok) break;
		} catch {
			// not listening yet
		}
		if (i > 200) throw new Error('Mailpit did not answer within 20 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		smtpHost: '127.0.0.1',
		smtpPort,
		api,
		pid: child.pid,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/**
 * waitForMail waits until an e-mail to `to` arrives whose subject matches, and returns it whole.
 * Only messages created at or after `since` count (a test asks twice: the second link is wanted).
 * @param {string} api Mailpit's HTTP address
 * `contains` narrows the search to messages holding that text (e.g. an OTP id).
 * @param {{ to: string, subject?: RegExp, contains?: string, since?: number, timeout?: number }} query
 * @returns {Promise<Mail>}
 */
export async function waitForMail(api, { to, subject = /./, contains = '', since = 0, timeout = 20_000 }) {
	const deadline = Date.now() + timeout;
	const query = `to:"${to}"${contains ? ` "${contains}"` : ''}`;
	for (;;) {
		const response = await fetch(`${api}/api/v1/search?query=${encodeURIComponent(query)}&limit=50`);
		if (response.ok) {
			const { messages } = /** @type {{ messages: MailSummary[] }} */ (await response.json());
			const found = messages.find((message) => subject.test(message.Subject) && Date.parse(message.Created) >= since - 1000);
			if (found) return /** @type {Promise<Mail>} */ (fetch(`${api}/api/v1/message/${found.ID}`).then((r) => r.json()));
		}
		if (Date.now() > deadline) throw new Error(`no e-mail to ${to} matching ${subject} within ${timeout} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * mailLink returns the first link of an e-mail that starts with `prefix` (HTML entities decoded).
 * @param {Mail} mail
 * @param {string} prefix
 */
export function mailLink(mail, prefix) {
	const links = [...mail.HTML.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replaceAll('&amp;', '&'));
	const link = links.find((href) => href.startsWith(prefix));
	if (!link) throw new Error(`no link starting with ${prefix} in "${mail.Subject}"`);
	return link;
}

/**
 * mailCode returns the one-time code of a staff sign-in e-mail (the digits in <strong>).
 * @param {Mail} mail
 */
export function mailCode(mail) {
	const code = /<strong>\s*([0-9]{4,12})\s*<\/strong>/.exec(mail.HTML)?.[1];
	if (!code) throw new Error(`no one-time code in "${mail.Subject}"`);
	return code;
}

/**
 * demoMailArgs gives the server flags of a demo run (npm start, npm run dev): without an SMTP server
 * of its own (DUKCAPIL_SMTP_HOST), a Mailpit on loopback catches every e-mail (the staff sign-in
 * codes, the verification links), and its address is printed. It lives as long as this process.
 * @param {string} appURL the address the links in the e-mails open
 * @returns {Promise<string[]>}
 */
export async function demoMailArgs(appURL) {
	if (process.env.DUKCAPIL_SMTP_HOST) return [];
	const mailpit = await startMailpit();
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => void mailpit.stop());
	process.on('exit', () => process.kill(/** @type {number} */ (mailpit.pid), 'SIGTERM'));
	console.log(`Demo e-mails (staff sign-in codes, verification and password links): ${mailpit.api}`);
	return [`--smtpHost=${mailpit.smtpHost}`, `--smtpPort=${mailpit.smtpPort}`, '--mailSender=noreply@balikpapan.dukcapil.test', `--appURL=${appURL}`];
}
