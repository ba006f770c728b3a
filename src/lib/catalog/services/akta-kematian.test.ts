import { describe, expect, it } from 'vitest';
import { aktaKematian as service } from './akta-kematian';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { conditionMayHold, withEvaluation } from '../conditions';
import { settingDefaults } from '../settings';
import { validDeath, validDeathAtHome, validDeathLongAgo, validDeathReportedByNonHeir, witnesses } from './akta-kematian.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validDeath };

describe('akta-kematian', () => {
	it('accepts a complete death report', () => {
		expect(validateAnswers(service, validDeath)).toEqual({});
	});

	it('counts its deadline of 30 days from the date of death', () => {
		expect(service.deadline).toMatchObject({ days: 30, from: 'death_date' });
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.pelapor).toEqual({
			'reporter.nik': 'required',
			'reporter.name': 'required',
			reporter_relation: 'required_choice',
			heir_on_deceased_kk: 'required_choice',
			on_behalf: 'required_choice'
		});
		expect(errors.almarhum).toMatchObject({ 'deceased.nik': 'required', 'deceased.sex': 'required_choice', kk_number: 'required', deceased_has_ktp: 'required_choice' });
		expect(errors.kematian).toEqual({ death_date: 'required', death_time: 'required', death_place_kind: 'required_choice', death_cause: 'required_choice' });
		expect(errors.saksi).toEqual({ 'witnesses.0.nik': 'required', 'witnesses.0.name': 'required', 'witnesses.1.nik': 'required', 'witnesses.1.name': 'required' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a reporter NIK with day 72', { reporter: { nik: '6471037208850003', name: 'Budi' } }, 'pelapor', 'reporter.nik:nik_day'],
		['a relation outside the list', { reporter_relation: 'neighbour' }, 'pelapor', 'reporter_relation:choice_invalid'],
		['a deceased NIK with month 00', { deceased: { ...(validDeath.deceased as object), nik: '6471030500500001' } }, 'almarhum', 'deceased.nik:nik_month'],
		['a deceased without a name', { deceased: { ...(validDeath.deceased as object), name: '' } }, 'almarhum', 'deceased.name:required'],
		['a deceased born in the future', { deceased: { ...(validDeath.deceased as object), birth_date: '2999-07-05' } }, 'almarhum', 'deceased.birth_date:date_future'],
		['a deceased birth date that is no date', { deceased: { ...(validDeath.deceased as object), birth_date: '05-07-1950' } }, 'almarhum', 'deceased.birth_date:date_invalid'],
		['a deceased without sex', { deceased: { ...(validDeath.deceased as object), sex: '' } }, 'almarhum', 'deceased.sex:required_choice'],
		['a KK number with spaces', { kk_number: '6471 0301 0115 0007' }, 'almarhum', 'kk_number:kk_format'],
		['an unanswered KTP question', { deceased_has_ktp: '' }, 'almarhum', 'deceased_has_ktp:required_choice'],
		['a death in the future', { death_date: '2999-01-01' }, 'kematian', 'death_date:date_future'],
		['an impossible date of death', { death_date: '2026-04-31' }, 'kematian', 'death_date:date_invalid'],
		['a time of 24.10', { death_time: '24.10' }, 'kematian', 'death_time:time_invalid'],
		['a place outside the list', { death_place_kind: 'street' }, 'kematian', 'death_place_kind:choice_invalid'],
		['a hospital without its name', { death_place_name: '' }, 'kematian', 'death_place_name:required'],
		['a hospital name too long', { death_place_name: 'x'.repeat(201) }, 'kematian', 'death_place_name:too_long'],
		['a cause outside the list', { death_cause: 'covid' }, 'kematian', 'death_cause:choice_invalid'],
		['one witness only', { witnesses: [witnesses[0]] }, 'saksi', 'witnesses:group_min'],
		['three witnesses', { witnesses: [...witnesses, witnesses[0]] }, 'saksi', 'witnesses:group_max'],
		['a witness with a bad NIK', { witnesses: [{ nik: '6471020101800000', name: 'Hendra' }, witnesses[1]] }, 'saksi', 'witnesses.0.nik:nik_serial'],
		['a witness without a name', { witnesses: [witnesses[0], { ...witnesses[1], name: '' }] }, 'saksi', 'witnesses.1.name:required']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validDeath, ...change })[path]).toBe(code);
		});
	}

	it('does not ask the name of the place for a death at home', () => {
		expect(validateStep(step('kematian'), { ...validDeath, death_place_kind: 'home', death_place_name: '' })).toEqual({});
	});

	const codes = (answers: Answers) => withEvaluation({ today: '2026-12-01' }, () => documentsAskedFor(service, answers).map((d) => d.code));
	/** What Balikpapan's list asks for every death: the deceased's KK, the reporter's and both witnesses' KTP-el. */
	const KK_AND_KTP = ['kk', 'ktp-el-almarhum', 'ktp-el', 'ktp-el-saksi-1', 'ktp-el-saksi-2'];

	it('asks for the documents that fit the answers', () => {
		expect(codes(validDeath)).toEqual(['surat-kematian', ...KK_AND_KTP]);
		expect(codes({ ...validDeath, deceased_has_ktp: 'no', on_behalf: 'yes' })).toEqual(['surat-kematian', 'kk', 'ktp-el', 'ktp-el-saksi-1', 'ktp-el-saksi-2', 'surat-kuasa']);
		expect(missingDocuments(service, validDeath, ['kk', 'ktp-el']).map((d) => d.code)).toEqual(['surat-kematian', 'ktp-el-almarhum', 'ktp-el-saksi-1', 'ktp-el-saksi-2']);
	});

	it('a death at home: the health centre\'s visum instead of the hospital\'s letter', () => {
		expect(validateAnswers(service, validDeathAtHome)).toEqual({});
		expect(codes(validDeathAtHome)).toEqual(['visum-puskesmas', ...KK_AND_KTP]);
		// if the office accepts the kelurahan's letter too, the requirement says so
		withEvaluation({ today: '2026-12-01', settings: { ...settingDefaults(), home_death_letter: 'visum_or_kelurahan' } }, () => {
			expect(documentsAskedFor(service, validDeathAtHome).map((d) => d.code)).toEqual(['surat-kematian-rumah', ...KK_AND_KTP]);
		});
	});

	it('lists on the services page only the letter for a death at home that the office accepts', () => {
		const listed = () => service.documents.filter((d) => conditionMayHold(d.when)).map((d) => d.code);
		expect(listed()).toContain('visum-puskesmas');
		expect(listed()).not.toContain('surat-kematian-rumah');
		withEvaluation({ settings: { ...settingDefaults(), home_death_letter: 'visum_or_kelurahan' } }, () => {
			expect(listed()).toContain('surat-kematian-rumah');
			expect(listed()).not.toContain('visum-puskesmas');
		});
	});

	it('a death long ago: the extra set of statements, letters and the photo of the grave', () => {
		expect(validateAnswers(service, validDeathLongAgo)).toEqual({});
		expect(codes(validDeathLongAgo)).toEqual([
			'surat-kematian',
			...KK_AND_KTP,
			'sptjm-kematian',
			'pernyataan-belum-ada-akta',
			'surat-rt-lurah',
			'surat-penjaga-makam',
			'foto-makam'
		]);
		// "long ago" is a year by default, a setting of the office
		expect(codes({ ...validDeath, death_date: '2025-12-02' })).toEqual(['surat-kematian', ...KK_AND_KTP]);
		expect(codes({ ...validDeath, death_date: '2025-12-01' })).toContain('foto-makam');
		withEvaluation({ today: '2026-12-01', settings: { ...settingDefaults(), death_long_ago_days: 5000 } }, () => {
			expect(documentsAskedFor(service, validDeathLongAgo).map((d) => d.code)).not.toContain('foto-makam');
		});
	});

	it('an applicant who is not an heir: the letter of authority from an heir, and that heir\'s KK', () => {
		expect(validateAnswers(service, validDeathReportedByNonHeir)).toEqual({});
		expect(codes(validDeathReportedByNonHeir)).toEqual([
			'surat-kematian',
			'kk',
			'ktp-el-almarhum',
			'kk-ahli-waris',
			'ktp-el',
			'ktp-el-saksi-1',
			'ktp-el-saksi-2',
			'surat-kuasa-ahli-waris'
		]);
		for (const relation of ['spouse', 'child', 'parent', 'sibling']) expect(codes({ ...validDeath, reporter_relation: relation })).not.toContain('surat-kuasa-ahli-waris');
	});
});
