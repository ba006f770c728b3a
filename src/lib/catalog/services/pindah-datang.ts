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
	notes: [
		{
			id: 'KTP-el lama setiap orang dewasa, dan KIA anak jika sudah punya, diserahkan untuk diganti dengan kartu beralamat Balikpapan.',
			en: "Every adult's old KTP-el, and a child's KIA if they have one, is handed in for a card with the Balikpapan address."
		},
		{
			id: 'Anak di bawah 17 tahun yang bergabung ke KK keluarga lain perlu surat pernyataan keluarga yang menerima dan surat hak asuh.',
			en: "A child under 17 joining another family's card needs the host family's statement and a custody letter."
		}
	],
	subject: { nik: 'movers.0.nik', name: 'movers.0.name' },
	deadline: {
		days: 30,
		daysSetting: 'skpwni_valid_days',
		from: 'skpwni_date',
		notice: {
			id: 'SKPWNI ini mungkin sudah melewati masa berlakunya. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This SKPWNI may be past the time it stays valid. The application is still accepted; the office may ask for more information.'
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
				{
					name: 'has_kia',
					type: 'yesno',
					label: { id: 'Apakah ada anak yang pindah dan sudah memiliki Kartu Identitas Anak (KIA)?', en: 'Does a child who moves have a child ID card (KIA)?' },
					hint: {
						id: 'KIA lama diserahkan untuk diganti dengan KIA Kota Balikpapan. Anak tanpa KIA tidak perlu membuatnya dulu.',
						en: 'The old KIA is handed in for a Balikpapan one. A child without a KIA does not need one first.'
					}
				},
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
				},
				{
					name: 'minor_joins_other_family',
					type: 'yesno',
					label: { id: 'Apakah ada anak di bawah 17 tahun yang bergabung ke KK keluarga lain, bukan KK orang tuanya?', en: "Is a child under 17 joining another family's card, not their parents'?" },
					hint: {
						id: 'Misalnya ikut paman atau nenek. Jika ya, perlu surat pernyataan keluarga yang menerima dan surat hak asuh atau persetujuan orang tua.',
						en: "For example living with an uncle or a grandmother. If yes, you need the host family's statement and a custody letter or the parents' consent."
					},
					when: { field: 'kk_status', in: ['join'] }
				}
			]
		}
	],
	documents: [
		SKPWNI_DOCUMENT,
		{
			code: 'ktp-el-lama',
			maxFiles: 4,
			name: { id: 'KTP-el lama setiap orang dewasa yang pindah', en: 'The old KTP-el of every adult who moves' },
			photoHint: {
				id: 'KTP-el lama diserahkan untuk diganti dengan KTP-el beralamat Balikpapan. Foto bagian depan setiap kartu, lurus dan dekat, tanpa pantulan cahaya; satu foto untuk setiap kartu.',
				en: 'The old KTP-el is handed in for one with your Balikpapan address. Photograph the front of each card, straight and close, without glare; one photo per card.'
			}
		},
		{
			code: 'kia-lama',
			name: { id: 'KIA lama anak yang pindah', en: 'The old child ID card (KIA) of a child who moves' },
			photoHint: {
				id: 'Foto bagian depan setiap KIA, lurus dan dekat, tanpa pantulan cahaya; satu foto untuk setiap kartu.',
				en: 'Photograph the front of each KIA, straight and close, without glare; one photo per card.'
			},
			when: { field: 'has_kia', in: ['yes'] },
			asked: { id: 'Jika anak yang pindah sudah memiliki KIA', en: 'If a child who moves has a KIA' }
		},
		ownerConsentLetter({ field: 'housing', in: ['rent', 'lodging'] }),
		{
			...KK_DOCUMENT,
			code: 'kk-tujuan',
			name: { id: 'KK yang dituju', en: 'The family card you join' },
			when: { field: 'kk_status', in: ['join'] },
			asked: { id: 'Jika bergabung ke KK yang sudah ada', en: 'If you join an existing family card' }
		},
		{
			code: 'pernyataan-keluarga-penerima',
			name: { id: 'Surat pernyataan kepala keluarga yang menerima anak', en: 'Statement of the head of the family the child joins' },
			photoHint: {
				id: 'Foto seluruh surat yang sudah ditandatangani kepala keluarga, lurus dari atas; nama, NIK, dan tanda tangannya harus terbaca.',
				en: 'Photograph the whole letter signed by the head of the family, straight from above; their name, NIK and signature must be readable.'
			},
			when: { field: 'minor_joins_other_family', in: ['yes'] },
			asked: { id: 'Jika anak bergabung ke KK keluarga lain', en: "If a child joins another family's card" }
		},
		{
			code: 'surat-hak-asuh',
			name: { id: 'Surat hak asuh atau surat persetujuan orang tua anak', en: "Custody letter or the child's parents' consent" },
			photoHint: {
				id: 'Foto seluruh surat, lurus dari atas; nama anak, nama orang tua atau wali, dan tanda tangannya harus terbaca.',
				en: "Photograph the whole letter, straight from above; the child's name, the parents' or guardian's names and signatures must be readable."
			},
			when: { field: 'minor_joins_other_family', in: ['yes'] },
			asked: { id: 'Jika anak bergabung ke KK keluarga lain', en: "If a child joins another family's card" }
		},
		LETTER_OF_AUTHORITY
	]
};
