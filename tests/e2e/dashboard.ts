import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A page model of the PocketBase dashboard as staff use it on an application. */

// The dashboard is a heavy single-page app and the machine may be shared: be patient with it.
export const DASHBOARD = { timeout: 20_000 };

/** editApplication opens the application's edit panel straight from its dashboard address. */
export async function editApplication(dashboard: Page, applicationId: string, status: string): Promise<Locator> {
	// A fresh load: a hash change alone, inside the running dashboard, does not open the panel.
	await dashboard.goto('about:blank');
	await dashboard.goto(`/_/#/collections?collection=applications&record=${applicationId}`);
	const panel = dashboard.locator('[data-pb="recordUpsertModal"][data-modal-state="open"]');
	await expect(panel.locator('.modal-title')).toHaveText(/Edit\s*applications\s*record/, DASHBOARD);
	await expect(panel.locator('button[name="status"]')).toHaveText(status, DASHBOARD);
	return panel;
}

/** chooseStatus picks an option in the dashboard's select dropdown for "status". */
export async function chooseStatus(panel: Locator, status: string): Promise<void> {
	await panel.locator('button[name="status"]').click(DASHBOARD);
	await panel.locator('.select-option').filter({ hasText: new RegExp(`^${status}$`) }).click(DASHBOARD);
	await expect(panel.locator('button[name="status"]')).toHaveText(status);
}

/** writeStaffNote types the note for the resident into "staff_note". */
export async function writeStaffNote(panel: Locator, note: string): Promise<void> {
	await panel.locator('textarea[name="staff_note"]').fill(note, DASHBOARD);
}

/** save presses "Save changes" and waits until the server has accepted the record. */
export async function save(dashboard: Page, panel: Locator): Promise<void> {
	const saved = dashboard.waitForResponse((r) => r.url().includes('/api/collections/applications/records/') && r.request().method() === 'PATCH', DASHBOARD);
	await panel.getByRole('button', { name: 'Save changes' }).click(DASHBOARD);
	const response = await saved;
	expect(response.status(), await response.text()).toBe(200);
	await expect(panel).toBeHidden(DASHBOARD);
}
