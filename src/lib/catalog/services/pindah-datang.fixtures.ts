import type { Answers } from '../types';

// Example answers of pindah-datang: its unit test, the catalog test and the end-to-end tests use them.

export const movers = [
	{ nik: '6472011506950009', name: 'Andi Pratama' },
	{ nik: '6472015009970010', name: 'Maya Sari' }
];

export const validMoveIn: Answers = {
	skpwni_number: 'SKPWNI/6472/16112026/0031',
	skpwni_date: '2026-11-16',
	origin_province: 'Kalimantan Timur',
	origin_city: 'Kota Samarinda',
	on_behalf: 'no',
	movers,
	has_kia: 'no',
	address: { kecamatan: '64.71.06', kelurahan: 'Klandasan Ilir', rt: '015', rw: '003', street: 'Jl. Jenderal Sudirman No. 40' },
	arrival_date: '2026-11-21',
	housing: 'own',
	kk_status: 'new',
	host_kk_number: '',
	minor_joins_other_family: ''
};

/** A girl of 14 from Samarinda joining her uncle's family card in Balikpapan; she has a KIA. */
export const validMinorJoinsUncle: Answers = {
	...validMoveIn,
	movers: [{ nik: '6472015204120017', name: 'Putri Ayu' }],
	has_kia: 'yes',
	housing: 'lodging',
	kk_status: 'join',
	host_kk_number: '6471060101100018',
	minor_joins_other_family: 'yes'
};
