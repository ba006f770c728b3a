import type { Locator, Page } from '@playwright/test';
import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { RESULT_PDF, api, expect, expectAccessible, signInOnline, signInToDashboard, test } from './support';
import { chooseStatus, DASHBOARD, editApplication, save } from './dashboard';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];

/** openTodaysQueue opens the "todays_queue" view from the sidebar. */
async function openTodaysQueue(dashboard: Page): Promise<void> {
	await dashboard.getByText('todays_queue', { exact: true }).first().click(DASHBOARD);
	await expect(dashboard).toHaveURL(/collection=todays_queue/, DASHBOARD);
}

/** previewQueueRow opens the read-only preview of the queue row with this reference. */
async function previewQueueRow(dashboard: Page, reference: string): Promise<Locator> {
	await dashboard.getByRole('row').filter({ hasText: reference }).click(DASHBOARD);
	const preview = dashboard.locator('.modal[data-modal-state="open"]').filter({ hasText: 'todays_queue record preview' });
	await expect(preview).toBeVisible(DASHBOARD);
	return preview;
}

/** attachResult puts a PDF into the "results" file field (its upload button is backed by a hidden file input). */
async function attachResult(panel: Locator, name: string, pdf: Buffer): Promise<void> {
	const field = panel.locator('.field-type-file:has(output[name="results"])');
	await field.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf }, DASHBOARD);
	await expect(field).toContainText(name.replace(/\.pdf$/, ''), DASHBOARD);
}

/** resultPdfStart reads the first bytes of the application's stored result PDF from the phone's IndexedDB. */
function resultPdfStart(page: Page, applicationId: string): Promise<string | null> {
	return page.evaluate(
		(id) =>
			new Promise<string | null>((resolve) => {
				const open = indexedDB.open('dukcapil-daring');
				open.onsuccess = () => {
					const request = open.result.transaction('results').objectStore('results').index('applicationId').getAll(id);
					request.onsuccess = async () => resolve(request.result.length ? (await (request.result[0].blob as Blob).text()).slice(0, 8) : null);
				};
			}),
		applicationId
	);
}

test('staff complete a sent application through the dashboard; the phone shows it and opens the PDF offline', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(150_000);
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

	// A staff member works in the real dashboard, in a browser of their own (its console is not the app's).
	const office = await browser.newContext({ baseURL });
	try {
		const dashboard = await office.newPage();
		await signInToDashboard(dashboard);
		await openTodaysQueue(dashboard);
		await expect(dashboard.getByRole('row').filter({ hasText: reference })).toBeVisible(DASHBOARD);
		const preview = await previewQueueRow(dashboard, reference);
		for (const kind of KINDS) await expect(preview.getByText(kind, { exact: true })).toBeVisible(DASHBOARD);
		await preview.getByRole('button', { name: 'Close' }).click(DASHBOARD);

		const panel = await editApplication(dashboard, sent.id, 'queued');
		await attachResult(panel, 'akta-kelahiran.pdf', RESULT_PDF);
		await chooseStatus(panel, 'completed');
		await save(dashboard, panel);
	} finally {
		await office.close();
	}

	// The phone, still open on the application, follows without a reload.
	await expect(page.getByTestId('current-status')).toHaveText('Status: Selesai', { timeout: 30_000 });
	await expect.poll(() => resultPdfStart(page, sent.id), { timeout: 20_000 }).toBe('%PDF-1.4');

	// With the network off, the status and the office's PDF are still there.
	await context.setOffline(true);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('current-status')).toHaveText('Status: Selesai');
	const link = page.getByTestId('results').getByRole('link');
	await expect(link).toHaveText('Buka Akta kelahiran (PDF)');
	await expect(link).toHaveAttribute('href', /^blob:/);
	expect(await resultPdfStart(page, sent.id)).toBe('%PDF-1.4');
	await expectAccessible(page);
});
