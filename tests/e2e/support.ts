import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailCode, mailLink, waitForMail } from '../../scripts/lib/mailpit.js';
import { staffSignIn } from '../../scripts/lib/test-server.js';

export { mailLink, waitForMail };

/** mailApi is the HTTP address of the Mailpit that the shared test server sends its e-mails to. */
export function mailApi(): string {
	const api = process.env.E2E_MAIL_API;
	if (!api) throw new Error('run through playwright.config.ts');
	return api;
}

/** waitForResidentMail waits for an e-mail to this address on the shared server (subject matching). */
export function waitForResidentMail(to: string, subject: RegExp, since = 0) {
	return waitForMail(mailApi(), { to, subject, since });
}

/** A resident made for one test: unique email and NIK, so tests can run in parallel on one server. */
export interface Resident {
	name: string;
	nik: string;
	phone: string;
	email: string;
	password: string;
}

/** uniqueNik makes a valid Balikpapan NIK that no other test uses (random date and serial). */
export function uniqueNik(): string {
	const day = String(randomInt(1, 29) + (randomInt(2) ? 40 : 0)).padStart(2, '0');
	const month = String(randomInt(1, 13)).padStart(2, '0');
	const year = String(randomInt(0, 100)).padStart(2, '0');
	const serial = String(randomInt(1, 10000)).padStart(4, '0');
	return `647105${day}${month}${year}${serial}`;
}

export function newResident(name = 'Budi Santoso'): Resident {
	const tag = randomBytes(5).toString('hex');
	return { name, nik: uniqueNik(), phone: '081234567890', email: `warga.${tag}@contoh.id`, password: `rahasia-${tag}` };
}

/** One staff session per worker on the shared server: staff sign in with a password and an e-mailed code. */
let sharedStaff: Promise<{ token: string; record: { id: string } }> | null = null;

/** staffSession is the staff session the test server's start made (tests/e2e/server.js), else a new sign-in. */
async function staffSession(baseURL: string): Promise<{ token: string; record: { id: string } }> {
	try {
		const token = readFileSync(join(process.env.E2E_DATA_DIR!, 'e2e-staff-token'), 'utf8').trim();
		const refreshed = await fetch(`${baseURL}/api/collections/_superusers/auth-refresh`, { method: 'POST', headers: { authorization: token } });
		if (refreshed.ok) return (await refreshed.json()) as { token: string; record: { id: string } };
	} catch {
		// no token file: sign in below
	}
	return staffSignIn(baseURL, mailApi(), process.env.E2E_STAFF_EMAIL!, process.env.E2E_STAFF_PASSWORD!);
}

/** Talks to the test server's REST API as a resident or as staff. */
export const api = {
	/**
	 * createResident registers a resident through the API. On the shared server the e-mail is then
	 * confirmed (as staff), because the office receives applications only from verified accounts;
	 * pass `verified: false` to keep it unconfirmed, or for a server of a test's own.
	 */
	async createResident(baseURL: string, resident: Resident, { verified = true } = {}): Promise<Response> {
		const response = await fetch(`${baseURL}/api/collections/users/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...resident, passwordConfirm: resident.password })
		});
		if (!verified || !response.ok) return response;
		const { id } = await response.clone().json();
		await api.verify(baseURL, id);
		return response;
	},
	/** verify marks a resident's e-mail as confirmed, as staff. */
	async verify(baseURL: string, id: string): Promise<void> {
		const staff = await api.staff(baseURL);
		const response = await fetch(`${baseURL}/api/collections/users/records/${id}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', authorization: staff.token },
			body: JSON.stringify({ verified: true })
		});
		expect(response.status, await response.clone().text()).toBe(200);
	},
	async signIn(baseURL: string, email: string, password: string, collection = 'users'): Promise<{ token: string; record: { id: string } }> {
		const response = await fetch(`${baseURL}/api/collections/${collection}/auth-with-password`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identity: email, password })
		});
		expect(response.status, await response.clone().text()).toBe(200);
		return response.json();
	},
	async residentToken(baseURL: string, resident: Resident): Promise<{ token: string; id: string }> {
		const created = await api.createResident(baseURL, resident);
		expect(created.status, await created.clone().text()).toBe(200);
		const auth = await api.signIn(baseURL, resident.email, resident.password);
		return { token: auth.token, id: auth.record.id };
	},
	/** staff is the shared server's staff session (made when the server started; else password, then the e-mailed code). */
	staff(baseURL: string): Promise<{ token: string; record: { id: string } }> {
		sharedStaff ??= staffSession(baseURL);
		return sharedStaff;
	},
	/**
	 * staffMember adds a staff account of its own for one dashboard session (every staff member has
	 * one; nobody shares one), so that the one-time codes of parallel sign-ins never meet.
	 */
	async staffMember(baseURL: string): Promise<{ email: string; password: string }> {
		const staff = await api.staff(baseURL);
		const tag = randomBytes(5).toString('hex');
		const member = { email: `staf.${tag}@balikpapan.dukcapil.test`, password: `rahasia-staf-${tag}` };
		const created = await fetch(`${baseURL}/api/collections/_superusers/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: staff.token },
			body: JSON.stringify({ ...member, passwordConfirm: member.password })
		});
		expect(created.status, await created.clone().text()).toBe(200);
		return member;
	}
};

/**
 * signInToDashboard signs a staff member of their own (staffMember) in to the dashboard at /_/: the password,
 * then the one-time code that the dashboard asks the server to e-mail (read from Mailpit by its id).
 */
export async function signInToDashboard(dashboard: Page, timeout = 20_000): Promise<void> {
	const member = await api.staffMember(`http://127.0.0.1:${process.env.E2E_PORT}`);
	await dashboard.goto('/_/');
	await dashboard.getByLabel(/email/i).fill(member.email);
	await dashboard.getByRole('textbox', { name: /password/i }).fill(member.password);
	await dashboard.getByRole('button', { name: /next|login/i }).click({ timeout });
	const otpId = dashboard.locator('input[name="otpId"]');
	await expect(otpId).toBeVisible({ timeout });
	const id = (await otpId.inputValue()) || (await otpId.getAttribute('placeholder')) || '';
	const mail = await waitForMail(mailApi(), { to: member.email, contains: id });
	await dashboard.getByLabel('One-time password').fill(mailCode(mail));
	await dashboard.getByRole('button', { name: /login/i }).click({ timeout });
	await expect(dashboard.getByText('todays_queue', { exact: true }).first()).toBeVisible({ timeout });
}

/** expectAccessible runs axe on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
	// The SPA renders after its script has loaded: check the page, not the empty shell before it.
	await page.locator('main h1').first().waitFor();
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The test fixture: every page records Content-Security-Policy violations and uncaught errors,
 * and a test fails if the app caused any.
 */
export const test = base.extend<{ pageProblems: string[] }>({
	pageProblems: [
		async ({ page }, use) => {
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
		});
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		await use(problems);
		expect(problems, 'CSP violations or uncaught errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** registerThroughUi fills in and sends the registration form. */
export async function registerThroughUi(page: Page, resident: Resident): Promise<void> {
	await page.goto('/akun/daftar');
	await page.getByLabel('Nama lengkap').fill(resident.name);
	await page.getByLabel('NIK', { exact: true }).fill(resident.nik);
	await page.getByLabel('Nomor HP').fill(resident.phone);
	await page.getByLabel('Email').fill(resident.email);
	await page.getByLabel('Kata sandi', { exact: true }).fill(resident.password);
	await page.getByLabel('Ulangi kata sandi').fill(resident.password);
	await page.getByRole('button', { name: 'Buat akun' }).click();
}

/**
 * waitForServiceWorker waits until the service worker is active (so the whole app shell is
 * precached: activation follows a complete install) and controls the page.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
}

/**
 * signInOnline makes a resident, signs in through the app while online, and waits until the app has
 * installed itself (the service worker controls the page), so the rest of a test can go offline.
 * `verified: false` for a server of a test's own (see api.createResident).
 */
export async function signInOnline(page: Page, baseURL: string, name = 'Ahmad Fauzi', { verified = true } = {}): Promise<Resident & { id: string }> {
	const resident = newResident(name);
	const created = await api.createResident(baseURL, resident, { verified });
	expect(created.status, await created.clone().text()).toBe(200);
	const { id } = await created.json();
	await page.goto(`${baseURL}/akun/masuk`);
	await page.getByLabel('Email').fill(resident.email);
	await page.getByLabel('Kata sandi').fill(resident.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('signed-in-as')).toBeVisible();
	await waitForServiceWorker(page);
	return { ...resident, id };
}

/** A minimal PDF, as staff upload for a finished document. */
export const RESULT_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

/** phoneStorage reads every row of every IndexedDB table and every Cache Storage entry, as JSON text. */
export function phoneStorage(page: Page): Promise<{ tables: Record<string, string[]>; caches: Record<string, string[]> }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('dukcapil-daring');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tables: Record<string, string[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			const rows = await new Promise<unknown[]>((resolve) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
			});
			tables[name] = rows.map((row) => JSON.stringify(row));
		}
		db.close();
		const stored: Record<string, string[]> = {};
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			stored[name] = (await cache.keys()).map((request) => request.url);
		}
		return { tables, caches: stored };
	});
}
