import type { Answers } from '../types';

// Example answers of akta-perkawinan: its unit test, the catalog test and the end-to-end tests use them.

export const witnesses = [
	{ nik: '6471020101800007', name: 'Hendra Wijaya' },
	{ nik: '6471024202810008', name: 'Dewi Lestari' }
];

export const validMarriage: Answers = {
	husband: { nik: '6471051003960011', name: 'Yohanes Tandiono', birth_date: '1996-03-10', sex: 'M' },
	wife: { nik: '6471056808980012', name: 'Maria Kristina', birth_date: '1998-08-28', sex: 'F' },
	on_behalf: 'no',
	husband_father_name: 'Petrus Tandiono',
	husband_father_nik: '6471050506650013',
	husband_mother_name: 'Magdalena Sari',
	husband_mother_nik: '',
	wife_father_name: 'Stefanus Wibowo',
	wife_father_nik: '6471031212680014',
	wife_mother_name: 'Lusia Handayani',
	wife_mother_nik: '6471034303700015',
	religion: 'catholic',
	blessing_date: '2026-11-14',
	blessing_place: 'Gereja Katolik Santa Theresia, Balikpapan',
	religious_institution: 'Paroki Santa Theresia Balikpapan',
	religious_leader: 'RD. Antonius Sinaga',
	earlier_marriage: 'no',
	husband_still_married: 'no',
	tni_polri: 'no',
	witnesses
};

/** The bride is 18 on the day of the blessing: her parents' consent and the court's dispensation. */
export const validMarriageOfBrideOf18: Answers = {
	...validMarriage,
	wife: { nik: '6471055003080016', name: 'Natalia Putri', birth_date: '2008-03-10', sex: 'F' }
};

/** The husband is still married to another wife: the court's permission. */
export const validSecondMarriage: Answers = {
	...validMarriage,
	religion: 'hindu',
	blessing_place: 'Pura Giri Jagatnatha, Balikpapan',
	religious_institution: 'Parisada Hindu Dharma Indonesia Kota Balikpapan',
	religious_leader: 'Ida Pandita Mpu Nabe',
	husband_still_married: 'yes'
};
