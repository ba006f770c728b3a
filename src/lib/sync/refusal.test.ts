import { describe, expect, it } from 'vitest';
import { onlineService } from '$lib/catalog';
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
});
