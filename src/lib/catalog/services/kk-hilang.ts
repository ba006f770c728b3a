import type { OnlineService } from '../types';
import { APPLICANT_RELATION, KTP_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, lostOrDamagedField, NIK_AND_NAME, policeLossReport } from './shared';

/** Replacement of a lost or damaged family card (KK hilang/rusak). */
export const kkHilang: OnlineService = {
	code: 'kk-hilang',
	mode: 'online',
	name: { id: 'Kartu Keluarga (KK) hilang atau rusak', en: 'Lost or damaged family card (KK)' },
	description: {
		id: 'Menerbitkan ulang KK yang hilang atau rusak, dengan data yang sama. KK terbit digital dan dicetak sendiri di kertas A4 putih.',
		en: 'Reissuing a lost or damaged family card with the same data. The KK is issued digitally and you print it yourself on white A4 paper.'
	},
	eligibility: {
		id: 'Kepala keluarga atau anggota keluarga yang tercantum di KK Kota Balikpapan, atau orang yang diberi kuasa.',
		en: 'The head or a member of a Balikpapan family card, or someone with a letter of authority.'
	},
	notes: [
		{
			id: 'KTP-el siapa pun yang tercantum di KK ini cukup; tidak harus milik kepala keluarga.',
			en: 'The KTP-el of anyone on this family card will do; it need not be the head of the family.'
		}
	],
	subject: { nik: 'head.nik', name: 'head.name' },
	steps: [
		{
			id: 'kejadian',
			title: { id: 'Apa yang terjadi dengan KK?', en: 'What happened to the family card?' },
			fields: [
				{
					...lostOrDamagedField('loss_kind', { id: 'KK hilang atau rusak?', en: 'Is the card lost or damaged?' }),
					hint: {
						id: 'Untuk KK yang hilang, Anda perlu surat keterangan kehilangan dari kantor polisi.',
						en: 'For a lost card, you need a loss report from the police.'
					}
				}
			]
		},
		{
			id: 'keluarga',
			title: { id: 'Keluarga pada KK', en: 'The family on the card' },
			fields: [
				{
					name: 'head',
					type: 'person',
					parts: NIK_AND_NAME,
					label: { id: 'Kepala keluarga', en: 'Head of the family' },
					hint: { id: 'Seperti tercantum di KK.', en: 'As on the family card.' }
				},
				{
					...kkNumberField(),
					required: false,
					hint: {
						id: 'Jika Anda tahu, misalnya dari fotokopi KK. Boleh dikosongkan.',
						en: 'If you know it, for example from a copy of the card. You may leave it empty.'
					}
				},
				APPLICANT_RELATION
			]
		}
	],
	documents: [
		policeLossReport({ field: 'loss_kind', in: ['lost'] }, { id: 'Jika KK hilang', en: 'If the card is lost' }),
		{
			code: 'kk-rusak',
			name: { id: 'KK yang rusak', en: 'The damaged family card' },
			photoHint: {
				id: 'Foto seluruh KK yang rusak di atas permukaan gelap, termasuk bagian yang sobek atau pudar.',
				en: 'Photograph the whole damaged card on a dark surface, including the torn or faded parts.'
			},
			when: { field: 'loss_kind', in: ['damaged'] },
			asked: { id: 'Jika KK rusak', en: 'If the card is damaged' }
		},
		{
			...KTP_DOCUMENT,
			name: { id: 'KTP-el salah satu anggota keluarga di KK ini', en: 'The electronic ID card (KTP-el) of any member of this family card' },
			photoHint: {
				id: 'KTP-el kepala keluarga atau anggota keluarga lain. Foto bagian depannya, lurus dan dekat, tanpa pantulan cahaya.',
				en: 'The KTP-el of the head or of another member of the family. Photograph its front, straight and close, without glare.'
			}
		},
		LETTER_OF_AUTHORITY
	]
};
