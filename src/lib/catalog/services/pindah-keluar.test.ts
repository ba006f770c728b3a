import { describe, expect, it } from 'vitest';
import { pindahKeluar as service } from './pindah-keluar';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { movers, validMinorMovesOut, validMoveOut, validMoveWithinCity } from './pindah-keluar.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validMoveOut };

describe('pindah-keluar', () => {
	it('accepts a complete move out of the city', () => {
		expect(validateAnswers(service, validMoveOut)).toEqual({});
	});

	it('accepts a complete move within the city', () => {
		expect(validateAnswers(service, validMoveWithinCity)).toEqual({});
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.kk).toEqual({ kk_number: 'required', on_behalf: 'required_choice' });
		expect(errors['yang-pindah']).toEqual({ 'movers.0.nik': 'required', 'movers.0.name': 'required', minor_alone: 'required_choice' });
		expect(errors.tujuan).toEqual({ destination_scope: 'required_choice' });
		expect(errors.alasan).toEqual({ reason: 'required_choice', moving_date: 'required' });
	});

	const invalid: [string, Answers, string, string][] = [
		['a KK number too long', { kk_number: '64710301011500071' }, 'kk', 'kk_number:kk_format'],
		['nobody moving', { movers: [] }, 'yang-pindah', 'movers:group_min'],
		['more than ten people', { movers: Array.from({ length: 11 }, () => movers[0]) }, 'yang-pindah', 'movers:group_max'],
		['a mover NIK with letters', { movers: [{ nik: '647103170885000X', name: 'Budi' }] }, 'yang-pindah', 'movers.0.nik:nik_digits'],
		['a mover without a name', { movers: [movers[0], { ...movers[1], name: '' }] }, 'yang-pindah', 'movers.1.name:required'],
		['a destination outside the list', { destination_scope: 'abroad' }, 'tujuan', 'destination_scope:choice_invalid'],
		['outside without the province', { destination_province: '' }, 'tujuan', 'destination_province:required'],
		['outside without the city', { destination_city: '' }, 'tujuan', 'destination_city:required'],
		['outside with a city name too long', { destination_city: 'x'.repeat(101) }, 'tujuan', 'destination_city:too_long'],
		['outside without the full address', { destination_street: '' }, 'tujuan', 'destination_street:required'],
		['within without the address', { ...validMoveWithinCity, destination_address: undefined }, 'tujuan', 'destination_address.kecamatan:required_choice'],
		['within with a kelurahan of another kecamatan', { ...validMoveWithinCity, destination_address: { ...(validMoveWithinCity.destination_address as object), kelurahan: 'Sepinggan' } }, 'tujuan', 'destination_address.kelurahan:kelurahan_mismatch'],
		['within without the housing', { ...validMoveWithinCity, destination_housing: '' }, 'tujuan', 'destination_housing:required_choice'],
		['within with a housing outside the list', { ...validMoveWithinCity, destination_housing: 'hotel' }, 'tujuan', 'destination_housing:choice_invalid'],
		['a reason outside the list', { reason: 'war' }, 'alasan', 'reason:choice_invalid'],
		['"other" reason without saying which', { reason: 'other', reason_other: '' }, 'alasan', 'reason_other:required'],
		['a moving date that is no date', { moving_date: '2026-13-01' }, 'alasan', 'moving_date:date_invalid']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validMoveOut, ...change })[path]).toBe(code);
		});
	}

	it('checks only the destination questions that are shown', () => {
		expect(validateStep(step('tujuan'), { ...validMoveWithinCity, destination_province: '', destination_city: '', destination_street: '' })).toEqual({});
		expect(validateStep(step('tujuan'), { ...validMoveOut, destination_housing: 'hotel' })).toEqual({});
		expect(validateStep(step('alasan'), { ...validMoveOut, reason_other: 'x'.repeat(300) })).toEqual({});
	});

	it('accepts a planned moving date', () => {
		expect(validateStep(step('alasan'), { ...validMoveOut, moving_date: '2027-01-31' })).toEqual({});
	});

	it('asks for the owner letter only for renting or lodging within the city', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validMoveOut)).toEqual(['kk']);
		expect(codes(validMoveWithinCity)).toEqual(['kk', 'surat-persetujuan-pemilik-rumah']);
		expect(codes({ ...validMoveWithinCity, destination_housing: 'lodging', on_behalf: 'yes' })).toEqual(['kk', 'surat-persetujuan-pemilik-rumah', 'surat-kuasa']);
		expect(codes({ ...validMoveWithinCity, destination_housing: 'own' })).toEqual(['kk']);
		// Renting within the city, then the destination changed to outside: the stale answer asks for nothing.
		expect(codes({ ...validMoveWithinCity, destination_scope: 'outside' })).toEqual(['kk']);
		expect(missingDocuments(service, validMoveWithinCity, ['kk']).map((d) => d.code)).toEqual(['surat-persetujuan-pemilik-rumah']);
	});

	it('a move within the city: the KK and the owner\'s letter, no SKPWNI, and a new KK follows', () => {
		const codes = documentsAskedFor(service, validMoveWithinCity).map((d) => d.code);
		expect(codes).toEqual(['kk', 'surat-persetujuan-pemilik-rumah']);
		expect(codes).not.toContain('skpwni');
		const scope = step('tujuan').fields.find((field) => field.name === 'destination_scope')!;
		expect(scope.hint!.id).toContain('tidak perlu SKPWNI');
		expect(scope.hint!.en).toContain('new family card and a new KTP-el');
		expect(service.description.id).toContain('KK baru');
	});

	it('a move out of the city: the KK only, and the KTP-el is handed in at the destination', () => {
		expect(documentsAskedFor(service, validMoveOut).map((d) => d.code)).toEqual(['kk']);
		expect(service.description.en).toContain('hand in your old KTP-el');
	});

	it('a child moving alone: the parent\'s or guardian\'s consent', () => {
		expect(validateAnswers(service, validMinorMovesOut)).toEqual({});
		expect(documentsAskedFor(service, validMinorMovesOut).map((d) => d.code)).toEqual(['kk', 'surat-persetujuan-orang-tua']);
	});
});
