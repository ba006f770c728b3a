import type { OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, LETTER_OF_AUTHORITY, lostOrDamagedField, NIK_AND_NAME, policeLossReport } from './shared';

/** Replacement KTP-el for a lost or damaged card, for residents already recorded (biometrics on file). */
export const ktpGanti: OnlineService = {
	code: 'ktp-ganti',
	mode: 'online',
	name: { id: 'KTP-el hilang atau rusak', en: 'Lost or damaged KTP-el' },
	description: {
		id: 'Mencetak ulang KTP-el yang hilang atau rusak, dengan data yang sama. KTP-el adalah kartu fisik: setelah selesai, kartu diambil langsung di kantor Disdukcapil.',
		en: 'Reprinting a lost or damaged electronic ID card with the same data. The KTP-el is a physical card: when it is ready, you collect it in person at the office.'
	},
	eligibility: {
		id: 'Penduduk Kota Balikpapan yang sudah pernah merekam KTP-el. Jika belum pernah merekam, pilih layanan Perekaman KTP-el. Jika datanya berubah, ajukan dulu perubahan data KK.',
		en: 'Residents of Balikpapan who have already been recorded for a KTP-el. If you never were, choose KTP-el recording. If your data has changed, first apply for a change of data on the family card.'
	},
	subject: { nik: 'holder.nik', name: 'holder.name' },
	steps: [
		{
			id: 'kejadian',
			title: { id: 'Apa yang terjadi dengan KTP-el?', en: 'What happened to the KTP-el?' },
			fields: [
				{
					...lostOrDamagedField('loss_kind', { id: 'KTP-el hilang atau rusak?', en: 'Is the card lost or damaged?' }),
					hint: {
						id: 'Untuk KTP-el yang hilang, Anda perlu surat keterangan kehilangan dari kantor polisi.',
						en: 'For a lost card, you need a loss report from the police.'
					}
				}
			]
		},
		{
			id: 'pemilik',
			title: { id: 'Pemilik KTP-el', en: 'The card holder' },
			fields: [
				{
					name: 'holder',
					type: 'person',
					parts: NIK_AND_NAME,
					label: { id: 'Pemilik KTP-el', en: 'Card holder' },
					hint: { id: 'Biasanya Anda sendiri. Tulis seperti tercantum di KK.', en: 'Usually yourself. Write it as on the family card.' }
				},
				APPLICANT_RELATION
			]
		}
	],
	documents: [
		KK_DOCUMENT,
		policeLossReport({ field: 'loss_kind', in: ['lost'] }, { id: 'Jika KTP-el hilang', en: 'If the card is lost' }),
		{
			code: 'ktp-el-rusak',
			maxFiles: 2,
			name: { id: 'KTP-el yang rusak', en: 'The damaged KTP-el' },
			photoHint: {
				id: 'Foto bagian depan kartu yang rusak, lurus dan dekat, termasuk bagian yang patah atau pudar. Bawa kartunya saat mengambil KTP-el baru.',
				en: 'Photograph the front of the damaged card, straight and close, including the broken or faded parts. Bring the card when you collect the new one.'
			},
			when: { field: 'loss_kind', in: ['damaged'] },
			asked: { id: 'Jika KTP-el rusak', en: 'If the card is damaged' }
		},
		LETTER_OF_AUTHORITY
	]
};
