import type { Answers } from '../types';

// Example answers of kk-baru: its unit test, the catalog test and the end-to-end tests use them.

export const member = { nik: '6471052003150005', name: 'Rizki Fauzi', relation: 'child' };

export const validNewFamilyCard: Answers = {
	reason: 'marriage',
	old_kk_number: '6471050101200001',
	on_behalf: 'no',
	head: { nik: '6471051205900001', name: 'Ahmad Fauzi', birth_date: '1990-05-12', sex: 'M' },
	head_marital_status: 'married',
	spouse: { nik: '6471055205920002', name: 'Siti Rahmawati', birth_date: '1992-05-12' },
	marriage_date: '2026-10-03',
	marriage_registered: 'yes',
	members: [],
	address: { kecamatan: '64.71.03', kelurahan: 'Batu Ampar', rt: '021', rw: '004', street: 'Jl. Soekarno-Hatta Km 5 No. 12' },
	moved_from_outside: 'no'
};

/** A newly married couple where only the wife moved here from Samarinda: her SKPWNI with his current KK. */
export const validNewFamilyCardSpouseMovedIn: Answers = {
	...validNewFamilyCard,
	spouse: { nik: '6472015205940019', name: 'Dewi Anggraini', birth_date: '1994-05-12' },
	moved_from_outside: 'spouse'
};
