import { describe, expect, it } from 'vitest';
import { onlineService } from '$lib/catalog';
import { m } from '$lib/i18n';
import { flattenCodes } from '$lib/pb/errors';
import { getLocale, setLocale } from '$lib/paraglide/runtime';
import { refusalMessages } from './refusal';

const birth = onlineService('akta-kelahiran')!;

describe('refusalMessages', () => {
	it('puts answer codes at their fields, with the form’s message and the step to fix them on', () => {
		const nikField = birth.steps.flatMap((step) => step.fields.map((field) => ({ step: step.id, field }))).find(({ field }) => field.type === 'person');
		expect(nikField).toBeDefined();
		const path = `${nikField!.field.name}.nik`;
		const refusal = refusalMessages(birth, { [`data.${path}`]: 'nik_province' });
		expect(refusal.fields).toHaveLength(1);
		expect(refusal.fields[0]).toMatchObject({ path, step: nikField!.step, code: 'nik_province' });
		expect(refusal.fields[0].message).toContain('provinsi');
		expect(refusal.general).toEqual([]);
	});

	it('puts document codes at their documents', () => {
		const kind = birth.documents[0].code;
		const refusal = refusalMessages(birth, { [`documents.${kind}`]: 'document_missing', [`documents.${kind}.file`]: 'file_type' });
		expect(refusal.documents.map((d) => [d.kind, d.code])).toEqual([
			[kind, 'document_missing'],
			[kind, 'file_type']
		]);
		expect(refusal.documents[1].message).toBe('Salah satu berkas bukan foto atau PDF yang bisa dibaca kantor. Ganti berkasnya.');
	});

	it('explains what belongs to no field once, and never answers nothing', () => {
		expect(refusalMessages(birth, { file: 'validation_invalid_mime_type', sha256: 'sha256_mismatch', id: 'id_conflict' }).general).toHaveLength(3);
		expect(refusalMessages(birth, { 'data.not_a_field': 'required' }).general).toEqual(['Ada jawaban yang ditolak kantor. Periksa jawaban Anda.']);
		expect(refusalMessages(birth, { page: 'document_page' }).general).toEqual([
			'Urutan halaman dokumen tidak dapat disimpan. Buka dokumennya, periksa urutan halamannya, lalu kirim lagi.'
		]);
		expect(refusalMessages(birth, {}).general).toEqual(['Kantor menolak kiriman ini. Hubungi kantor jika masalah berlanjut.']);
	});

	it('names a key beside the fields that the office does not know, in a message of its own in both languages', () => {
		const id = refusalMessages(birth, { 'data.pertanyaan_lama': 'unknown_key', 'data.__proto__': 'unknown_key' });
		expect(id.general).toEqual([
			'Formulir di aplikasi ini sudah usang: kantor tidak mengenal jawaban “pertanyaan_lama”. Tutup aplikasi lalu buka lagi (atau tekan “Muat ulang sekarang” jika muncul) agar formulirnya diperbarui. Setelah itu tekan “Perbaiki permohonan” dan kirim lagi.',
			'Formulir di aplikasi ini sudah usang: kantor tidak mengenal jawaban “__proto__”. Tutup aplikasi lalu buka lagi (atau tekan “Muat ulang sekarang” jika muncul) agar formulirnya diperbarui. Setelah itu tekan “Perbaiki permohonan” dan kirim lagi.'
		]);
		expect(id.fields).toEqual([]);
		// it names the buttons the resident will find
		const names = () => [m.update_reload(), m.correction_action()];
		for (const name of names()) expect(id.general[0]).toContain(name);
		const before = getLocale();
		setLocale('en', { reload: false });
		try {
			expect(refusalMessages(birth, { 'data.pertanyaan_lama': 'unknown_key' }).general).toEqual([
				'The form in this app is out of date: the office does not know the answer “pertanyaan_lama”. Close the app and open it again (or press “Reload now” if it appears) so that its form is updated. Then press “Correct the application” and send it again.'
			]);
			for (const name of names()) expect(refusalMessages(birth, { 'data.pertanyaan_lama': 'unknown_key' }).general[0]).toContain(name);
		} finally {
			setLocale(before, { reload: false });
		}
		// as the classifier keeps the server's answer (PocketBase's field errors under "data")
		const codes = flattenCodes(JSON.parse('{"data":{"__proto__":{"code":"unknown_key","message":"The form has no such answer."}}}'));
		expect(Object.entries(codes)).toEqual([['data.__proto__', 'unknown_key']]);
		expect(refusalMessages(birth, codes).general[0]).toContain('“__proto__”');
		// other codes beside the fields, and unknown keys inside a field, keep their messages
		expect(refusalMessages(birth, { 'data.pertanyaan_lama': 'required' }).general).toEqual(['Ada jawaban yang ditolak kantor. Periksa jawaban Anda.']);
		const person = birth.steps.flatMap((step) => step.fields).find((field) => field.type === 'person')!;
		const inside = refusalMessages(birth, { [`data.${person.name}.hobi`]: 'unknown_key' });
		expect(inside.general).toEqual([]);
		expect(inside.fields.map((field) => [field.path, field.code])).toEqual([[`${person.name}.hobi`, 'unknown_key']]);
	});
});
