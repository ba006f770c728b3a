import type { Answers } from '../types';

// Example answers of akta-perceraian: its unit test, the catalog test and the end-to-end tests use them.

export const validDivorce: Answers = {
	husband: { nik: '6471051003960011', name: 'Yohanes Tandiono' },
	wife: { nik: '6471056808980012', name: 'Maria Kristina' },
	on_behalf: 'no',
	marriage_certificate_number: '6471-KW-14112020-0012',
	marriage_date: '2020-11-14',
	marriage_certificate_lost: 'no',
	court: 'Pengadilan Negeri Balikpapan',
	decision_number: '123/Pdt.G/2026/PN Bpp',
	decision_final_date: '2026-11-02'
};
