import { describe, expect, it } from 'vitest';
import vectors from '../../../tests/fixtures/nik.json';
import { nikBirth, nikError, nikSex, nikWarnings, type Sex } from './nik';

describe('NIK vectors shared with the Go server', () => {
	it('has vectors of every kind', () => {
		expect(vectors.valid.length).toBeGreaterThan(5);
		expect(new Set(vectors.invalid.map((v) => v.code))).toEqual(
			new Set(['nik_length', 'nik_digits', 'nik_province', 'nik_day', 'nik_month', 'nik_serial'])
		);
	});

	for (const v of vectors.valid) {
		it(`accepts ${v.nik} (${v.note})`, () => {
			expect(nikError(v.nik)).toBeNull();
			expect(nikSex(v.nik)).toBe(v.sex);
			expect(nikBirth(v.nik)).toEqual(v.birth);
		});
	}

	for (const v of vectors.invalid) {
		it(`refuses "${v.nik}" with ${v.code} (${v.note})`, () => {
			expect(nikError(v.nik)).toBe(v.code);
		});
	}

	for (const v of vectors.warnOnly) {
		it(`only warns for ${v.nik} stated ${v.stated.birthDate} ${v.stated.sex} (${v.note})`, () => {
			expect(nikError(v.nik)).toBeNull();
			expect(nikWarnings(v.nik, { birthDate: v.stated.birthDate, sex: v.stated.sex as Sex })).toEqual(v.warnings);
		});
	}
});
