import type { OnlineService } from '../types';
import { addressField, APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, SEX_OPTIONS, witnessesField } from './shared';

/** Birth certificate (akta kelahiran): the F-2.01 birth report as fields. */
export const aktaKelahiran: OnlineService = {
	code: 'akta-kelahiran',
	mode: 'online',
	name: { id: 'Akta kelahiran', en: 'Birth certificate' },
	description: {
		id: 'Pencatatan kelahiran bayi dan penerbitan akta kelahiran digital.',
		en: 'Registering a birth and issuing the digital birth certificate.'
	},
	eligibility: {
		id: 'Orang tua, keluarga, atau orang yang diberi kuasa, untuk kelahiran penduduk Kota Balikpapan.',
		en: 'Parents, relatives, or someone with a letter of authority, for a birth in a Balikpapan family.'
	},
	subject: { nik: 'kk_number', name: 'baby_name' },
	applicant: 'reporter',
	deadline: {
		days: 60,
		from: 'birth_date',
		notice: {
			id: 'Kelahiran ini dilaporkan lebih dari 60 hari setelah tanggal lahir. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This birth is reported more than 60 days after it happened. The application is still accepted; the office may ask for more information.'
		}
	},
	steps: [
		{
			id: 'pelapor',
			title: { id: 'Pelapor', en: 'The person reporting' },
			fields: [
				{
					name: 'reporter',
					type: 'person',
					parts: ['nik', 'name'],
					label: { id: 'Pelapor', en: 'Reporter' },
					hint: { id: 'Orang yang melaporkan kelahiran, biasanya ayah atau ibu.', en: 'The person reporting the birth, usually the father or the mother.' }
				},
				{
					name: 'reporter_relation',
					type: 'choice',
					label: { id: 'Hubungan pelapor dengan bayi', en: "The reporter's relation to the baby" },
					options: [
						{ value: 'father', label: { id: 'Ayah', en: 'Father' } },
						{ value: 'mother', label: { id: 'Ibu', en: 'Mother' } },
						{ value: 'family', label: { id: 'Keluarga lain', en: 'Other relative' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Someone else' } }
					]
				},
				APPLICANT_RELATION
			]
		},
		{
			id: 'bayi',
			title: { id: 'Bayi', en: 'The baby' },
			fields: [
				{ name: 'baby_name', type: 'text', label: { id: 'Nama bayi', en: "Baby's name" }, maxLength: 100 },
				{ name: 'baby_sex', type: 'choice', label: { id: 'Jenis kelamin bayi', en: "Baby's sex" }, options: SEX_OPTIONS },
				{ name: 'birth_date', type: 'date', past: true, label: { id: 'Tanggal lahir', en: 'Date of birth' } },
				{
					name: 'birth_time',
					type: 'time',
					label: { id: 'Pukul lahir', en: 'Time of birth' },
					hint: { id: 'Misalnya 14.30 (waktu setempat).', en: 'For example 14:30 (local time).' }
				},
				{
					name: 'birth_place_kind',
					type: 'choice',
					label: { id: 'Tempat kelahiran', en: 'Place of birth' },
					options: [
						{ value: 'hospital', label: { id: 'Rumah sakit', en: 'Hospital' } },
						{ value: 'clinic', label: { id: 'Puskesmas atau klinik', en: 'Health centre or clinic' } },
						{ value: 'home', label: { id: 'Rumah', en: 'At home' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Elsewhere' } }
					]
				},
				{
					name: 'birth_place_name',
					type: 'text',
					label: { id: 'Nama rumah sakit, puskesmas, atau klinik', en: 'Name of the hospital, health centre or clinic' },
					when: { field: 'birth_place_kind', in: ['hospital', 'clinic'] }
				},
				{
					name: 'birth_helper',
					type: 'choice',
					label: { id: 'Penolong kelahiran', en: 'Who helped at the birth' },
					options: [
						{ value: 'doctor', label: { id: 'Dokter', en: 'Doctor' } },
						{ value: 'midwife', label: { id: 'Bidan atau perawat', en: 'Midwife or nurse' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Someone else' } }
					],
					when: { field: 'birth_place_kind', in: ['home', 'other'] }
				},
				{
					name: 'birth_type',
					type: 'choice',
					label: { id: 'Jenis kelahiran', en: 'Kind of birth' },
					options: [
						{ value: 'single', label: { id: 'Tunggal', en: 'Single' } },
						{ value: 'twin', label: { id: 'Kembar 2', en: 'Twins' } },
						{ value: 'multiple', label: { id: 'Kembar 3 atau lebih', en: 'Triplets or more' } }
					]
				},
				{
					name: 'birth_order',
					type: 'number',
					min: 1,
					max: 20,
					label: { id: 'Anak ke-', en: 'Child number' },
					hint: { id: 'Urutan kelahiran dari ibu ini, misalnya 1 untuk anak pertama.', en: "Birth order of the mother's children, for example 1 for the first child." }
				},
				{ name: 'weight_grams', type: 'number', min: 300, max: 7000, label: { id: 'Berat bayi', en: "Baby's weight" }, unit: { id: 'gram', en: 'grams' } },
				{ name: 'length_cm', type: 'number', min: 20, max: 70, decimals: true, label: { id: 'Panjang bayi', en: "Baby's length" }, unit: { id: 'cm', en: 'cm' } }
			]
		},
		{
			id: 'orang-tua',
			title: { id: 'Orang tua', en: 'The parents' },
			fields: [
				{ name: 'mother', type: 'person', parts: ['nik', 'name', 'birth_date'], label: { id: 'Ibu', en: 'Mother' } },
				{ name: 'father', type: 'person', parts: ['nik', 'name', 'birth_date'], label: { id: 'Ayah', en: 'Father' } },
				{
					name: 'parents_married_registered',
					type: 'yesno',
					label: { id: 'Apakah perkawinan orang tua tercatat (ada buku nikah atau akta perkawinan)?', en: "Is the parents' marriage registered (marriage book or certificate)?" }
				}
			]
		},
		{
			id: 'keterangan',
			title: { id: 'Surat keterangan lahir', en: 'Birth letter' },
			fields: [
				{
					name: 'has_birth_letter',
					type: 'yesno',
					label: { id: 'Apakah ada surat keterangan lahir?', en: 'Do you have a birth letter?' },
					hint: {
						id: 'Dari rumah sakit, puskesmas, dokter, atau bidan; dari kepala desa/lurah jika lahir di rumah.',
						en: 'From the hospital, health centre, doctor or midwife; from the village head if born at home.'
					}
				},
				witnessesField({ when: { field: 'has_birth_letter', in: ['no'] } })
			]
		},
		{
			id: 'alamat',
			title: { id: 'Alamat keluarga', en: "The family's address" },
			fields: [kkNumberField(), addressField()]
		}
	],
	documents: [
		{
			code: 'surat-kelahiran',
			name: { id: 'Surat keterangan lahir', en: 'Birth letter' },
			photoHint: { id: 'Foto seluruh surat, lurus dari atas; stempel dan tanda tangan harus terlihat.', en: 'Photograph the whole letter from above; the stamp and signature must show.' },
			when: { field: 'has_birth_letter', in: ['yes'] }
		},
		{
			code: 'buku-nikah',
			maxFiles: 4,
			name: { id: 'Buku nikah atau akta perkawinan orang tua', en: "Parents' marriage book or certificate" },
			photoHint: { id: 'Foto halaman yang memuat nama kedua orang tua dan nomor akta.', en: "Photograph the page with both parents' names and the certificate number." },
			when: { field: 'parents_married_registered', in: ['yes'] }
		},
		KK_DOCUMENT,
		{
			code: 'f2-03',
			name: { id: 'Surat pernyataan kebenaran data kelahiran (F-2.03)', en: 'Statement on the birth data (F-2.03)' },
			photoHint: { id: 'Foto surat pernyataan yang sudah ditandatangani dan diketahui dua saksi.', en: 'Photograph the signed statement, witnessed by two people.' },
			when: { field: 'has_birth_letter', in: ['no'] }
		},
		{
			code: 'f2-04',
			name: { id: 'Surat pernyataan tanggung jawab mutlak perkawinan (F-2.04)', en: 'Statement of being husband and wife (F-2.04)' },
			photoHint: { id: 'Foto surat pernyataan yang sudah ditandatangani kedua orang tua dan dua saksi.', en: 'Photograph the statement signed by both parents and two witnesses.' },
			when: { field: 'parents_married_registered', in: ['no'] }
		},
		LETTER_OF_AUTHORITY
	]
};
