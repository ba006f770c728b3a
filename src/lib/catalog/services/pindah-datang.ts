import type { OnlineService } from '../types';
import {
	addressField,
	APPLICANT_RELATION,
	housingField,
	KK_DOCUMENT,
	kkNumberField,
	LETTER_OF_AUTHORITY,
	ownerConsentLetter,
	personsField,
	regionFields,
	SKPWNI_DOCUMENT
} from './shared';

/**
 * The SKPWNI number as printed, e.g. SKPWNI/6472/15102026/0012: the issuing regency's 4-digit code,
 * the date (DDMMYYYY, older letters DDMMYY) and a serial. Upper or lower case, spaces around the
 * slashes tolerated. Written without flags or look-arounds so that Go's RE2 reads it the same.
 */
export const SKPWNI_NUMBER_PATTERN = '^[Ss][Kk][Pp][Ww][Nn][Ii] */ *[0-9]{4} */ *([0-9]{6}|[0-9]{8}) */ *[0-9]{1,6}$';

/** Moving in (pindah datang): registering at an address in Balikpapan with the SKPWNI of the old place. */
export const pindahDatang: OnlineService = {
	code: 'pindah-datang',
	mode: 'online',
	name: { id: 'Pindah datang ke Kota Balikpapan', en: 'Moving in to Balikpapan' },
	description: {
		id: 'Mendaftarkan kedatangan dari luar Kota Balikpapan dengan SKPWNI dari daerah asal. Anda mendapat KK Kota Balikpapan secara digital; KTP-el baru diambil langsung di kantor.',
		en: 'Registering your arrival from outside Balikpapan with the moving letter (SKPWNI) of your previous place. You get a Balikpapan family card digitally; new KTP-el cards are collected in person at the office.'
	},
	eligibility: {
		id: 'Orang yang pindah ke Kota Balikpapan dan sudah memiliki SKPWNI dari Disdukcapil daerah asal, atau orang yang diberi kuasa.',
		en: 'People moving to Balikpapan who have the moving letter (SKPWNI) from the office of their previous place, or someone with a letter of authority.'
	},
	subject: { nik: 'movers.0.nik', name: 'movers.0.name' },
	deadline: {
		days: 30,
		from: 'skpwni_date',
		notice: {
			id: 'SKPWNI ini diterbitkan lebih dari 30 hari yang lalu, sedangkan SKPWNI berlaku 30 hari. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This SKPWNI was issued more than 30 days ago, and an SKPWNI is valid for 30 days. The application is still accepted; the office may ask for more information.'
		}
	},
	steps: [
		{
			id: 'skpwni',
			title: { id: 'Surat pindah (SKPWNI)', en: 'The moving letter (SKPWNI)' },
			fields: [
				{
					name: 'skpwni_number',
					type: 'text',
					maxLength: 40,
					pattern: SKPWNI_NUMBER_PATTERN,
					patternCode: 'skpwni_format',
					label: { id: 'Nomor SKPWNI', en: 'SKPWNI number' },
					hint: { id: 'Seperti tertulis di surat, misalnya SKPWNI/6472/15102026/0012.', en: 'As printed on the letter, for example SKPWNI/6472/15102026/0012.' }
				},
				{ name: 'skpwni_date', type: 'date', past: true, label: { id: 'Tanggal SKPWNI diterbitkan', en: 'Date the SKPWNI was issued' } },
				...regionFields('origin', {
					province: { id: 'Provinsi asal', en: 'Province you moved from' },
					city: { id: 'Kabupaten atau kota asal', en: 'Regency or city you moved from' }
				})
			]
		},
		{
			id: 'yang-datang',
			title: { id: 'Siapa yang pindah datang?', en: 'Who is moving in?' },
			hint: {
				id: 'Tulis setiap orang yang tercantum di SKPWNI dan pindah ke Balikpapan, dimulai dari pemohon atau kepala keluarga.',
				en: 'List everyone named on the SKPWNI who moves to Balikpapan, starting with the applicant or the head of the family.'
			},
			fields: [
				personsField({
					name: 'movers',
					label: { id: 'Orang yang pindah datang', en: 'People moving in' },
					itemLabel: { id: 'Orang yang pindah datang', en: 'Person moving in' }
				}),
				APPLICANT_RELATION
			]
		},
		{
			id: 'alamat',
			title: { id: 'Alamat baru di Kota Balikpapan', en: 'Your new address in Balikpapan' },
			fields: [
				addressField(),
				{ name: 'arrival_date', type: 'date', past: true, label: { id: 'Tanggal tiba di alamat ini', en: 'Date you arrived at this address' } },
				housingField('housing'),
				{
					name: 'kk_status',
					type: 'choice',
					label: { id: 'Kartu Keluarga di Balikpapan', en: 'Family card in Balikpapan' },
					options: [
						{ value: 'new', label: { id: 'Membuat KK baru', en: 'A new family card' } },
						{ value: 'join', label: { id: 'Bergabung ke KK yang sudah ada di Balikpapan', en: 'Join a family card that already exists in Balikpapan' } }
					]
				},
				{
					...kkNumberField('host_kk_number', { id: 'Nomor KK yang dituju', en: 'Number of the family card you join' }),
					when: { field: 'kk_status', in: ['join'] }
				}
			]
		}
	],
	documents: [
		SKPWNI_DOCUMENT,
		{
			code: 'ktp-el-atau-kia',
			maxFiles: 2,
			name: { id: 'KTP-el atau KIA setiap orang yang pindah', en: 'The KTP-el or child ID card (KIA) of everyone moving' },
			photoHint: {
				id: 'Foto bagian depan setiap kartu, lurus dan dekat, tanpa pantulan cahaya; satu foto untuk setiap kartu.',
				en: 'Photograph the front of each card, straight and close, without glare; one photo per card.'
			}
		},
		ownerConsentLetter({ field: 'housing', in: ['rent', 'lodging'] }),
		{
			...KK_DOCUMENT,
			code: 'kk-tujuan',
			name: { id: 'KK yang dituju', en: 'The family card you join' },
			when: { field: 'kk_status', in: ['join'] }
		},
		LETTER_OF_AUTHORITY
	]
};
