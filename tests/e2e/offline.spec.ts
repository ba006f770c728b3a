import { expect, expectAccessible, newResident, registerThroughUi, test, waitForServiceWorker } from './support';

test('after one online visit the app opens signed in with the network off', async ({ page, context }) => {
	const resident = newResident('Rahmat Hidayat');
	await registerThroughUi(page, resident);
	await expect(page.getByTestId('signed-in-as')).toBeVisible();
	await waitForServiceWorker(page);

	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('network-status')).toHaveText('Luring: tersimpan di ponsel ini');
	await expect(page.getByTestId('signed-in-as')).toHaveText(`Masuk sebagai ${resident.name}`);

	// A client route that was never visited also opens offline, from the precached shell.
	const account = await page.goto('/akun');
	expect(account?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('account-details')).toContainText(resident.email);
	await expect(page.getByText('Anda sedang luring')).toBeVisible();
	await expectAccessible(page);

	await context.setOffline(false);
	await expect(page.getByTestId('network-status')).toHaveText('Daring');
});
