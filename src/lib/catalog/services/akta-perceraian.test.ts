import { describe, expect, it } from 'vitest';
import { aktaPerceraian as service } from './akta-perceraian';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { validDivorce } from './akta-perceraian.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validDivorce };

describe('akta-perceraian', () => {
	it('accepts a complete divorce report', () => {
		expect(validateAnswers(service, validDivorce)).toEqual({});
	});

	it('counts its deadline of 60 days from the final decision', () => {
		expect(service.deadline).toMatchObject({ days: 60, from: 'decision_final_date' });
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.pasangan).toEqual({
			'husband.nik': 'required',
			'husband.name': 'required',
			'wife.nik': 'required',
			'wife.name': 'required',
			on_behalf: 'required_choice'
		});
		expect(errors.perkawinan).toEqual({ marriage_certificate_number: 'required', marriage_date: 'required', marriage_certificate_lost: 'required_choice' });
		expect(errors.putusan).toEqual({ court: 'required', decision_number: 'required', decision_final_date: 'required' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a husband NIK with day 32', { husband: { nik: '6471053203960011', name: 'Yohanes' } }, 'pasangan', 'husband.nik:nik_day'],
		['a wife NIK with letters', { wife: { nik: '64710568O8980012', name: 'Maria' } }, 'pasangan', 'wife.nik:nik_digits'],
		['a wife without a name', { wife: { nik: '6471056808980012', name: '' } }, 'pasangan', 'wife.name:required'],
		['an on-behalf answer outside yes/no', { on_behalf: 'no thanks' }, 'pasangan', 'on_behalf:choice_invalid'],
		['a certificate number too long', { marriage_certificate_number: 'x'.repeat(61) }, 'perkawinan', 'marriage_certificate_number:too_long'],
		['a marriage in the future', { marriage_date: '2999-01-01' }, 'perkawinan', 'marriage_date:date_future'],
		['an impossible marriage date', { marriage_date: '2020-02-30' }, 'perkawinan', 'marriage_date:date_invalid'],
		['an unanswered lost-certificate question', { marriage_certificate_lost: '' }, 'perkawinan', 'marriage_certificate_lost:required_choice'],
		['no court', { court: '' }, 'putusan', 'court:required'],
		['a court name too long', { court: 'x'.repeat(101) }, 'putusan', 'court:too_long'],
		['no decision number', { decision_number: '' }, 'putusan', 'decision_number:required'],
		['a decision final in the future', { decision_final_date: '2999-01-01' }, 'putusan', 'decision_final_date:date_future'],
		['a decision date that is no date', { decision_final_date: '2 November 2026' }, 'putusan', 'decision_final_date:date_invalid']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validDivorce, ...change })[path]).toBe(code);
		});
	}

	it('asks for the original certificate, or the statement when it is lost', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validDivorce)).toEqual(['putusan-pengadilan', 'akta-perkawinan', 'ktp-el', 'kk']);
		expect(codes({ ...validDivorce, marriage_certificate_lost: 'yes', on_behalf: 'yes' })).toEqual(['putusan-pengadilan', 'pernyataan-akta-hilang', 'ktp-el', 'kk', 'surat-kuasa']);
		expect(missingDocuments(service, validDivorce, ['ktp-el', 'kk']).map((d) => d.code)).toEqual(['putusan-pengadilan', 'akta-perkawinan']);
	});
});
