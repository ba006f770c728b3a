import type { Answers } from '../types';

// Example answers of akta-kematian: its unit test, the catalog test and the end-to-end tests use them.

export const witnesses = [
	{ nik: '6471020101800007', name: 'Hendra Wijaya' },
	{ nik: '6471024202810008', name: 'Dewi Lestari' }
];

export const validDeath: Answers = {
	reporter: { nik: '6471031708850003', name: 'Budi Santoso' },
	reporter_relation: 'child',
	heir_on_deceased_kk: 'yes',
	on_behalf: 'no',
	deceased: { nik: '6471030507500001', name: 'Slamet Santoso', birth_date: '1950-07-05', sex: 'M' },
	kk_number: '6471030101150007',
	deceased_has_ktp: 'yes',
	death_date: '2026-11-20',
	death_time: '04.45',
	death_place_kind: 'hospital',
	death_place_name: 'RS Pertamina Balikpapan',
	death_cause: 'illness',
	witnesses
};

/** A death at home, the widow reporting: the health centre's visum instead of the hospital's letter. */
export const validDeathAtHome: Answers = {
	...validDeath,
	reporter: { nik: '6471034507520002', name: 'Sumiati' },
	reporter_relation: 'spouse',
	death_place_kind: 'home',
	death_place_name: ''
};

/** A death in 2015 reported only now: the extra set for a death long ago. */
export const validDeathLongAgo: Answers = {
	...validDeath,
	death_date: '2015-03-08',
	death_time: '22.00'
};

/** A neighbour reports for the family; the heir who authorises him lives on another KK. */
export const validDeathReportedByNonHeir: Answers = {
	...validDeath,
	reporter: { nik: '6471031506780009', name: 'Agus Salim' },
	reporter_relation: 'other',
	heir_on_deceased_kk: 'no'
};
