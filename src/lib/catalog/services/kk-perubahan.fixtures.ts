import type { Answers } from '../types';

// Example answers of kk-perubahan: its unit test, the catalog test and the end-to-end tests use them.

export const validFamilyCardChange: Answers = {
	kk_number: '6471050101200001',
	on_behalf: 'no',
	member: { nik: '6471055205920002', name: 'Siti Rahmawati' },
	element: 'education',
	element_other: '',
	old_value: 'SLTA/Sederajat',
	new_value: 'Diploma IV/Strata I',
	reason: 'Lulus S1 Universitas Balikpapan tahun 2026.'
};
