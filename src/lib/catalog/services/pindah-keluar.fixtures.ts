import type { Answers } from '../types';

// Example answers of pindah-keluar: its unit test, the catalog test and the end-to-end tests use them.

export const movers = [
	{ nik: '6471031708850003', name: 'Budi Santoso' },
	{ nik: '6471034408870004', name: 'Rina Marlina' }
];

/** A family moving out of Balikpapan. */
export const validMoveOut: Answers = {
	kk_number: '6471030101150007',
	on_behalf: 'no',
	movers,
	minor_alone: 'no',
	destination_scope: 'outside',
	destination_province: 'Jawa Timur',
	destination_city: 'Kota Malang',
	destination_street: 'Jl. Ijen No. 25, RT 003 RW 005, Kelurahan Oro-oro Dowo, Kecamatan Klojen',
	reason: 'work',
	moving_date: '2026-12-15'
};

/** The same family moving to a rented house in another kelurahan of Balikpapan: no SKPWNI, a new KK. */
export const validMoveWithinCity: Answers = {
	...validMoveOut,
	destination_scope: 'within',
	destination_address: { kecamatan: '64.71.01', kelurahan: 'Manggar', rt: '007', rw: '002', street: 'Jl. Mulawarman No. 8' },
	destination_housing: 'rent'
};

/** A boy of 16 moving alone to his aunt's house out of Balikpapan, for school. */
export const validMinorMovesOut: Answers = {
	...validMoveOut,
	movers: [{ nik: '6471031003100006', name: 'Rafi Santoso' }],
	minor_alone: 'yes',
	reason: 'education'
};
