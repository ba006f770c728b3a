import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { conditionHolds, PERSON_PARTS } from '../../src/lib/catalog/registry';
import type { Answers, Field, OnlineService, Step } from '../../src/lib/catalog/types';

/** A page model of the application journey, driven by the catalog's own definitions. */

function id(path: string): string {
	return `#f-${path.replace(/\./g, '-')}`;
}

async function fillField(page: Page, field: Field, value: unknown, path: string): Promise<void> {
	switch (field.type) {
		case 'choice':
		case 'yesno': {
			const select = page.locator(`select${id(path)}`);
			if (await select.count()) await select.selectOption(String(value));
			else await page.locator(`input[type="radio"][name="${path}"][value="${value}"]`).check();
			return;
		}
		case 'time':
			await page.locator(id(path)).fill(String(value).replace('.', ':'));
			return;
		case 'person': {
			const person = value as Record<string, string>;
			for (const part of field.parts ?? PERSON_PARTS) {
				if (part === 'sex') await page.locator(`input[type="radio"][name="${path}.sex"][value="${person.sex}"]`).check();
				else await page.locator(id(`${path}.${part}`)).fill(person[part] ?? '');
			}
			return;
		}
		case 'address': {
			const address = value as Record<string, string>;
			await page.locator(id(`${path}.kecamatan`)).selectOption(address.kecamatan);
			await page.locator(id(`${path}.kelurahan`)).selectOption(address.kelurahan);
			for (const part of ['rt', 'rw', 'street']) await page.locator(id(`${path}.${part}`)).fill(address[part]);
			return;
		}
		case 'group': {
			const items = (value as Answers[]) ?? [];
			const shown = page.locator(`fieldset.group-item:has([name^="${path}."])`);
			while ((await shown.count()) < items.length) await page.locator(id(path)).click();
			for (const [index, item] of items.entries()) {
				for (const child of field.fields) {
					if (conditionHolds(child.when, item)) await fillField(page, child, item[child.name], `${path}.${index}.${child.name}`);
				}
			}
			return;
		}
		default:
			await page.locator(id(path)).fill(String(value ?? ''));
	}
}

/** fillStep answers every shown question of a step that `answers` has, in order, as a resident would. */
export async function fillStep(page: Page, step: Step, answers: Answers): Promise<void> {
	for (const field of step.fields) {
		if (answers[field.name] === undefined) continue;
		if (conditionHolds(field.when, answers)) await fillField(page, field, answers[field.name], field.name);
	}
}

/** expectStep waits for a step's page by its title. */
export async function expectStep(page: Page, step: Step): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title.id);
}

/** startService opens a service from the services list and starts an application. */
export async function startService(page: Page, service: OnlineService): Promise<void> {
	await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Layanan' }).click();
	await page.getByRole('link', { name: service.name.id, exact: true }).click();
	await page.getByRole('button', { name: 'Mulai permohonan' }).click();
	await expectStep(page, service.steps[0]);
}

/** fillAllSteps answers every step and continues to the documents page. */
export async function fillAllSteps(page: Page, service: OnlineService, answers: Answers): Promise<void> {
	for (const step of service.steps) {
		await expectStep(page, step);
		await fillStep(page, step, answers);
		await page.getByRole('button', { name: 'Lanjutkan' }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto dokumen');
}

export { documentPhoto } from '../support/photos.js';

/** attachPhoto takes a "photo" of a document for a requirement and waits until it is stored. */
export async function attachPhoto(page: Page, code: string, name: string, photo: Buffer): Promise<void> {
	const slot = page.getByTestId(`document-${code}`);
	await slot.locator(`#f-doc-${code}`).setInputFiles({ name: `${code}.jpg`, mimeType: 'image/jpeg', buffer: photo });
	await expect(slot.getByTestId('document-attached')).toBeVisible({ timeout: 30_000 });
	await expect(slot.getByRole('img', { name: `Pratinjau ${name}` })).toBeVisible();
}
