import type { OnlineService } from '../types';
import { addressField, APPLICANT_RELATION, housingField, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, ownerConsentLetter, personsField, regionFields } from './shared';

const OUTSIDE = { field: 'destination_scope', in: ['outside'] };

/** Moving-out letter (SKPWNI): the F-1.03 moving form as fields. */
export const pindahKeluar: OnlineService = {
	code: 'pindah-keluar',
	mode: 'online',
	name: { id: 'Surat pindah (SKPWNI)', en: 'Moving-out letter (SKPWNI)' },
	description: {
		id: 'Surat Keterangan Pindah WNI untuk pindah ke alamat lain di Kota Balikpapan atau ke luar Kota Balikpapan. SKPWNI terbit digital dan dicetak sendiri di kertas A4 putih; bawa ke Disdukcapil daerah tujuan.',
		en: 'The moving letter (SKPWNI) for a move to another address in Balikpapan or away from Balikpapan. It is issued digitally and you print it yourself on white A4 paper; take it to the civil-registration office of your new place.'
	},
	eligibility: {
		id: 'Penduduk yang tercantum di KK Kota Balikpapan, atau orang yang diberi kuasa.',
		en: 'People listed on a Balikpapan family card, or someone with a letter of authority.'
	},
	subject: { nik: 'movers.0.nik', name: 'movers.0.name' },
	steps: [
		{
			id: 'kk',
			title: { id: 'Kartu Keluarga asal', en: 'Your family card' },
			fields: [kkNumberField(), APPLICANT_RELATION]
		},
		{
			id: 'yang-pindah',
			title: { id: 'Siapa yang pindah?', en: 'Who is moving?' },
			hint: {
				id: 'Tulis setiap orang dari KK ini yang ikut pindah, dimulai dari pemohon atau kepala keluarga.',
				en: 'List everyone on this family card who is moving, starting with the applicant or the head of the family.'
			},
			fields: [
				personsField({
					name: 'movers',
					label: { id: 'Orang yang pindah', en: 'People moving' },
					itemLabel: { id: 'Orang yang pindah', en: 'Person moving' }
				})
			]
		},
		{
			id: 'tujuan',
			title: { id: 'Alamat tujuan', en: 'Where you are moving to' },
			fields: [
				{
					name: 'destination_scope',
					type: 'choice',
					label: { id: 'Pindah ke mana?', en: 'Where are you moving?' },
					options: [
						{ value: 'within', label: { id: 'Masih di Kota Balikpapan', en: 'Within Balikpapan' } },
						{ value: 'outside', label: { id: 'Ke luar Kota Balikpapan', en: 'Away from Balikpapan' } }
					]
				},
				{ ...addressField('destination_address', { id: 'Alamat baru di Kota Balikpapan', en: 'New address in Balikpapan' }), when: { field: 'destination_scope', in: ['within'] } },
				housingField('destination_housing', { field: 'destination_scope', in: ['within'] }),
				...regionFields(
					'destination',
					{ province: { id: 'Provinsi tujuan', en: 'Province you move to' }, city: { id: 'Kabupaten atau kota tujuan', en: 'Regency or city you move to' } },
					OUTSIDE
				),
				{
					name: 'destination_street',
					type: 'textarea',
					maxLength: 300,
					label: { id: 'Alamat lengkap tujuan', en: 'Full new address' },
					hint: {
						id: 'Jalan dan nomor, RT/RW, desa atau kelurahan, kecamatan.',
						en: 'Street and number, RT/RW, village or kelurahan, kecamatan.'
					},
					when: OUTSIDE
				}
			]
		},
		{
			id: 'alasan',
			title: { id: 'Alasan dan tanggal pindah', en: 'Why and when you move' },
			fields: [
				{
					name: 'reason',
					type: 'choice',
					label: { id: 'Alasan pindah', en: 'Reason for moving' },
					options: [
						{ value: 'work', label: { id: 'Pekerjaan', en: 'Work' } },
						{ value: 'education', label: { id: 'Pendidikan', en: 'Education' } },
						{ value: 'family', label: { id: 'Keluarga', en: 'Family' } },
						{ value: 'housing', label: { id: 'Perumahan', en: 'Housing' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Something else' } }
					]
				},
				{
					name: 'reason_other',
					type: 'text',
					maxLength: 200,
					label: { id: 'Alasan lainnya', en: 'Other reason' },
					when: { field: 'reason', in: ['other'] }
				},
				{
					name: 'moving_date',
					type: 'date',
					label: { id: 'Tanggal pindah', en: 'Moving date' },
					hint: { id: 'Tanggal Anda pindah atau akan pindah.', en: 'The date you moved or will move.' }
				}
			]
		}
	],
	documents: [
		{ ...KK_DOCUMENT, name: { id: 'Kartu Keluarga (KK) asal', en: 'Your family card (KK)' } },
		ownerConsentLetter({ field: 'destination_housing', in: ['rent', 'lodging'] }),
		LETTER_OF_AUTHORITY
	]
};
