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
	// The app's code came from the precache by the browser's static route, without a round trip
	// through the worker's script (Chromium 123+; src/service-worker/service-worker.ts).
	const code = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.filter((entry) => new URL(entry.name).pathname.startsWith('/_app/immutable/'))
			.map((entry) => (entry as PerformanceResourceTiming & { workerFinalSourceType?: string }).workerFinalSourceType ?? 'none')
	);
	expect(code.length).toBeGreaterThan(3);
	expect(new Set(code)).toEqual(new Set(['cache']));

	// A client route that was never visited also opens offline, from the precached shell.
	const account = await page.goto('/akun');
	expect(account?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('account-details')).toContainText(resident.email);
	await expect(page.getByText('Anda sedang luring')).toBeVisible();
	await expectAccessible(page);

	await context.setOffline(false);
	await expect(page.getByTestId('network-status')).toHaveText('Daring');
});
