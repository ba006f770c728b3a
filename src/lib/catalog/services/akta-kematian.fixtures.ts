import type { Answers } from '../types';

// Example answers of akta-kematian: its unit test, the catalog test and the end-to-end tests use them.

export const witnesses = [
	{ nik: '6471020101800007', name: 'Hendra Wijaya' },
	{ nik: '6471024202810008', name: 'Dewi Lestari' }
];

export const validDeath: Answers = {
	reporter: { nik: '6471031708850003', name: 'Budi Santoso' },
	reporter_relation: 'child',
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
