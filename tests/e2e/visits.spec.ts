import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validIdCardReplacement } from '../../src/lib/catalog/services/ktp-ganti.fixtures';
import { api, expect, expectAccessible, signInOnline, signInToDashboard, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// The dashboard is a heavy single-page app and the machine may be shared: be patient with it.
const DASHBOARD = { timeout: 20_000 };

/** officeToday is today's date at the office (WITA). */
function officeToday(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** asStaff calls the API as staff. */
async function asStaff(baseURL: string, method: string, path: string, body?: unknown): Promise<Response> {
	const staff = await api.staff(baseURL);
	return fetch(`${baseURL}${path}`, {
		method,
		headers: { authorization: staff.token, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/**
 * openTodayForVisits makes sure the office works today (an extra working day on a weekend or a
 * holiday) and has a KTP-el recording slot left today, late in the evening, so that the visit
 * booked in the test is one of today's: staff see it in todays_visits. It runs before 23:58 WITA.
 */
async function openTodayForVisits(baseURL: string): Promise<void> {
	const today = officeToday();
	const days = await (await asStaff(baseURL, 'GET', `/api/collections/office_days/records?filter=${encodeURIComponent(`date="${today}"`)}`)).json();
	const weekend = [0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay());
	if (days.items.length > 0) {
		const response = await asStaff(baseURL, 'PATCH', `/api/collections/office_days/records/${days.items[0].id}`, { kind: 'extra_working_day' });
		expect(response.status).toBe(200);
	} else if (weekend) {
		const response = await asStaff(baseURL, 'POST', '/api/collections/office_days/records', { date: today, kind: 'extra_working_day', name: 'e2e' });
		expect(response.status).toBe(200);
	}
	const slot = await asStaff(baseURL, 'POST', '/api/collections/appointment_slots/records', {
		service: 'ktp-rekam',
		date: today,
		start: '23:58',
		end: '23:59',
		capacity: 5
	});
	expect([200, 400]).toContain(slot.status); // 400: another run of this spec on the server made it
	// The office's weekly schedules made today's slots too; before their hours (a run after midnight
	// WITA) the server would give the resident the first of them. Closing them leaves the slot above
	// the only one with places, whatever the time of day.
	const filter = encodeURIComponent(`service="ktp-rekam" && date="${today}" && start!="23:58" && closed=false`);
	const others = await (await asStaff(baseURL, 'GET', `/api/collections/appointment_slots/records?perPage=100&filter=${filter}`)).json();
	for (const other of others.items as { id: string }[]) {
		const closed = await asStaff(baseURL, 'PATCH', `/api/collections/appointment_slots/records/${other.id}`, { closed: true });
		expect(closed.status).toBe(200);
	}
}

/** appointmentOf reads the resident's appointment as staff. */
async function appointmentOf(baseURL: string, id: string): Promise<Record<string, string>> {
	return (await asStaff(baseURL, 'GET', `/api/collections/appointments/records/${id}`)).json();
}

/** markAttendedInDashboard finds the ticket in todays_visits and sets the appointment attended in one save. */
async function markAttendedInDashboard(dashboard: Page, appointmentId: string, code: string): Promise<void> {
	await signInToDashboard(dashboard);
	await dashboard.getByText('todays_visits', { exact: true }).first().click(DASHBOARD);
	await expect(dashboard).toHaveURL(/collection=todays_visits/, DASHBOARD);
	const row = dashboard.getByRole('row').filter({ hasText: code });
	await expect(row).toBeVisible(DASHBOARD);
	await expect(row).toContainText('ktp-rekam');

	// A fresh load: a hash change alone, inside the running dashboard, does not open the panel.
	await dashboard.goto('about:blank');
	await dashboard.goto(`/_/#/collections?collection=appointments&record=${appointmentId}`);
	const panel = dashboard.locator('[data-pb="recordUpsertModal"][data-modal-state="open"]');
	await expect(panel.locator('.modal-title')).toHaveText(/Edit\s*appointments\s*record/, DASHBOARD);
	await panel.locator('button[name="status"]').click(DASHBOARD);
	await panel.locator('.select-option').filter({ hasText: /^attended$/ }).click(DASHBOARD);
	const saved = dashboard.waitForResponse((r) => r.url().includes('/api/collections/appointments/records/') && r.request().method() === 'PATCH', DASHBOARD);
	await panel.getByRole('button', { name: 'Save changes' }).click(DASHBOARD);
	const response = await saved;
	expect(response.status(), await response.text()).toBe(200);
}

test('a KTP-el recording asked for offline is booked online; the ticket opens offline; staff mark it attended', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(150_000);
	await openTodayForVisits(baseURL!);
	await signInOnline(page, baseURL!, 'Dewi Lestari');

	// Online once: the service page shows what to bring and the free days, kept for offline.
	await page.goto('/layanan/ktp-rekam');
	await expect(page.getByRole('heading', { name: 'Yang perlu dibawa' })).toBeVisible();
	await expect(page.getByTestId('free-days')).toContainText('tempat');
	await expect(page.getByTestId('free-days-seen')).toContainText('Terakhir dilihat');
	await expectAccessible(page);
	await page.setViewportSize({ width: 180, height: 800 });
	await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(180);
	await page.setViewportSize({ width: 1280, height: 720 });

	// Offline: the free days as last seen, and the request goes to the outbox.
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('free-days-seen')).toContainText('Terakhir dilihat');
	await page.getByLabel('Hari yang diinginkan').fill(officeToday());
	await page.getByRole('button', { name: 'Pesan jadwal' }).click();
	await expect(page).toHaveURL(/\/kunjungan\/[a-z0-9]{15}$/);
	const id = page.url().split('/').pop()!;
	await expect(page.getByTestId('visit-outbox')).toContainText('Jadwal akan dipesan saat Anda terhubung ke internet');
	await expectAccessible(page);

	// Online: the engine sends it and the phone shows the day, time and ticket code the server gave.
	await context.setOffline(false);
	await expect(page.getByTestId('visit-booked')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('visit-when')).toContainText('23.58–23.59 WITA');
	const code = (await page.getByTestId('ticket-code').textContent())!.trim();
	expect(code).toMatch(/^R-[A-Z0-9]{4}$/);
	const server = await appointmentOf(baseURL!, id);
	expect(server.status).toBe('booked');
	expect(server.code).toBe(code);
	expect(server.date).toBe(officeToday());

	// Offline after a reload: the whole ticket, QR code included, comes from the phone.
	await context.setOffline(true);
	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('ticket-code')).toHaveText(code);
	await expect(page.getByTestId('ticket-qr')).toBeVisible();
	await expect(page.getByTestId('ticket-qr')).toHaveAttribute('aria-label', `Kode QR tiket ${code}`);
	expect(await page.getByTestId('ticket-qr').locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
	await expect(page.getByTestId('visit-place')).toContainText('Disdukcapil');
	await expect(page.getByTestId('visit-place')).toContainText('Jl. MT Haryono'); // the office's setting visit_place_address, its default row
	await expect(page.getByText('Kartu Keluarga (KK) asli atau fotokopinya')).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('visit-ics').click()]);
	expect(download.suggestedFilename()).toBe(`kunjungan-${code}.ics`);
	const calendar = readFileSync((await download.path())!, 'utf8');
	expect(calendar).toContain('BEGIN:VEVENT');
	expect(calendar).toContain(`SUMMARY:Perekaman KTP-el — ${code}`);
	await expectAccessible(page);
	// At 200 % zoom of a small phone (180 CSS px) nothing of the ticket runs off sideways.
	await page.setViewportSize({ width: 180, height: 800 });
	await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(180);
	await page.setViewportSize({ width: 1280, height: 720 });
	await context.setOffline(false);

	// Staff see it in today's visits in the real dashboard and mark it attended in one save.
	const office = await browser.newContext({ baseURL });
	try {
		await markAttendedInDashboard(await office.newPage(), id, code);
	} finally {
		await office.close();
	}

	// The phone follows.
	await expect(page.getByTestId('visit-attended')).toBeVisible({ timeout: 30_000 });
	await expectAccessible(page);
	await page.goto('/kunjungan');
	await expect(page.getByTestId('visit-list')).toContainText('Sudah datang');
	await expectAccessible(page);
});

test('a replacement KTP-el completed without a PDF offers a collection visit linked to it', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const resident = await signInOnline(page, baseURL!, 'Siti Rahmawati');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [
		{ service: 'ktp-ganti', answers: validIdCardReplacement, documents: ['kk', 'ktp-el-rusak'].map((kind) => ({ kind, photo })) }
	]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	// The office queues it and finishes the card: completed with no PDF, "ready to collect".
	const intake = await asStaff(baseURL!, 'POST', '/api/office/intake');
	expect(intake.status, await intake.clone().text()).toBe(200);
	const done = await asStaff(baseURL!, 'PATCH', `/api/collections/applications/records/${sent.id}`, { status: 'completed' });
	expect(done.status, await done.clone().text()).toBe(200);

	const offer = page.getByTestId('offer-collection');
	await expect(offer).toContainText('KTP-el Anda siap diambil', { timeout: 30_000 });
	await expectAccessible(page);
	await offer.getByRole('link', { name: 'Pesan waktu pengambilan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengambilan KTP-el');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Pesan jadwal' }).click();
	await expect(page.getByTestId('visit-booked')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('ticket-code')).toHaveText(/^A-[A-Z0-9]{4}$/);
	const id = page.url().split('/').pop()!;
	expect((await appointmentOf(baseURL!, id)).application).toBe(sent.id);
	await expect(page.getByTestId('visit-application')).toContainText('Untuk permohonan BPN-');
	await expectAccessible(page);
});
