import { describe, expect, it } from 'vitest';
import { errorText, flattenErrors, lowerFirst } from './errors';

describe('flattenErrors', () => {
	it('turns superforms errors into dot paths with the first code', () => {
		expect(
			flattenErrors({
				baby_name: ['required'],
				mother: { nik: ['nik_province', 'other'] },
				witnesses: { _errors: ['group_min'], 1: { name: ['required'] } }
			})
		).toEqual({ baby_name: 'required', 'mother.nik': 'nik_province', witnesses: 'group_min', 'witnesses.1.name': 'required' });
		expect(flattenErrors(undefined)).toEqual({});
	});
});

describe('errorText', () => {
	it('puts the label in the sentence, lower-cased except acronyms', () => {
		expect(errorText('required', { label: 'Nama bayi' })).toBe('Nama bayi wajib diisi');
		expect(errorText('required_choice', { label: 'Jenis kelamin' })).toBe('Pilih jenis kelamin');
		expect(errorText('number_min', { label: 'Berat bayi', min: 300 })).toBe('Berat bayi paling sedikit 300');
		expect(lowerFirst('NIK saksi')).toBe('NIK saksi');
		expect(lowerFirst('Tanggal lahir')).toBe('tanggal lahir');
	});

	it('asks for yes or no when the label of a choice is a question', () => {
		expect(errorText('required_choice', { label: 'Apakah Anda mengajukan untuk orang lain?' })).toBe('Pilih ya atau tidak: Apakah Anda mengajukan untuk orang lain?');
	});

	it('falls back to a generic message for an unknown code', () => {
		expect(errorText('no_such_code', { label: 'X' })).toBe('Isian ini tidak valid');
	});
});

describe('catalog message keys', () => {
	it('explains a precise pattern code named by a catalog field', () => {
		expect(errorText('skpwni_format', { label: 'Nomor SKPWNI' })).toContain('SKPWNI/6472/15102026/0012');
	});
});
