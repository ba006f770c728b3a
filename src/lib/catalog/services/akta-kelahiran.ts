import type { Condition, OnlineService } from '../types';
import { addressField, APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, SEX_OPTIONS, witnessesField } from './shared';

/**
 * The father is named on the certificate when the parents' marriage is registered, or when the KK
 * already shows them as husband and wife (then with the F-2.04 statement); otherwise the
 * certificate names the mother only (shared/DOMAIN.md "Corrections").
 */
/** The parents are known: every child but a foundling. */
const PARENTS_KNOWN: Condition = { field: 'child_found', in: ['no'] };

const FATHER_NAMED: Condition = {
	all: [
		PARENTS_KNOWN,
		{
			any: [
				{ field: 'parents_married_registered', in: ['yes'] },
				{ field: 'parents_on_kk_as_spouses', in: ['yes'] }
			]
		}
	]
};

/** Witnesses sign the F-2.03 statement without a birth letter, or every birth if the office says so. */
const WITNESSES_ASKED: Condition = {
	any: [
		{ field: 'has_birth_letter', in: ['no'] },
		{ setting: 'birth_witnesses', in: ['always'] }
	]
};

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
	notes: [
		{
			id: 'Jika perkawinan orang tua tidak tercatat dan KK tidak mencantumkan mereka sebagai suami istri, akta kelahiran mencantumkan nama ibu saja; data ayah tidak perlu diisi.',
			en: "If the parents' marriage is not registered and the KK does not show them as husband and wife, the birth certificate names the mother only; the father's details are not needed."
		},
		{
			id: 'Laporan yang terlambat, bahkan lebih dari setahun, tetap diterima tanpa penetapan pengadilan.',
			en: 'A late report, even after more than a year, is still accepted without a court order.'
		}
	],
	applicant: 'reporter',
	deadline: {
		days: 60,
		from: 'birth_date',
		notice: {
			id: 'Kelahiran ini dilaporkan lebih dari 60 hari setelah tanggal lahir. Permohonan tetap diterima dan tidak perlu penetapan pengadilan, berapa pun lamanya; kantor mungkin meminta keterangan tambahan.',
			en: 'This birth is reported more than 60 days after it happened. The application is still accepted and needs no court order, however late; the office may ask for more information.'
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
				{
					name: 'child_found',
					type: 'yesno',
					label: { id: 'Apakah anak ini ditemukan dan orang tuanya tidak diketahui?', en: 'Was this child found, with the parents unknown?' },
					hint: {
						id: 'Untuk anak yang ditemukan, data orang tua tidak diisi; lampirkan berita acara penemuan dari kepolisian.',
						en: "For a foundling, the parents' details are not asked; attach the police report of the finding."
					}
				},
				{ name: 'mother', type: 'person', parts: ['nik', 'name', 'birth_date'], label: { id: 'Ibu', en: 'Mother' }, when: PARENTS_KNOWN },
				{
					name: 'parents_married_registered',
					when: PARENTS_KNOWN,
					type: 'yesno',
					label: { id: 'Apakah perkawinan orang tua tercatat (ada buku nikah atau akta perkawinan)?', en: "Is the parents' marriage registered (marriage book or certificate)?" }
				},
				{
					name: 'parents_on_kk_as_spouses',
					type: 'yesno',
					label: { id: 'Apakah di KK ayah dan ibu sudah tercatat sebagai suami dan istri?', en: 'Does the family card (KK) already show the father and the mother as husband and wife?' },
					hint: {
						id: 'Jika ya, nama ayah ikut dicantumkan dengan surat pernyataan tanggung jawab mutlak (F-2.04). Jika tidak, akta kelahiran mencantumkan nama ibu saja, dan data ayah tidak perlu diisi. Akta ini sah dan melindungi hak anak; nama ayah dapat ditambahkan kemudian melalui pengakuan atau pengesahan anak.',
						en: "If yes, the father is named too, with a statement of being husband and wife (F-2.04). If not, the birth certificate names the mother only, and you do not need to give the father's details. The certificate is valid and protects the child's rights; the father can be added later by acknowledging or legitimising the child."
					},
					when: { field: 'parents_married_registered', in: ['no'] }
				},
				{ name: 'father', type: 'person', parts: ['nik', 'name', 'birth_date'], label: { id: 'Ayah', en: 'Father' }, when: FATHER_NAMED }
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
				witnessesField({ when: WITNESSES_ASKED })
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
			when: { field: 'has_birth_letter', in: ['yes'] },
			asked: { id: 'Jika ada surat keterangan lahir', en: 'If you have a birth letter' }
		},
		{
			code: 'buku-nikah',
			maxFiles: 4,
			name: { id: 'Buku nikah atau akta perkawinan orang tua', en: "Parents' marriage book or certificate" },
			photoHint: { id: 'Foto halaman yang memuat nama kedua orang tua dan nomor akta.', en: "Photograph the page with both parents' names and the certificate number." },
			when: { field: 'parents_married_registered', in: ['yes'] },
			asked: { id: 'Jika perkawinan orang tua tercatat', en: "If the parents' marriage is registered" }
		},
		KK_DOCUMENT,
		{
			code: 'bap-penemuan-anak',
			name: { id: 'Berita acara penemuan anak dari kepolisian', en: 'The police report of the finding of the child' },
			photoHint: {
				id: 'Foto setiap halaman berita acara, lurus dari atas; nomor, stempel, dan tanda tangan petugas harus terbaca.',
				en: "Photograph every page of the report, straight from above; the number, the stamp and the officer's signature must be readable."
			},
			when: { field: 'child_found', in: ['yes'] },
			asked: { id: 'Jika anak ditemukan', en: 'If the child was found' }
		},
		{
			code: 'f2-03',
			name: { id: 'Surat pernyataan kebenaran data kelahiran (F-2.03)', en: 'Statement on the birth data (F-2.03)' },
			photoHint: { id: 'Foto surat pernyataan yang sudah ditandatangani dan diketahui dua saksi.', en: 'Photograph the signed statement, witnessed by two people.' },
			when: { field: 'has_birth_letter', in: ['no'] },
			asked: { id: 'Jika tidak ada surat keterangan lahir', en: 'If you have no birth letter' }
		},
		{
			code: 'f2-04',
			name: { id: 'Surat pernyataan tanggung jawab mutlak perkawinan (F-2.04)', en: 'Statement of being husband and wife (F-2.04)' },
			photoHint: { id: 'Foto surat pernyataan yang sudah ditandatangani kedua orang tua dan dua saksi.', en: 'Photograph the statement signed by both parents and two witnesses.' },
			when: { field: 'parents_on_kk_as_spouses', in: ['yes'] },
			asked: { id: 'Jika perkawinan belum tercatat tetapi KK mencantumkan orang tua sebagai suami istri', en: 'If the marriage is not registered but the KK shows the parents as husband and wife' }
		},
		LETTER_OF_AUTHORITY
	]
};
