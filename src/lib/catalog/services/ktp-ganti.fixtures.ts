import type { Answers } from '../types';

// Example answers of ktp-ganti: its unit test, the catalog test and the end-to-end tests use them.

export const validIdCardReplacement: Answers = {
	loss_kind: 'damaged',
	on_behalf: 'no',
	holder: { nik: '6471055205920002', name: 'Siti Rahmawati' }
};
