import { describe, expect, it } from 'vitest';
import { pindahDatang as service } from './pindah-datang';
import { blankAnswers, documentsAskedFor, missingDocuments, validateAnswers, validateStep } from '../validate';
import type { Answers } from '../types';
import { applySettings, deadlineDays, settingDefaults } from '../settings';
import { movers, validMinorJoinsUncle, validMoveIn } from './pindah-datang.fixtures';

const step = (id: string) => service.steps.find((s) => s.id === id)!;

/** Re-exported for the end-to-end tests; import it from the fixtures file, not from here. */
export { validMoveIn };

describe('pindah-datang', () => {
	it('accepts a complete application', () => {
		expect(validateAnswers(service, validMoveIn)).toEqual({});
	});

	it('counts its deadline of 30 days from the date of the SKPWNI', () => {
		expect(service.deadline).toMatchObject({ days: 30, from: 'skpwni_date' });
	});

	it('starts blank and reports every required field', () => {
		const errors = validateAnswers(service, blankAnswers(service));
		expect(errors.skpwni).toEqual({
			skpwni_number: 'required',
			skpwni_date: 'required',
			origin_province: 'required',
			origin_city: 'required'
		});
		expect(errors['yang-datang']).toEqual({ 'movers.0.nik': 'required', 'movers.0.name': 'required', has_kia: 'required_choice', on_behalf: 'required_choice' });
		expect(errors.alamat).toMatchObject({ 'address.kecamatan': 'required_choice', arrival_date: 'required', housing: 'required_choice', kk_status: 'required_choice' });
	});

	it('accepts the SKPWNI numbers as residents type them', () => {
		for (const number of ['SKPWNI/6472/16112026/0031', 'skpwni/3507/230421/0070', 'SKPWNI / 3524 / 15032022 / 0041', 'SKPWNI/6303/22082022/10']) {
			expect(validateStep(step('skpwni'), { ...validMoveIn, skpwni_number: number })).toEqual({});
		}
	});

	const invalid: [string, Answers, string, string][] = [
		['an SKPWNI number without the prefix', { skpwni_number: '6472/16112026/0031' }, 'skpwni', 'skpwni_number:skpwni_format'],
		['an SKPWNI number with a 2-digit region', { skpwni_number: 'SKPWNI/64/16112026/0031' }, 'skpwni', 'skpwni_number:skpwni_format'],
		['an SKPWNI number without a serial', { skpwni_number: 'SKPWNI/6472/16112026' }, 'skpwni', 'skpwni_number:skpwni_format'],
		['an SKPWNI number too long', { skpwni_number: 'SKPWNI/6472/16112026/' + '0'.repeat(30) }, 'skpwni', 'skpwni_number:too_long'],
		['an SKPWNI dated in the future', { skpwni_date: '2999-01-01' }, 'skpwni', 'skpwni_date:date_future'],
		['an impossible SKPWNI date', { skpwni_date: '2026-11-31' }, 'skpwni', 'skpwni_date:date_invalid'],
		['no province of origin', { origin_province: '' }, 'skpwni', 'origin_province:required'],
		['a city of origin too long', { origin_city: 'x'.repeat(101) }, 'skpwni', 'origin_city:too_long'],
		['an unanswered on-behalf question', { on_behalf: '' }, 'yang-datang', 'on_behalf:required_choice'],
		['nobody moving in', { movers: [] }, 'yang-datang', 'movers:group_min'],
		['more than ten people', { movers: Array.from({ length: 11 }, () => movers[0]) }, 'yang-datang', 'movers:group_max'],
		['a mover NIK with province 99', { movers: [{ nik: '9972011506950009', name: 'Andi' }] }, 'yang-datang', 'movers.0.nik:nik_province'],
		['a mover name too long', { movers: [{ ...movers[0], name: 'x'.repeat(101) }] }, 'yang-datang', 'movers.0.name:too_long'],
		['a kelurahan of another kecamatan', { address: { ...(validMoveIn.address as object), kelurahan: 'Teritip' } }, 'alamat', 'address.kelurahan:kelurahan_mismatch'],
		['an address without the street', { address: { ...(validMoveIn.address as object), street: '' } }, 'alamat', 'address.street:required'],
		['an RT of four digits', { address: { ...(validMoveIn.address as object), rt: '0015' } }, 'alamat', 'address.rt:rt_rw'],
		['an arrival in the future', { arrival_date: '2999-01-01' }, 'alamat', 'arrival_date:date_future'],
		['a housing outside the list', { housing: 'hotel' }, 'alamat', 'housing:choice_invalid'],
		['a KK choice outside the list', { kk_status: 'both' }, 'alamat', 'kk_status:choice_invalid'],
		['joining a KK without its number', { kk_status: 'join', host_kk_number: '' }, 'alamat', 'host_kk_number:required'],
		['joining a KK with a short number', { kk_status: 'join', host_kk_number: '6471' }, 'alamat', 'host_kk_number:kk_format']
	];
	for (const [what, change, stepId, expected] of invalid) {
		it(`refuses ${what}`, () => {
			const [path, code] = expected.split(':');
			expect(validateStep(step(stepId), { ...validMoveIn, ...change })[path]).toBe(code);
		});
	}

	it('does not ask the number of a KK to join for a new KK', () => {
		expect(validateStep(step('alamat'), { ...validMoveIn, host_kk_number: '12' })).toEqual({});
	});

	it('asks for the documents that fit the answers', () => {
		const codes = (answers: Answers) => documentsAskedFor(service, answers).map((d) => d.code);
		expect(codes(validMoveIn)).toEqual(['skpwni', 'ktp-el-lama']);
		expect(codes({ ...validMoveIn, housing: 'rent' })).toEqual(['skpwni', 'ktp-el-lama', 'surat-persetujuan-pemilik-rumah']);
		expect(codes({ ...validMoveIn, housing: 'lodging', kk_status: 'join', host_kk_number: '6471060101100002', minor_joins_other_family: 'no', on_behalf: 'yes' })).toEqual([
			'skpwni',
			'ktp-el-lama',
			'surat-persetujuan-pemilik-rumah',
			'kk-tujuan',
			'surat-kuasa'
		]);
		expect(missingDocuments(service, validMoveIn, ['skpwni']).map((d) => d.code)).toEqual(['ktp-el-lama']);
	});

	it('a child with a KIA joining her uncle\'s card: the KIA, the host family\'s statement and the custody letter', () => {
		expect(validateAnswers(service, validMinorJoinsUncle)).toEqual({});
		expect(documentsAskedFor(service, validMinorJoinsUncle).map((d) => d.code)).toEqual([
			'skpwni',
			'ktp-el-lama',
			'kia-lama',
			'surat-persetujuan-pemilik-rumah',
			'kk-tujuan',
			'pernyataan-keluarga-penerima',
			'surat-hak-asuh'
		]);
		// a child joining a new family card asks nothing of a host family, whatever is left in the answer
		expect(documentsAskedFor(service, { ...validMinorJoinsUncle, kk_status: 'new' }).map((d) => d.code)).toEqual(['skpwni', 'ktp-el-lama', 'kia-lama', 'surat-persetujuan-pemilik-rumah']);
	});

	it('takes the days an SKPWNI stays valid from the office\'s settings', () => {
		expect(deadlineDays(service.deadline!)).toBe(30);
		try {
			applySettings({ skpwni_valid_days: 140 });
			expect(deadlineDays(service.deadline!)).toBe(140);
			applySettings({ skpwni_valid_days: 0 });
			expect(deadlineDays(service.deadline!)).toBe(30);
		} finally {
			applySettings(settingDefaults());
		}
	});
});
