import { describe, expect, it } from 'vitest';
import { kkHilang as service } from './kk-hilang';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { validLostFamilyCard } from './kk-hilang.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validLostFamilyCard };

describe('kk-hilang', () => {
	it('accepts a complete application', () => {
		expect(validateAnswers(service, validLostFamilyCard)).toEqual({});
	});

	it('accepts an unknown KK number', () => {
		expect(validateAnswers(service, { ...validLostFamilyCard, kk_number: '' })).toEqual({});
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.kejadian).toEqual({ loss_kind: 'required_choice' });
		expect(errors.keluarga).toEqual({ 'head.nik': 'required', 'head.name': 'required', on_behalf: 'required_choice' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a loss kind outside the list', { loss_kind: 'stolen' }, 'kejadian', 'loss_kind:choice_invalid'],
		['an on-behalf answer outside yes/no', { on_behalf: 'ya' }, 'keluarga', 'on_behalf:choice_invalid'],
		['a head NIK with province 20', { head: { nik: '2071031708850003', name: 'Budi' } }, 'keluarga', 'head.nik:nik_province'],
		['a head NIK with day 00', { head: { nik: '6471030008850003', name: 'Budi' } }, 'keluarga', 'head.nik:nik_day'],
		['a head without a name', { head: { nik: '6471031708850003', name: '' } }, 'keluarga', 'head.name:required'],
		['a KK number given but too short', { kk_number: '64710301' }, 'keluarga', 'kk_number:kk_format']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validLostFamilyCard, ...change })[path]).toBe(code);
		});
	}

	it('asks for the police report or the damaged card', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validLostFamilyCard)).toEqual(['surat-kehilangan-polisi', 'ktp-el']);
		expect(codes({ ...validLostFamilyCard, loss_kind: 'damaged', on_behalf: 'yes' })).toEqual(['kk-rusak', 'ktp-el', 'surat-kuasa']);
		expect(missingDocuments(service, validLostFamilyCard, ['ktp-el']).map((d) => d.code)).toEqual(['surat-kehilangan-polisi']);
	});

	it('takes the KTP-el of any family member, not only the head\'s', () => {
		const ktp = service.documents.find((d) => d.code === 'ktp-el')!;
		expect(ktp.name.id).toContain('salah satu anggota keluarga');
		expect(ktp.name.en).toContain('any member');
	});
});
