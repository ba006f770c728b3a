import { describe, expect, it } from 'vitest';
import { refusalTexts } from './refusal';

describe('refusalTexts', () => {
	it('explains each kind of refusal once', () => {
		expect(refusalTexts({ file: 'validation_invalid_mime_type' })).toEqual(['Salah satu berkas bukan foto atau PDF yang bisa dibaca kantor. Ganti berkasnya.']);
		expect(refusalTexts({ 'data.mother.nik': 'nik_province', 'data.baby_name': 'required' })).toHaveLength(1);
		expect(refusalTexts({ 'documents.kk': 'document_missing', sha256: 'sha256_mismatch' })).toHaveLength(2);
		expect(refusalTexts({})).toEqual(['Kantor menolak kiriman ini. Hubungi kantor jika masalah berlanjut.']);
	});
});
