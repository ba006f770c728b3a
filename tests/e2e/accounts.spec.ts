import { api, expect, expectAccessible, newResident, registerThroughUi, test } from './support';

test.describe('residents accounts', () => {
	test('register, sign out and sign in again', async ({ page }) => {
		const resident = newResident('Siti Aminah');
		await page.goto('/akun/daftar');
		await expectAccessible(page);
		await registerThroughUi(page, resident);
		await expect(page.getByTestId('signed-in-as')).toHaveText(`Masuk sebagai ${resident.name}`);

		await page.getByRole('link', { name: 'Akun' }).click();
		await expect(page.getByTestId('account-details')).toContainText(resident.nik);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Keluar' }).click();
		await expect(page.getByRole('link', { name: 'Daftar akun' })).toBeVisible();
		await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

		await page.goto('/akun/masuk');
		await expectAccessible(page);
		await page.getByLabel('Email').fill(resident.email);
		await page.getByLabel('Kata sandi').fill('salah-sekali');
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByRole('alert')).toContainText('Email atau kata sandi salah.');
		await expectAccessible(page);

		await page.getByLabel('Kata sandi').fill(resident.password);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByTestId('signed-in-as')).toHaveText(`Masuk sebagai ${resident.name}`);
	});

	test('a bad NIK and a bad email are refused at the field, with an error summary', async ({ page }) => {
		const resident = { ...newResident(), nik: '2071051205900001', email: 'budi@' };
		await registerThroughUi(page, resident);
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Ada masalah');
		await expect(summary.getByRole('link', { name: 'NIK: dua angka pertama bukan kode provinsi yang berlaku' })).toBeVisible();
		await expect(page.locator('#field-nik-error')).toContainText('NIK: dua angka pertama bukan kode provinsi yang berlaku');
		await expect(page.locator('#field-email-error')).toContainText('Masukkan alamat email yang benar');
		await expect(page.getByLabel('NIK', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(page);

		// The summary links to the field.
		await summary.getByRole('link', { name: /NIK: dua angka pertama/ }).click();
		await expect(page.getByLabel('NIK', { exact: true })).toBeFocused();
	});

	test('an email or NIK already registered is refused by the server, shown at the field', async ({ page, baseURL }) => {
		const first = newResident();
		expect((await api.createResident(baseURL!, first)).status).toBe(200);

		await registerThroughUi(page, { ...newResident(), email: first.email });
		await expect(page.locator('#field-email-error')).toContainText('Email ini sudah terdaftar');

		await registerThroughUi(page, { ...newResident(), nik: first.nik });
		await expect(page.locator('#field-nik-error')).toContainText('NIK ini sudah terdaftar');
		await expectAccessible(page);
	});

	test('the server itself refuses a bad NIK, a bad email and a weak password sent directly', async ({ baseURL }) => {
		const cases: [Partial<ReturnType<typeof newResident>>, string, string][] = [
			[{ nik: '2071051205900001' }, 'nik', 'nik_province'],
			[{ nik: '6471053205900001' }, 'nik', 'nik_day'],
			[{ nik: '6471051205900000' }, 'nik', 'nik_serial'],
			[{ nik: '64710512059a0001' }, 'nik', ''],
			[{ email: 'budi@' }, 'email', ''],
			[{ password: 'short' }, 'password', '']
		];
		for (const [change, field, code] of cases) {
			const response = await api.createResident(baseURL!, { ...newResident(), ...change });
			expect(response.status, JSON.stringify(change)).toBe(400);
			const body = await response.json();
			expect(Object.keys(body.data), JSON.stringify(change)).toContain(field);
			if (code) expect(body.data[field].code).toBe(code);
		}
	});
});
