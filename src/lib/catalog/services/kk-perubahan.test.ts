import { describe, expect, it } from 'vitest';
import { kkPerubahan as service } from './kk-perubahan';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { validFamilyCardChange } from './kk-perubahan.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validFamilyCardChange };

describe('kk-perubahan', () => {
	it('accepts a complete application', () => {
		expect(validateAnswers(service, validFamilyCardChange)).toEqual({});
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.kk).toEqual({ kk_number: 'required' });
		expect(errors.anggota).toEqual({ 'member.nik': 'required', 'member.name': 'required', on_behalf: 'required_choice' });
		expect(errors.perubahan).toEqual({ element: 'required_choice', old_value: 'required', new_value: 'required', reason: 'required' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a KK number of 15 digits', { kk_number: '647105010120000' }, 'kk', 'kk_number:kk_format'],
		['an on-behalf answer outside yes/no', { on_behalf: 'true' }, 'anggota', 'on_behalf:choice_invalid'],
		['a member NIK of 15 digits', { member: { nik: '647105520592000', name: 'Siti' } }, 'anggota', 'member.nik:nik_length'],
		['a member NIK with serial 0000', { member: { nik: '6471055205920000', name: 'Siti' } }, 'anggota', 'member.nik:nik_serial'],
		['a member without a name', { member: { nik: '6471055205920002', name: '  ' } }, 'anggota', 'member.name:required'],
		['an element outside the list', { element: 'address' }, 'perubahan', 'element:choice_invalid'],
		['"something else" without saying what', { element: 'other', element_other: '' }, 'perubahan', 'element_other:required'],
		['"something else" described too long', { element: 'other', element_other: 'x'.repeat(101) }, 'perubahan', 'element_other:too_long'],
		['no old value', { old_value: '' }, 'perubahan', 'old_value:required'],
		['a new value too long', { new_value: 'x'.repeat(101) }, 'perubahan', 'new_value:too_long'],
		['no reason', { reason: '' }, 'perubahan', 'reason:required'],
		['a reason too long', { reason: 'x'.repeat(501) }, 'perubahan', 'reason:too_long']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validFamilyCardChange, ...change })[path]).toBe(code);
		});
	}

	it('does not check "something else" unless chosen', () => {
		expect(validateStep(step('perubahan'), { ...validFamilyCardChange, element_other: 'x'.repeat(300) })).toEqual({});
	});

	it('asks for the proof that fits the changed item', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validFamilyCardChange)).toEqual(['kk', 'ijazah']);
		const proofs: [string, string][] = [
			['name', 'bukti-nama'],
			['birth_date', 'bukti-tanggal-lahir'],
			['religion', 'bukti-agama'],
			['occupation', 'bukti-pekerjaan'],
			['marital_status', 'bukti-status-perkawinan'],
			['blood_type', 'bukti-golongan-darah'],
			['other', 'bukti-perubahan']
		];
		for (const [element, code] of proofs) {
			expect(codes({ ...validFamilyCardChange, element })).toEqual(['kk', code]);
		}
		expect(codes({ ...validFamilyCardChange, on_behalf: 'yes' })).toEqual(['kk', 'ijazah', 'surat-kuasa']);
		expect(missingDocuments(service, validFamilyCardChange, ['kk']).map((d) => d.code)).toEqual(['ijazah']);
	});

	it('accepts the F-1.05 statement as proof of the marital status', () => {
		const proof = service.documents.find((d) => d.code === 'bukti-status-perkawinan')!;
		expect(proof.name.id).toContain('F-1.05');
		expect(proof.name.en).toContain('F-1.05');
	});
});
