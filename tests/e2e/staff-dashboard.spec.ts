import type { Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { api, expect, expectAccessible, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];
const RESULT_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);
// The dashboard is a heavy single-page app and the machine may be shared: be patient with it.
const DASHBOARD = { timeout: 20_000 };

/** signInToDashboard signs the staff member in to the PocketBase dashboard at /_/. */
async function signInToDashboard(dashboard: Page): Promise<void> {
	await dashboard.goto('/_/');
	await dashboard.getByLabel(/email/i).fill(process.env.E2E_STAFF_EMAIL!);
	await dashboard.getByRole('textbox', { name: /password/i }).fill(process.env.E2E_STAFF_PASSWORD!);
	await dashboard.getByRole('button', { name: /login/i }).click();
	await expect(dashboard.getByText('todays_queue', { exact: true }).first()).toBeVisible(DASHBOARD);
}

/** openTodaysQueue opens the "todays_queue" view from the sidebar. */
async function openTodaysQueue(dashboard: Page): Promise<void> {
	await dashboard.getByText('todays_queue', { exact: true }).first().click();
	await dashboard.screenshot({ path: '/tmp/staff-1-queue.png' });
}

/** openQueueRow opens the preview of the queue row that shows the reference. */
async function openQueueRow(dashboard: Page, reference: string) {
	const row = dashboard.getByRole('row').filter({ hasText: reference });
	await expect(row).toBeVisible(DASHBOARD);
	await row.click();
	await dashboard.screenshot({ path: '/tmp/staff-2-preview.png' });
}

/** completeWithResult opens the application's edit panel, attaches the PDF, sets "completed" and saves. */
async function completeWithResult(dashboard: Page, applicationId: string): Promise<void> {
	await dashboard.getByRole('button', { name: 'Close' }).click();
	await dashboard.getByText('applications', { exact: true }).first().click();
	await dashboard.getByRole('row').filter({ hasText: applicationId }).click();
	await dashboard.waitForTimeout(3000);
	await dashboard.screenshot({ path: '/tmp/staff-3-edit.png', fullPage: true });
	require('fs').writeFileSync('/tmp/staff-3.html', await dashboard.content());
}

test('staff complete a sent application through the dashboard; the phone shows it and opens the PDF offline', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(180_000);
	const resident = await signInOnline(page, baseURL!, 'Siti Rahmawati');

	// The resident's phone sends an application with its three documents; the office receives it.
	await page.goto('/permohonan');
	await expect(page.getByText('Belum ada permohonan.')).toBeVisible();
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: KINDS.map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });
	const reference = (await page.getByTestId('reference').textContent())!.match(/BPN-[\w-]+/)![0];

	// The morning intake puts it in today's queue.
	const staff = await api.staff(baseURL!);
	const intake = await fetch(`${baseURL}/api/office/intake`, { method: 'POST', headers: { authorization: staff.token } });
	expect(intake.status, await intake.clone().text()).toBe(200);

	// A staff member, in their own browser, works through the dashboard.
	const office = await browser.newContext({ baseURL });
	try {
		const dashboard = await office.newPage();
		await signInToDashboard(dashboard);
		await openTodaysQueue(dashboard);
		await openQueueRow(dashboard, reference);
		await completeWithResult(dashboard, sent.id);
	} finally {
		await office.close();
	}
});
