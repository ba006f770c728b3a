import { describe, expect, it } from 'vitest';
import { aktaKelahiran as service } from './akta-kelahiran';
import { withEvaluation } from '../conditions';
import { settingDefaults } from '../settings';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { validBirth, validBirthOfFoundling, validBirthParentsOnKk, validBirthToUnmarriedMother } from './akta-kelahiran.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validBirth };

describe('akta-kelahiran', () => {
	it('accepts a complete birth report', () => {
		expect(validateAnswers(service, validBirth)).toEqual({});
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.bayi.baby_name).toBe('required');
		expect(errors.bayi.baby_sex).toBe('required_choice');
		expect(errors.pelapor['reporter.nik']).toBe('required');
		expect(errors.alamat['address.kecamatan']).toBe('required_choice');
	});

	const invalid: [string, Answers, string, string][] = [
		['reporter NIK province', { reporter: { nik: '2071051205900001', name: 'A' } }, 'pelapor', 'reporter.nik:nik_province'],
		['relation outside the list', { reporter_relation: 'neighbour' }, 'pelapor', 'reporter_relation:choice_invalid'],
		['birth in the future', { birth_date: '2999-01-01' }, 'bayi', 'birth_date:date_future'],
		['an impossible date', { birth_date: '2026-02-30' }, 'bayi', 'birth_date:date_invalid'],
		['a bad time', { birth_time: '25:00' }, 'bayi', 'birth_time:time_invalid'],
		['hospital without its name', { birth_place_name: '' }, 'bayi', 'birth_place_name:required'],
		['home birth without the helper', { birth_place_kind: 'home' }, 'bayi', 'birth_helper:required_choice'],
		['weight too low', { weight_grams: '100' }, 'bayi', 'weight_grams:number_min'],
		['weight not a number', { weight_grams: '3,2 kg' }, 'bayi', 'weight_grams:number_invalid'],
		['length too long', { length_cm: '90' }, 'bayi', 'length_cm:number_max'],
		['birth order zero', { birth_order: '0' }, 'bayi', 'birth_order:number_min'],
		['mother NIK serial', { mother: { nik: '6471055205920000', name: 'S', birth_date: '1992-05-12' } }, 'orang-tua', 'mother.nik:nik_serial'],
		['father without a name', { father: { nik: '6471051205900001', name: '', birth_date: '1990-05-12' } }, 'orang-tua', 'father.name:required'],
		['no birth letter and no witnesses', { has_birth_letter: 'no', witnesses: [] }, 'keterangan', 'witnesses:group_min'],
		[
			'a witness with a bad NIK',
			{ has_birth_letter: 'no', witnesses: [{ nik: '123', name: 'A' }, { nik: '6471051205900001', name: 'B' }] },
			'keterangan',
			'witnesses.0.nik:nik_length'
		],
		['KK number too short', { kk_number: '647105' }, 'alamat', 'kk_number:kk_format'],
		['kelurahan of another kecamatan', { address: { ...(validBirth.address as object), kelurahan: 'Manggar' } }, 'alamat', 'address.kelurahan:kelurahan_mismatch'],
		['RT with letters', { address: { ...(validBirth.address as object), rt: 'dua' } }, 'alamat', 'address.rt:rt_rw']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validBirth, ...change })[path]).toBe(code);
		});
	}

	it('does not check a hidden field', () => {
		expect(validateStep(step('bayi'), { ...validBirth, birth_place_kind: 'home', birth_helper: 'midwife', birth_place_name: '' })).toEqual({});
	});

	it('asks for the documents that fit the answers', () => {
		expect(documentsAskedFor(service, validBirth).map((d) => d.code)).toEqual(['surat-kelahiran', 'buku-nikah', 'kk']);
		const noLetter = { ...validBirthParentsOnKk, has_birth_letter: 'no', on_behalf: 'yes' };
		expect(documentsAskedFor(service, noLetter).map((d) => d.code)).toEqual(['kk', 'f2-03', 'f2-04', 'surat-kuasa']);
		expect(missingDocuments(service, validBirth, ['kk']).map((d) => d.code)).toEqual(['surat-kelahiran', 'buku-nikah']);
	});

	describe('parents without a registered marriage', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);

		it('an unmarried mother: the certificate names her only; no father, no marriage book, no F-2.04', () => {
			expect(validateAnswers(service, validBirthToUnmarriedMother)).toEqual({});
			expect(codes(validBirthToUnmarriedMother)).toEqual(['surat-kelahiran', 'kk']);
			// the father's details are not asked, whatever is left in them
			expect(validateStep(step('orang-tua'), { ...validBirthToUnmarriedMother, father: { nik: '123', name: '', birth_date: 'x' } })).toEqual({});
			const hint = step('orang-tua').fields.find((field) => field.name === 'parents_on_kk_as_spouses')!.hint!;
			expect(hint.id).toContain('nama ibu saja');
			expect(hint.en).toContain('names the mother only');
		});

		it('parents whom the KK shows as husband and wife: the father is named, with F-2.04', () => {
			expect(validateAnswers(service, validBirthParentsOnKk)).toEqual({});
			expect(codes(validBirthParentsOnKk)).toEqual(['surat-kelahiran', 'kk', 'f2-04']);
			expect(validateStep(step('orang-tua'), { ...validBirthParentsOnKk, father: { nik: '', name: '', birth_date: '' } })).toMatchObject({ 'father.nik': 'required' });
		});

		it('asks whether the KK shows them as a couple only when the marriage is not registered', () => {
			expect(validateStep(step('orang-tua'), { ...validBirth, parents_on_kk_as_spouses: '' })).toEqual({});
			expect(validateStep(step('orang-tua'), { ...validBirthToUnmarriedMother, parents_on_kk_as_spouses: '' })).toEqual({ parents_on_kk_as_spouses: 'required_choice' });
		});
	});

	it('asks for two witnesses without a birth letter, or for every birth when the office sets so', () => {
		expect(validateStep(step('keterangan'), { ...validBirth, witnesses: [] })).toEqual({});
		const always = { ...settingDefaults(), birth_witnesses: 'always' };
		withEvaluation({ settings: always }, () => {
			expect(validateStep(step('keterangan'), { ...validBirth, witnesses: [] })).toEqual({ witnesses: 'group_min' });
		});
	});

	it('a foundling: the police report, and no parents asked', () => {
		expect(validateAnswers(service, validBirthOfFoundling)).toEqual({});
		expect(documentsAskedFor(service, validBirthOfFoundling).map((d) => d.code)).toEqual(['kk', 'bap-penemuan-anak', 'f2-03']);
		// a marriage answer left from before asks for nothing once the child is reported as found
		expect(documentsAskedFor(service, { ...validBirthOfFoundling, parents_married_registered: 'yes' }).map((d) => d.code)).toEqual(['kk', 'bap-penemuan-anak', 'f2-03']);
		expect(validateStep(step('orang-tua'), { ...validBirthOfFoundling, parents_married_registered: 'yes' })).toEqual({});
	});

	it('needs no court order for a late report: a notice only', () => {
		expect(service.deadline?.notice.id).toContain('tidak perlu penetapan pengadilan');
		expect(service.documents.map((d) => d.code)).not.toContain('penetapan-pengadilan');
	});
});
