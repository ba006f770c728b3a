import type { OnlineService } from '../types';
import { addressField, APPLICANT_RELATION, housingField, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, ownerConsentLetter, personsField, regionFields } from './shared';

const OUTSIDE = { field: 'destination_scope', in: ['outside'] };

/**
 * Moving house (the F-1.03 moving form as fields): within Balikpapan the office records the new
 * address and issues a new KK, with no moving letter; away from Balikpapan it issues the SKPWNI
 * (Permendagri 108/2019 art. 29; shared/DOMAIN.md "Corrections").
 */
export const pindahKeluar: OnlineService = {
	code: 'pindah-keluar',
	mode: 'online',
	name: { id: 'Pindah alamat atau surat pindah (SKPWNI)', en: 'Moving house or moving-out letter (SKPWNI)' },
	description: {
		id: 'Pindah ke alamat lain di Kota Balikpapan: tidak perlu surat pindah; alamat baru dicatat dan KK baru terbit digital, lalu KTP-el dengan alamat baru diambil di kantor. Pindah ke luar Kota Balikpapan: Surat Keterangan Pindah WNI (SKPWNI) terbit digital dan dicetak sendiri di kertas A4 putih; bawa ke Disdukcapil daerah tujuan, tempat KTP-el lama diserahkan untuk diganti.',
		en: 'Moving to another address in Balikpapan: no moving letter is needed; the new address is recorded and a new family card (KK) is issued digitally, then you collect a KTP-el with the new address at the office. Moving away from Balikpapan: the moving letter (SKPWNI) is issued digitally and you print it yourself on white A4 paper; take it to the civil-registration office of your new place, where you hand in your old KTP-el for a new one.'
	},
	eligibility: {
		id: 'Penduduk yang tercantum di KK Kota Balikpapan, atau orang yang diberi kuasa.',
		en: 'People listed on a Balikpapan family card, or someone with a letter of authority.'
	},
	notes: [
		{
			id: 'Pindah di dalam Kota Balikpapan tidak memerlukan SKPWNI: alamat baru dicatat, KK baru terbit digital, dan KTP-el baru dengan alamat baru diambil di kantor.',
			en: 'A move within Balikpapan needs no SKPWNI: the new address is recorded, a new KK is issued digitally, and you collect a new KTP-el with the new address at the office.'
		},
		{
			id: 'Pindah ke luar kota: KTP-el lama diserahkan di Disdukcapil daerah tujuan, yang menerbitkan KTP-el baru.',
			en: 'A move away from the city: you hand in your old KTP-el at the office of your new place, which issues a new one.'
		}
	],
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
				}),
				{
					name: 'minor_alone',
					type: 'yesno',
					label: { id: 'Apakah ada anak di bawah 17 tahun yang pindah tanpa ayah atau ibunya?', en: 'Is a child under 17 moving without their father or mother?' },
					hint: {
						id: 'Jika ya, Anda perlu surat persetujuan dari orang tua atau wali anak itu.',
						en: "If yes, you need a letter of consent from the child's parent or guardian."
					}
				}
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
					hint: {
						id: 'Di dalam Kota Balikpapan tidak perlu SKPWNI: Anda mendapat KK baru dan KTP-el baru dengan alamat baru. Ke luar kota, SKPWNI terbit dan KTP-el diserahkan di daerah tujuan.',
						en: 'Within Balikpapan no SKPWNI is needed: you get a new family card and a new KTP-el with the new address. Away from the city, an SKPWNI is issued and you hand in your KTP-el at your new place.'
					},
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
		{
			code: 'surat-persetujuan-orang-tua',
			name: { id: 'Surat persetujuan orang tua atau wali anak yang pindah', en: "The consent letter of the moving child's parent or guardian" },
			photoHint: {
				id: 'Foto seluruh surat yang sudah ditandatangani orang tua atau wali, lurus dari atas; nama, NIK, dan tanda tangannya harus terbaca.',
				en: "Photograph the whole letter signed by the parent or guardian, straight from above; their name, NIK and signature must be readable."
			},
			when: { field: 'minor_alone', in: ['yes'] },
			asked: { id: 'Jika anak di bawah 17 tahun pindah tanpa orang tuanya', en: 'If a child under 17 moves without their parents' }
		},
		LETTER_OF_AUTHORITY
	]
};
