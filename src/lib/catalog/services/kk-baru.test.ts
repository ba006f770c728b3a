import { describe, expect, it } from 'vitest';
import { kkBaru as service } from './kk-baru';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { member, validNewFamilyCard, validNewFamilyCardSpouseMovedIn } from './kk-baru.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validNewFamilyCard };

describe('kk-baru', () => {
	it('accepts a complete application', () => {
		expect(validateAnswers(service, validNewFamilyCard)).toEqual({});
	});

	it('accepts other family members and a single adult leaving a family card', () => {
		expect(validateAnswers(service, { ...validNewFamilyCard, members: [member, { ...member, relation: 'parent_in_law' }] })).toEqual({});
		const single = { ...validNewFamilyCard, reason: 'split', head_marital_status: 'single', spouse: undefined, marriage_date: '', marriage_registered: '' };
		expect(validateAnswers(service, single)).toEqual({});
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.alasan).toEqual({ reason: 'required_choice', old_kk_number: 'required', on_behalf: 'required_choice' });
		expect(errors['kepala-keluarga']).toEqual({
			'head.nik': 'required',
			'head.name': 'required',
			'head.birth_date': 'required',
			'head.sex': 'required_choice'
		});
		expect(errors.perkawinan).toEqual({ head_marital_status: 'required_choice' });
		expect(errors.anggota).toBeUndefined();
		expect(errors.alamat['address.kecamatan']).toBe('required_choice');
		expect(errors.alamat.moved_from_outside).toBe('required_choice');
	});

	const invalid: [string, Answers, string, string][] = [
		['a reason outside the list', { reason: 'moved' }, 'alasan', 'reason:choice_invalid'],
		['an old KK number with letters', { old_kk_number: '647105010120000A' }, 'alasan', 'old_kk_number:kk_format'],
		['an unanswered on-behalf question', { on_behalf: '' }, 'alasan', 'on_behalf:required_choice'],
		['an on-behalf answer outside yes/no', { on_behalf: 'perhaps' }, 'alasan', 'on_behalf:choice_invalid'],
		['a head NIK with letters', { head: { ...(validNewFamilyCard.head as object), nik: '64710512059000AB' } }, 'kepala-keluarga', 'head.nik:nik_digits'],
		['a head NIK with day 35', { head: { ...(validNewFamilyCard.head as object), nik: '6471053505900001' } }, 'kepala-keluarga', 'head.nik:nik_day'],
		['a head name too long', { head: { ...(validNewFamilyCard.head as object), name: 'A'.repeat(101) } }, 'kepala-keluarga', 'head.name:too_long'],
		['a head born in the future', { head: { ...(validNewFamilyCard.head as object), birth_date: '2999-01-01' } }, 'kepala-keluarga', 'head.birth_date:date_future'],
		['a head without sex', { head: { ...(validNewFamilyCard.head as object), sex: 'X' } }, 'kepala-keluarga', 'head.sex:choice_invalid'],
		['a marital status outside the list', { head_marital_status: 'engaged' }, 'perkawinan', 'head_marital_status:choice_invalid'],
		['married without the spouse', { spouse: { nik: '', name: '', birth_date: '' } }, 'perkawinan', 'spouse.nik:required'],
		['a spouse NIK with month 13', { spouse: { nik: '6471055213920002', name: 'S', birth_date: '1992-05-12' } }, 'perkawinan', 'spouse.nik:nik_month'],
		['a marriage in the future', { marriage_date: '2999-01-01' }, 'perkawinan', 'marriage_date:date_future'],
		['an impossible marriage date', { marriage_date: '2026-02-29' }, 'perkawinan', 'marriage_date:date_invalid'],
		['married without saying if registered', { marriage_registered: '' }, 'perkawinan', 'marriage_registered:required_choice'],
		['more than ten other members', { members: Array.from({ length: 11 }, () => member) }, 'anggota', 'members:group_max'],
		['a member NIK of no province', { members: [{ ...member, nik: '9971052003150005' }] }, 'anggota', 'members.0.nik:nik_province'],
		['a member without a name', { members: [{ ...member, name: '' }] }, 'anggota', 'members.0.name:required'],
		['a member relation outside the list', { members: [{ ...member, relation: 'spouse' }] }, 'anggota', 'members.0.relation:choice_invalid'],
		['a kecamatan outside Balikpapan', { address: { ...(validNewFamilyCard.address as object), kecamatan: '64.72.01' } }, 'alamat', 'address.kecamatan:choice_invalid'],
		['an RW with letters', { address: { ...(validNewFamilyCard.address as object), rw: 'IV' } }, 'alamat', 'address.rw:rt_rw'],
		['an unanswered moving question', { moved_from_outside: '' }, 'alamat', 'moved_from_outside:required_choice']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validNewFamilyCard, ...change })[path]).toBe(code);
		});
	}

	it('does not check the marriage of a head who is not married', () => {
		const divorced = { ...validNewFamilyCard, head_marital_status: 'divorced', spouse: { nik: '1', name: '', birth_date: '' }, marriage_date: '2999-01-01' };
		expect(validateStep(step('perkawinan'), divorced)).toEqual({});
	});

	it('asks for the documents that fit the answers', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validNewFamilyCard)).toEqual(['kk', 'buku-nikah']);
		expect(codes({ ...validNewFamilyCard, marriage_registered: 'no', moved_from_outside: 'yes', on_behalf: 'yes' })).toEqual(['skpwni', 'f1-05', 'surat-kuasa']);
		expect(codes({ ...validNewFamilyCard, reason: 'split', head_marital_status: 'single' })).toEqual(['kk']);
		expect(codes({ ...validNewFamilyCard, reason: 'divorce', head_marital_status: 'divorced' })).toEqual(['kk', 'akta-cerai']);
		expect(codes({ ...validNewFamilyCard, reason: 'split', head_marital_status: 'widowed' })).toEqual(['kk', 'akta-kematian-pasangan']);
		// only the spouse moved in: the current KK and the spouse's SKPWNI
		expect(codes(validNewFamilyCardSpouseMovedIn)).toEqual(['kk', 'skpwni-pasangan', 'buku-nikah']);
		expect(missingDocuments(service, validNewFamilyCard, ['kk']).map((d) => d.code)).toEqual(['buku-nikah']);
	});

	it('asks nothing for the stale answer of a hidden question', () => {
		// The resident said "married, unregistered", then corrected the status to divorced.
		const corrected = { ...validNewFamilyCard, marriage_registered: 'no', head_marital_status: 'divorced' };
		expect(documentsAskedFor(service, corrected).map((d) => d.code)).toEqual(['kk', 'akta-cerai']);
	});
});
