import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { RESULT_PDF, api, expect, expectAccessible, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';
import { fakeBrowserSubscription, startPushService } from './push-service';

const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];

test('a resident subscribes; staff complete the application; the push shows, and status and PDF are on the phone offline', async ({ page, context, baseURL }) => {
	test.setTimeout(120_000);
	const pushService = await startPushService();
	try {
		await context.addInitScript(fakeBrowserSubscription(pushService));
		await context.grantPermissions(['notifications'], { origin: baseURL });
		const resident = await signInOnline(page, baseURL!, 'Nur Hidayah');

		// An application goes out and is received.
		await page.goto('/permohonan');
		await expect(page.getByText('Belum ada permohonan.')).toBeVisible();
		const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
		const [sent] = await seedOutbox(page, resident.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: KINDS.map((kind) => ({ kind, photo })) }]);
		await page.goto(`/permohonan/${sent.id}`);
		await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

		// The opt-in is offered after sending, with one sentence on why; the resident accepts.
		const offer = page.getByTestId('push-offer');
		await expect(offer).toContainText('Ponsel Anda akan memberi tahu');
		await expectAccessible(page);
		await offer.getByRole('button', { name: 'Aktifkan notifikasi' }).click();
		await expect(offer).toContainText('Notifikasi aktif di ponsel ini.');
		const staff = await api.staff(baseURL!);
		const headers = { authorization: staff.token };
		const subscriptions = await fetch(`${baseURL}/api/collections/push_subscriptions/records?filter=${encodeURIComponent(`owner="${resident.id}"`)}`, { headers }).then((r) => r.json());
		expect(subscriptions.items.map((s: { endpoint: string }) => s.endpoint)).toEqual([pushService.endpoint]);

		// The morning intake queues it; staff finish it: a result PDF and "completed".
		const intake = await fetch(`${baseURL}/api/office/intake`, { method: 'POST', headers });
		expect(intake.status, await intake.clone().text()).toBe(200);
		const form = new FormData();
		form.append('status', 'completed');
		form.append('results', new Blob([RESULT_PDF], { type: 'application/pdf' }), 'akta-kelahiran.pdf');
		const completed = await fetch(`${baseURL}/api/collections/applications/records/${sent.id}`, { method: 'PATCH', headers, body: form });
		expect(completed.status, await completed.clone().text()).toBe(200);
		const reference = (await completed.json()).reference as string;

		// The server's Web Push reaches the push service, encrypted for this subscription.
		await expect.poll(() => pushService.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
		await expect.poll(() => pushService.received.filter((message) => JSON.parse(message.payload).kind === 'completed').length, { timeout: 30_000 }).toBe(1);
		const delivered = pushService.received.find((message) => JSON.parse(message.payload).kind === 'completed');
		// Fails here, before anything reads it, when no push arrived.
		if (!delivered) throw new Error('no push for the completed application reached the push service');
		const payload = JSON.parse(delivered.payload);
		expect(payload.application).toBe(sent.id);
		expect(payload.title).toBe('Akta kelahiran siap diunduh');
		expect(payload.reference).toBe(reference);
		expect(String(delivered.headers.authorization)).toMatch(/^vapid t=/);

		// The browser hands it to the service worker (CDP stands in for the push service's delivery).
		await page.goto('/notifikasi');
		const cdp = await context.newCDPSession(page);
		const registrationId = new Promise<string>((resolve) => {
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const ours = registrations.find((registration) => registration.scopeURL.startsWith(baseURL!) && !registration.isDeleted);
				if (ours) resolve(ours.registrationId);
			});
		});
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.deliverPushMessage', { origin: baseURL!, registrationId: await registrationId, data: delivered.payload });

		const shown = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			for (let i = 0; i < 50; i++) {
				const notifications = await registration.getNotifications();
				if (notifications.length) return notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data }));
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			return [];
		});
		expect(shown).toHaveLength(1);
		expect(shown[0].title).toBe('Akta kelahiran siap diunduh');
		expect(shown[0].body).toContain(reference);
		expect(shown[0].tag).toBe(`app-${sent.id}`);
		// The tap opens the application's page.
		expect(shown[0].data.url).toBe(`/permohonan/${sent.id}`);

		// The push also synced: with the network off, the status and the PDF are there.
		await expect.poll(
			() =>
				page.evaluate(
					(id) =>
						new Promise((resolve) => {
							const open = indexedDB.open('dukcapil-daring');
							open.onsuccess = () => {
								const request = open.result.transaction('results').objectStore('results').index('applicationId').count(id);
								request.onsuccess = () => resolve(request.result);
							};
						}),
					sent.id
				),
			{ timeout: 20_000 }
		).toBe(1);
		await context.setOffline(true);
		await page.goto(`/permohonan/${sent.id}`);
		await expect(page.getByTestId('current-status')).toHaveText('Status: Selesai');
		const link = page.getByTestId('results').getByRole('link');
		await expect(link).toHaveText('Buka Akta kelahiran (PDF)');
		await expect(link).toHaveAttribute('href', /^blob:/);
		// The file behind the link is the office's PDF, read from the phone's own storage.
		const pdf = await page.evaluate(
			(id) =>
				new Promise<string>((resolve) => {
					const open = indexedDB.open('dukcapil-daring');
					open.onsuccess = () => {
						const request = open.result.transaction('results').objectStore('results').index('applicationId').getAll(id);
						request.onsuccess = async () => resolve((await (request.result[0].blob as Blob).text()).slice(0, 8));
					};
				}),
			sent.id
		);
		expect(pdf).toBe('%PDF-1.4');
		await expectAccessible(page);

		// The inbox works offline too, with the unread count in the menu.
		await page.goto('/notifikasi');
		await expect(page.getByTestId('notification-list')).toContainText('Akta kelahiran siap diunduh');
		await expect(page.getByTestId('unread-count')).toBeVisible();
		await expectAccessible(page);
	} finally {
		await pushService.close();
	}
});
