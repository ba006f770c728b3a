import type { Answers } from '../types';

// Example answers of kk-hilang: its unit test, the catalog test and the end-to-end tests use them.

export const validLostFamilyCard: Answers = {
	loss_kind: 'lost',
	on_behalf: 'no',
	head: { nik: '6471031708850003', name: 'Budi Santoso' },
	kk_number: '6471030101150007'
};
