import { validBirth } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { RESULT_PDF, api, expect, expectAccessible, newResident, phoneStorage, signInOnline, test } from './support';
import { documentPhoto } from './journey';
import { seedOutbox } from './outbox';

// One family phone: resident A applies and signs out, resident B signs in on the same browser profile.
const KINDS = ['surat-kelahiran', 'buku-nikah', 'kk'];

async function sendAndComplete(baseURL: string, applicationId: string): Promise<void> {
	const staff = await api.staff(baseURL);
	const headers = { authorization: staff.token };
	const intake = await fetch(`${baseURL}/api/office/intake`, { method: 'POST', headers });
	expect(intake.status, await intake.clone().text()).toBe(200);
	const form = new FormData();
	form.append('status', 'completed');
	form.append('results', new Blob([RESULT_PDF], { type: 'application/pdf' }), 'akta-kelahiran.pdf');
	const completed = await fetch(`${baseURL}/api/collections/applications/records/${applicationId}`, { method: 'PATCH', headers, body: form });
	expect(completed.status, await completed.clone().text()).toBe(200);
}

test('A signs out after sending first; B on the same phone finds nothing of A', async ({ page, context, baseURL }) => {
	test.setTimeout(120_000);
	const a = await signInOnline(page, baseURL!, 'Warga Satu');
	const photo = await documentPhoto(page, 'DOKUMEN A', 800, 600);
	const birth = (name: string) => ({ service: 'akta-kelahiran', answers: { ...validBirth, baby_name: name }, documents: KINDS.map((kind) => ({ kind, photo })) });

	// A's first application is received and completed: its PDF is on the phone.
	const [first] = await seedOutbox(page, a.id, [birth('Bayi Pertama')]);
	await page.goto(`/permohonan/${first.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });
	await sendAndComplete(baseURL!, first.id);
	await page.reload();
	await expect(page.getByTestId('results')).toBeVisible({ timeout: 30_000 });
	// A runtime cache of the resident's files, as the service worker may keep: the wipe must reach it.
	await page.evaluate(async (id) => {
		const cache = await caches.open('dukcapil-files');
		await cache.put(`/api/files/applications/${id}/akta-kelahiran.pdf`, new Response('%PDF-1.4', { headers: { 'content-type': 'application/pdf' } }));
	}, first.id);

	// A second application waits offline; A signs out and chooses to send it first.
	await context.setOffline(true);
	const [second] = await seedOutbox(page, a.id, [birth('Bayi Kedua')]);
	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	const warning = page.getByTestId('sign-out-unsent');
	await expect(warning).toContainText('Permohonan belum terkirim: 1');
	await expect(warning).toContainText('1 permohonan menunggu dikirim.');
	await expectAccessible(page);
	await context.setOffline(false);
	await warning.getByRole('button', { name: 'Kirim dulu, lalu keluar' }).click();
	await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible({ timeout: 30_000 });
	const staff = await api.staff(baseURL!);
	const onServer = await fetch(`${baseURL}/api/collections/applications/records/${second.id}`, { headers: { authorization: staff.token } }).then((r) => r.json());
	expect(onServer.status).toBe('submitted');

	// B signs in on the same browser profile.
	await signInOnline(page, baseURL!, 'Warga Dua');
	await page.goto('/permohonan');
	await expect(page.getByText('Belum ada permohonan.')).toBeVisible();
	await page.goto('/notifikasi');
	await expect(page.getByText('Belum ada notifikasi.')).toBeVisible();
	for (const path of [`/permohonan/${first.id}`, `/permohonan/${first.id}/dokumen`, `/permohonan/${first.id}/periksa`, `/permohonan/${second.id}`]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
	}

	// Nothing of A is left in IndexedDB or in Cache Storage.
	const stored = await phoneStorage(page);
	const traces = [a.id, a.email, a.nik, first.id, second.id, ...first.documents.map((d) => d.id)];
	for (const [table, rows] of Object.entries(stored.tables)) {
		for (const trace of traces) expect(rows.filter((row) => row.includes(trace)), `${table} holds ${trace}`).toEqual([]);
	}
	expect(stored.tables.results).toEqual([]);
	expect(Object.keys(stored.caches).every((name) => name.startsWith('workbox-precache')), Object.keys(stored.caches).join()).toBe(true);
	for (const urls of Object.values(stored.caches)) expect(urls.filter((url) => url.includes('/api/'))).toEqual([]);
});

test('A signs out with an unsent application, chooses to stay signed in, and nothing is lost', async ({ page, context, baseURL }) => {
	const a = await signInOnline(page, baseURL!, 'Warga Tiga');
	const photo = await documentPhoto(page, 'DOKUMEN', 800, 600);
	await context.setOffline(true);
	const [waiting] = await seedOutbox(page, a.id, [{ service: 'akta-kelahiran', answers: validBirth, documents: KINDS.map((kind) => ({ kind, photo })) }]);
	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	const warning = page.getByTestId('sign-out-unsent');
	await expect(warning).toBeVisible();
	await warning.getByRole('button', { name: 'Tetap masuk' }).click();
	await expect(warning).toBeHidden();
	await expect(page.getByTestId('account-details')).toContainText(a.email);

	await page.goto('/permohonan');
	await expect(page.getByTestId('outbox-list').getByRole('listitem')).toHaveCount(1);
	const documents = await page.evaluate(
		(id) =>
			new Promise<number>((resolve) => {
				const open = indexedDB.open('dukcapil-daring');
				open.onsuccess = () => {
					const request = open.result.transaction('documents').objectStore('documents').index('applicationId').count(id);
					request.onsuccess = () => resolve(request.result);
				};
			}),
		waiting.id
	);
	expect(documents).toBe(KINDS.length);

	// Back online, it goes out as it would have.
	await context.setOffline(false);
	await expect(page.getByTestId('received-list').getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
});

test('A signs out in one window: another window of the app stops showing A, and follows B signing in', async ({ page, context, baseURL }) => {
	test.setTimeout(90_000);
	const a = await signInOnline(page, baseURL!, 'Warga Lima');
	const photo = await documentPhoto(page, 'DOKUMEN A', 800, 600);
	const [sent] = await seedOutbox(page, a.id, [{ service: 'akta-kelahiran', answers: { ...validBirth, baby_name: 'Bayi Rahasia' }, documents: KINDS.map((kind) => ({ kind, photo })) }]);
	await page.goto(`/permohonan/${sent.id}`);
	await expect(page.getByTestId('reference')).toContainText('BPN-', { timeout: 30_000 });

	// A second window (a tab beside the installed app) shows A's application.
	const other = await context.newPage();
	const otherProblems: string[] = [];
	other.on('pageerror', (error) => otherProblems.push(error.message));
	await other.goto(`/permohonan/${sent.id}`);
	await expect(other.getByText('Bayi Rahasia').first()).toBeAttached();
	await expect(other.getByRole('button', { name: 'Tarik permohonan' })).toBeVisible();

	// A signs out in the first window: the second starts again at the home page, signed out.
	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible({ timeout: 30_000 });
	await expect(other).toHaveURL(/\/$/);
	await expect(other.getByRole('link', { name: 'Daftar akun' })).toBeVisible();
	await expect(other.getByText('Bayi Rahasia')).toHaveCount(0);
	await expect(other.getByText(a.name)).toHaveCount(0);

	// B signs in in the first window: the second, which showed nobody's data, follows.
	const b = await signInOnline(page, baseURL!, 'Warga Enam');
	await expect(other.getByTestId('signed-in-as')).toContainText(b.name);
	await other.goto('/permohonan');
	await expect(other.getByText('Belum ada permohonan.')).toBeVisible();
	expect(otherProblems).toEqual([]);
	await other.close();
});

test('while A is signed in, B can neither sign in nor register on the phone until A signs out', async ({ page, baseURL }) => {
	const a = await signInOnline(page, baseURL!, 'Warga Tujuh');
	const b = newResident('Warga Delapan');
	expect((await api.createResident(baseURL!, b)).status).toBe(200);

	await page.goto('/akun/daftar');
	await expect(page.getByTestId('signed-in-here')).toContainText('Anda masuk di ponsel ini sebagai Warga Tujuh.');
	await expect(page.getByRole('button', { name: 'Buat akun' })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/akun/masuk');
	await expect(page.getByTestId('signed-in-here')).toContainText('keluarkan dulu akun Warga Tujuh');
	await page.getByLabel('Email').fill(b.email);
	await page.getByLabel('Kata sandi').fill(b.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('Akun lain sedang masuk di ponsel ini.');
	await expectAccessible(page);
	// nothing changed: A is still the one signed in, on the page and in the stored sign-in
	expect(await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? '{}').record?.name)).toBe('Warga Tujuh');

	// A may sign in again (here by NIK, written with spaces), as after an expired session
	await page.getByLabel('Email').fill(`${a.nik.slice(0, 6)} ${a.nik.slice(6)}`);
	await page.getByLabel('Kata sandi').fill(a.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('signed-in-as')).toContainText('Warga Tujuh');

	// once A has signed out, B signs in
	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible({ timeout: 30_000 });
	await page.goto('/akun/masuk');
	await expect(page.getByTestId('signed-in-here')).toHaveCount(0);
	await page.getByLabel('Email').fill(b.email);
	await page.getByLabel('Kata sandi').fill(b.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('signed-in-as')).toContainText('Warga Delapan');
});
