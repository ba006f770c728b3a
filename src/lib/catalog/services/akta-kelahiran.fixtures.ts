import type { Answers } from '../types';

// Example answers of akta-kelahiran: its unit test, the catalog test and the end-to-end tests use them.

export const validBirth: Answers = {
	reporter: { nik: '6471051205900001', name: 'Ahmad Fauzi' },
	reporter_relation: 'father',
	on_behalf: 'no',
	baby_name: 'Nur Aisyah',
	baby_sex: 'F',
	birth_date: '2026-11-20',
	birth_time: '14.30',
	birth_place_kind: 'hospital',
	birth_place_name: 'RSUD Beriman',
	birth_type: 'single',
	birth_order: '1',
	weight_grams: '3200',
	length_cm: '49,5',
	child_found: 'no',
	mother: { nik: '6471055205920002', name: 'Siti Rahmawati', birth_date: '1992-05-12' },
	father: { nik: '6471051205900001', name: 'Ahmad Fauzi', birth_date: '1990-05-12' },
	parents_married_registered: 'yes',
	parents_on_kk_as_spouses: '',
	has_birth_letter: 'yes',
	witnesses: [],
	kk_number: '6471050101200001',
	address: { kecamatan: '64.71.05', kelurahan: 'Sepinggan', rt: '012', rw: '003', street: 'Jl. Marsma R. Iswahyudi No. 10' }
};

/** A mother not married to the father: the certificate names her only, no father is asked. */
export const validBirthToUnmarriedMother: Answers = {
	...validBirth,
	reporter: { nik: '6471055205920002', name: 'Siti Rahmawati' },
	reporter_relation: 'mother',
	parents_married_registered: 'no',
	parents_on_kk_as_spouses: 'no',
	father: { nik: '', name: '', birth_date: '' }
};

/** Parents married but not registered, whom the KK already shows as husband and wife: F-2.04. */
export const validBirthParentsOnKk: Answers = {
	...validBirth,
	parents_married_registered: 'no',
	parents_on_kk_as_spouses: 'yes'
};

/** A baby found at a mosque, reported by the head of the children's home that takes her in. */
export const validBirthOfFoundling: Answers = {
	...validBirth,
	reporter: { nik: '6471062304750020', name: 'Hj. Aminah Rahman' },
	reporter_relation: 'other',
	baby_name: 'Siti Nurjanah',
	birth_place_kind: 'other',
	birth_place_name: '',
	birth_helper: 'other',
	child_found: 'yes',
	mother: { nik: '', name: '', birth_date: '' },
	father: { nik: '', name: '', birth_date: '' },
	parents_married_registered: '',
	has_birth_letter: 'no',
	witnesses: [
		{ nik: '6471020101800007', name: 'Hendra Wijaya' },
		{ nik: '6471024202810008', name: 'Dewi Lestari' }
	]
};
