import { describe, expect, it } from 'vitest';
import { aktaPerkawinan as service } from './akta-perkawinan';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers, ChoiceField } from '../types';
import { validMarriage, validMarriageOfBrideOf18, validSecondMarriage, witnesses } from './akta-perkawinan.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validMarriage };

describe('akta-perkawinan', () => {
	it('accepts a complete marriage report', () => {
		expect(validateAnswers(service, validMarriage)).toEqual({});
	});

	it('counts its deadline of 60 days from the blessing', () => {
		expect(service.deadline).toMatchObject({ days: 60, from: 'blessing_date' });
	});

	it('offers no Islam: Muslims register at the KUA', () => {
		const religion = step('pemberkatan').fields.find((f) => f.name === 'religion') as ChoiceField;
		expect(religion.options.map((o) => o.value)).not.toContain('islam');
		expect(religion.hint?.id).toContain('KUA');
		expect(validateStep(step('pemberkatan'), { ...validMarriage, religion: 'islam' }).religion).toBe('choice_invalid');
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.pasangan).toMatchObject({ 'husband.nik': 'required', 'wife.birth_date': 'required', 'wife.sex': 'required_choice', on_behalf: 'required_choice' });
		expect(errors['orang-tua']).toEqual({
			husband_father_name: 'required',
			husband_mother_name: 'required',
			wife_father_name: 'required',
			wife_mother_name: 'required'
		});
		expect(errors.pemberkatan).toEqual({
			religion: 'required_choice',
			blessing_date: 'required',
			blessing_place: 'required',
			religious_institution: 'required',
			religious_leader: 'required'
		});
		expect(errors.keterangan).toEqual({ earlier_marriage: 'required_choice', husband_still_married: 'required_choice', tni_polri: 'required_choice' });
		expect(errors.saksi['witnesses.1.nik']).toBe('required');
	});

	const invalid: [string, Answers, string, string][] = [
		['a husband NIK of 17 digits', { husband: { ...(validMarriage.husband as object), nik: '64710510039600111' } }, 'pasangan', 'husband.nik:nik_length'],
		['a husband born in the future', { husband: { ...(validMarriage.husband as object), birth_date: '2999-03-10' } }, 'pasangan', 'husband.birth_date:date_future'],
		['a wife NIK with month 00', { wife: { ...(validMarriage.wife as object), nik: '6471056800980012' } }, 'pasangan', 'wife.nik:nik_month'],
		['a wife without a name', { wife: { ...(validMarriage.wife as object), name: '' } }, 'pasangan', 'wife.name:required'],
		['a wife with a sex outside the list', { wife: { ...(validMarriage.wife as object), sex: 'P' } }, 'pasangan', 'wife.sex:choice_invalid'],
		['a father name too long', { husband_father_name: 'x'.repeat(101) }, 'orang-tua', 'husband_father_name:too_long'],
		['a parent NIK given but wrong', { wife_mother_nik: '6471034303700000' }, 'orang-tua', 'wife_mother_nik:nik_serial'],
		['a parent NIK of no province', { husband_father_nik: '1071050506650013' }, 'orang-tua', 'husband_father_nik:nik_province'],
		['a blessing in the future', { blessing_date: '2999-01-01' }, 'pemberkatan', 'blessing_date:date_future'],
		['an impossible blessing date', { blessing_date: '2026-06-31' }, 'pemberkatan', 'blessing_date:date_invalid'],
		['no place of the blessing', { blessing_place: '' }, 'pemberkatan', 'blessing_place:required'],
		['a religious institution too long', { religious_institution: 'x'.repeat(201) }, 'pemberkatan', 'religious_institution:too_long'],
		['no religious leader', { religious_leader: ' ' }, 'pemberkatan', 'religious_leader:required'],
		['an earlier-marriage answer outside yes/no', { earlier_marriage: 'sometimes' }, 'keterangan', 'earlier_marriage:choice_invalid'],
		['an unanswered TNI/Polri question', { tni_polri: '' }, 'keterangan', 'tni_polri:required_choice'],
		['one witness only', { witnesses: [witnesses[1]] }, 'saksi', 'witnesses:group_min'],
		['a witness NIK with day 00', { witnesses: [witnesses[0], { ...witnesses[1], nik: '6471020002810008' }] }, 'saksi', 'witnesses.1.nik:nik_day']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validMarriage, ...change })[path]).toBe(code);
		});
	}

	const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
	const always = ['surat-pemberkatan', 'akta-kelahiran-suami', 'akta-kelahiran-istri', 'ktp-el-suami', 'ktp-el-istri', 'kk-suami', 'kk-istri', 'ktp-el-orang-tua', 'pas-foto-berdua'];

	it('asks for the documents that fit the answers', () => {
		expect(codes(validMarriage)).toEqual(always);
		expect(codes({ ...validMarriage, earlier_marriage: 'yes' })).toEqual([...always, 'akta-cerai-atau-kematian']);
		expect(codes({ ...validMarriage, tni_polri: 'yes', on_behalf: 'yes' })).toEqual([...always, 'izin-komandan', 'surat-kuasa']);
		expect(missingDocuments(service, validMarriage, always.slice(1)).map((d) => d.code)).toEqual(['surat-pemberkatan']);
	});

	it('a bride of 18: her parents\' consent and the court\'s dispensation', () => {
		expect(validateAnswers(service, validMarriageOfBrideOf18)).toEqual({});
		expect(codes(validMarriageOfBrideOf18)).toEqual([...always, 'izin-orang-tua', 'dispensasi-kawin']);
	});

	it('counts the ages on the day of the blessing, from the dates of birth', () => {
		const wifeBorn = (birth_date: string) => ({ ...validMarriage, wife: { ...(validMarriage.wife as object), birth_date } });
		// blessing 2026-11-14: 19 on that very day needs no dispensation; a day younger does
		expect(codes(wifeBorn('2007-11-14'))).toEqual([...always, 'izin-orang-tua']);
		expect(codes(wifeBorn('2007-11-15'))).toEqual([...always, 'izin-orang-tua', 'dispensasi-kawin']);
		expect(codes(wifeBorn('2005-11-14'))).toEqual(always);
		expect(codes(wifeBorn('2005-11-15'))).toEqual([...always, 'izin-orang-tua']);
		// the husband counts the same
		expect(codes({ ...validMarriage, husband: { ...(validMarriage.husband as object), birth_date: '2006-01-01' } })).toEqual([...always, 'izin-orang-tua']);
		// no consent asked before the dates are known
		expect(codes({ ...validMarriage, blessing_date: '' })).toEqual(always);
	});

	it('a second marriage of the husband: the court\'s permission', () => {
		expect(validateAnswers(service, validSecondMarriage)).toEqual({});
		expect(codes(validSecondMarriage)).toEqual([...always, 'izin-poligami']);
		expect(validateStep(step('keterangan'), { ...validMarriage, husband_still_married: '' })).toEqual({ husband_still_married: 'required_choice' });
	});
});
