import { describe, expect, it } from 'vitest';
import { ktpGanti as service } from './ktp-ganti';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { validIdCardReplacement } from './ktp-ganti.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validIdCardReplacement };

describe('ktp-ganti', () => {
	it('accepts a complete application', () => {
		expect(validateAnswers(service, validIdCardReplacement)).toEqual({});
	});

	it('says that the card is collected in person', () => {
		expect(service.description.id).toMatch(/diambil langsung/);
		expect(service.description.en).toMatch(/collect it in person/);
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.kejadian).toEqual({ loss_kind: 'required_choice' });
		expect(errors.pemilik).toEqual({ 'holder.nik': 'required', 'holder.name': 'required', on_behalf: 'required_choice' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a reason outside the list', { loss_kind: 'expired' }, 'kejadian', 'loss_kind:choice_invalid'],
		['an unanswered on-behalf question', { on_behalf: '' }, 'pemilik', 'on_behalf:required_choice'],
		['a NIK of 12 digits', { holder: { nik: '647105520592', name: 'Siti' } }, 'pemilik', 'holder.nik:nik_length'],
		['a NIK with province 37', { holder: { nik: '3771055205920002', name: 'Siti' } }, 'pemilik', 'holder.nik:nik_province'],
		['a NIK with month 13', { holder: { nik: '6471055213920002', name: 'Siti' } }, 'pemilik', 'holder.nik:nik_month'],
		['a name too long', { holder: { nik: '6471055205920002', name: 'x'.repeat(101) } }, 'pemilik', 'holder.name:too_long']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validIdCardReplacement, ...change })[path]).toBe(code);
		});
	}

	it('does not refuse an old region code', () => {
		// The NIK keeps the kecamatan of first registration: a code outside today's list is no reason to refuse.
		expect(validateStep(step('pemilik'), { ...validIdCardReplacement, holder: { nik: '6471075205920002', name: 'Siti' } })).toEqual({});
	});

	it('asks for the damaged card or the police report', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validIdCardReplacement)).toEqual(['kk', 'ktp-el-rusak']);
		expect(codes({ ...validIdCardReplacement, loss_kind: 'lost', on_behalf: 'yes' })).toEqual(['kk', 'surat-kehilangan-polisi', 'surat-kuasa']);
		expect(missingDocuments(service, validIdCardReplacement, ['ktp-el-rusak']).map((d) => d.code)).toEqual(['kk']);
	});
});
