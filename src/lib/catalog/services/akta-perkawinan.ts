import type { Condition, DocumentRequirement, Field, Localized, OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, KTP_DOCUMENT, LETTER_OF_AUTHORITY, witnessesField } from './shared';

/**
 * A parent of the husband or the wife: the name, and the NIK when known. The labels are written out
 * (not made of the parent's name): the app's build moves each English text out of the catalog's code
 * (scripts/lib/english.js).
 */
function parentFields(prefix: string, name: Localized, nik: Localized): Field[] {
	return [
		{ name: `${prefix}_name`, type: 'text', maxLength: 100, label: name },
		{
			name: `${prefix}_nik`,
			type: 'nik',
			required: false,
			label: nik,
			hint: { id: 'Boleh dikosongkan jika tidak diketahui.', en: 'Leave empty if unknown.' }
		}
	];
}

/** A document of one of the couple (birth certificate, KTP-el, KK). */
function ofSpouse(base: Omit<DocumentRequirement, 'code' | 'name'>, code: string, name: Localized): DocumentRequirement {
	return { ...base, code, name };
}

const BIRTH_CERTIFICATE = {
	photoHint: {
		id: 'Foto seluruh akta kelahiran, lurus dari atas dan tanpa pantulan cahaya; nama dan nomor akta harus terbaca.',
		en: 'Photograph the whole birth certificate, straight from above and without glare; the name and the number must be readable.'
	}
};

/** Either of the couple is younger than `years` on the day of the blessing (UU 1/1974 art. 6 and 7). */
function eitherUnder(years: number): Condition {
	return {
		any: [
			{ birth: 'husband.birth_date', on: 'blessing_date', ageUnder: years },
			{ birth: 'wife.birth_date', on: 'blessing_date', ageUnder: years }
		]
	};
}

const COURT_LETTER_HINT: Localized = {
	id: 'Foto setiap halaman penetapan pengadilan, lurus dari atas; nomor perkara, stempel, dan tanda tangan hakim harus terbaca.',
	en: "Photograph every page of the court's decision, straight from above; the case number, the stamp and the judge's signature must be readable."
};

/** Marriage certificate (akta perkawinan) for non-Muslims: the F-2.01 marriage report as fields. */
export const aktaPerkawinan: OnlineService = {
	code: 'akta-perkawinan',
	mode: 'online',
	name: { id: 'Akta perkawinan', en: 'Marriage certificate' },
	description: {
		id: 'Pencatatan perkawinan bagi yang beragama selain Islam, setelah pemberkatan oleh pemuka agama, dan penerbitan akta perkawinan digital. Perkawinan umat Islam dicatat di Kantor Urusan Agama (KUA). Kedua saksi hadir langsung di kantor saat pencatatan.',
		en: 'Registering the marriage of non-Muslims after the religious blessing, and issuing the digital marriage certificate. Muslim marriages are registered at the Office of Religious Affairs (KUA). Both witnesses come to the office in person for the registration.'
	},
	eligibility: {
		id: 'Pasangan yang beragama Kristen, Katolik, Hindu, Buddha, Khonghucu, atau penghayat kepercayaan, dan salah satunya penduduk Kota Balikpapan. Umat Islam mencatatkan perkawinan di KUA.',
		en: 'Couples who are Christian, Catholic, Hindu, Buddhist, Confucian or followers of a traditional belief, at least one of whom lives in Balikpapan. Muslims register their marriage at the KUA.'
	},
	notes: [
		{
			id: 'Umat Islam menikah dan mencatatkan perkawinannya di KUA, bukan di sini.',
			en: 'Muslims marry and register their marriage at the KUA, not here.'
		},
		{
			id: 'Di bawah 21 tahun pada hari pemberkatan: surat izin orang tua. Di bawah 19 tahun: juga dispensasi kawin dari pengadilan.',
			en: "Under 21 on the day of the blessing: the parents' consent. Under 19: also the court's marriage dispensation."
		},
		{
			id: 'Perkawinan kedua seorang suami memerlukan izin dari pengadilan.',
			en: "A husband's second marriage needs the court's permission."
		}
	],
	subject: { nik: 'husband.nik', name: 'husband.name' },
	deadline: {
		days: 60,
		from: 'blessing_date',
		notice: {
			id: 'Perkawinan ini dilaporkan lebih dari 60 hari setelah pemberkatan. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This marriage is reported more than 60 days after the blessing. The application is still accepted; the office may ask for more information.'
		}
	},
	steps: [
		{
			id: 'pasangan',
			title: { id: 'Suami dan istri', en: 'Husband and wife' },
			fields: [
				{ name: 'husband', type: 'person', label: { id: 'Suami', en: 'Husband' } },
				{ name: 'wife', type: 'person', label: { id: 'Istri', en: 'Wife' } },
				APPLICANT_RELATION
			]
		},
		{
			id: 'orang-tua',
			title: { id: 'Orang tua suami dan istri', en: "The husband's and the wife's parents" },
			fields: [
				...parentFields('husband_father', { id: 'Nama ayah suami', en: "The husband's father's name" }, { id: 'NIK ayah suami', en: "The husband's father's NIK" }),
				...parentFields('husband_mother', { id: 'Nama ibu suami', en: "The husband's mother's name" }, { id: 'NIK ibu suami', en: "The husband's mother's NIK" }),
				...parentFields('wife_father', { id: 'Nama ayah istri', en: "The wife's father's name" }, { id: 'NIK ayah istri', en: "The wife's father's NIK" }),
				...parentFields('wife_mother', { id: 'Nama ibu istri', en: "The wife's mother's name" }, { id: 'NIK ibu istri', en: "The wife's mother's NIK" })
			]
		},
		{
			id: 'pemberkatan',
			title: { id: 'Pemberkatan perkawinan', en: 'The religious blessing' },
			fields: [
				{
					name: 'religion',
					type: 'choice',
					label: { id: 'Agama atau kepercayaan', en: 'Religion or belief' },
					hint: {
						id: 'Perkawinan umat Islam dicatat di Kantor Urusan Agama (KUA), bukan di Disdukcapil.',
						en: 'Muslim marriages are registered at the Office of Religious Affairs (KUA), not here.'
					},
					options: [
						{ value: 'protestant', label: { id: 'Kristen', en: 'Christian (Protestant)' } },
						{ value: 'catholic', label: { id: 'Katolik', en: 'Catholic' } },
						{ value: 'hindu', label: { id: 'Hindu', en: 'Hindu' } },
						{ value: 'buddhist', label: { id: 'Buddha', en: 'Buddhist' } },
						{ value: 'confucian', label: { id: 'Khonghucu', en: 'Confucian' } },
						{ value: 'belief', label: { id: 'Kepercayaan terhadap Tuhan Yang Maha Esa', en: 'Traditional belief (Kepercayaan)' } }
					]
				},
				{ name: 'blessing_date', type: 'date', past: true, label: { id: 'Tanggal pemberkatan', en: 'Date of the blessing' } },
				{
					name: 'blessing_place',
					type: 'text',
					maxLength: 200,
					label: { id: 'Tempat pemberkatan', en: 'Place of the blessing' },
					hint: { id: 'Nama tempat dan kotanya, misalnya Gereja Santa Theresia, Balikpapan.', en: 'The place and its city, for example Gereja Santa Theresia, Balikpapan.' }
				},
				{
					name: 'religious_institution',
					type: 'text',
					maxLength: 200,
					label: { id: 'Lembaga agama atau kepercayaan', en: 'Religious institution or organisation' },
					hint: { id: 'Gereja, pura, vihara, klenteng, atau organisasi penghayat kepercayaan.', en: 'The church, temple or belief organisation.' }
				},
				{
					name: 'religious_leader',
					type: 'text',
					maxLength: 100,
					label: { id: 'Nama pemuka agama yang memberkati', en: 'Name of the religious leader who blessed the marriage' }
				}
			]
		},
		{
			id: 'keterangan',
			title: { id: 'Perkawinan sebelumnya dan pekerjaan', en: 'Earlier marriages and service' },
			fields: [
				{
					name: 'earlier_marriage',
					type: 'yesno',
					label: { id: 'Apakah suami atau istri pernah menikah sebelumnya?', en: 'Has the husband or the wife been married before?' },
					hint: {
						id: 'Jika ya, lampirkan akta perceraian atau akta kematian pasangan sebelumnya.',
						en: 'If yes, attach the divorce certificate or the death certificate of the earlier spouse.'
					}
				},
				{
					name: 'husband_still_married',
					type: 'yesno',
					label: { id: 'Apakah suami masih terikat perkawinan dengan istri lain?', en: 'Is the husband still married to another wife?' },
					hint: {
						id: 'Perkawinan kedua seorang suami hanya dapat dicatat dengan izin dari pengadilan.',
						en: "A husband's second marriage can only be registered with the court's permission."
					}
				},
				{
					name: 'tni_polri',
					type: 'yesno',
					label: { id: 'Apakah suami atau istri anggota TNI atau Polri?', en: 'Is the husband or the wife in the armed forces (TNI) or the police (Polri)?' },
					hint: { id: 'Jika ya, lampirkan izin kawin dari komandan atau atasan.', en: "If yes, attach the commander's permission to marry." }
				}
			]
		},
		{
			id: 'saksi',
			title: { id: 'Saksi perkawinan', en: 'Witnesses of the marriage' },
			fields: [
				witnessesField({
					hint: {
						id: 'Dua orang berusia 21 tahun atau lebih. Keduanya hadir langsung di kantor Disdukcapil saat pencatatan, membawa KTP-el.',
						en: 'Two people aged 21 or over. Both come to the office in person for the registration, with their KTP-el.'
					}
				})
			]
		}
	],
	documents: [
		{
			code: 'surat-pemberkatan',
			name: { id: 'Surat keterangan perkawinan dari pemuka agama', en: 'Blessing letter from the religious leader' },
			photoHint: {
				id: 'Foto seluruh surat, lurus dari atas; nama suami dan istri, tanggal, stempel, dan tanda tangan pemuka agama harus terbaca.',
				en: "Photograph the whole letter from above; the couple's names, the date, the stamp and the leader's signature must be readable."
			}
		},
		ofSpouse(BIRTH_CERTIFICATE, 'akta-kelahiran-suami', { id: 'Akta kelahiran suami', en: "The husband's birth certificate" }),
		ofSpouse(BIRTH_CERTIFICATE, 'akta-kelahiran-istri', { id: 'Akta kelahiran istri', en: "The wife's birth certificate" }),
		ofSpouse(KTP_DOCUMENT, 'ktp-el-suami', { id: 'KTP-el suami', en: "The husband's KTP-el" }),
		ofSpouse(KTP_DOCUMENT, 'ktp-el-istri', { id: 'KTP-el istri', en: "The wife's KTP-el" }),
		ofSpouse(KK_DOCUMENT, 'kk-suami', { id: 'Kartu Keluarga (KK) suami', en: "The husband's family card (KK)" }),
		ofSpouse(KK_DOCUMENT, 'kk-istri', { id: 'Kartu Keluarga (KK) istri', en: "The wife's family card (KK)" }),
		{
			code: 'ktp-el-orang-tua',
			maxFiles: 4,
			name: { id: 'KTP-el orang tua suami dan istri', en: "The husband's and the wife's parents' KTP-el" },
			photoHint: {
				id: 'Foto bagian depan setiap KTP-el, satu foto untuk setiap kartu, tanpa pantulan cahaya. Jika orang tua sudah meninggal, foto akta kematiannya.',
				en: 'Photograph the front of each KTP-el, one photo per card, without glare. If a parent has died, photograph their death certificate instead.'
			}
		},
		{
			code: 'pas-foto-berdua',
			name: { id: 'Pas foto berdua suami dan istri, 4x6', en: 'A 4x6 photo of the husband and the wife together' },
			photoHint: {
				id: 'Foto berdampingan dengan latar belakang polos. Foto lembar pas foto lurus dari atas, tanpa pantulan cahaya, sehingga wajah keduanya jelas.',
				en: 'Side by side against a plain background. Photograph the print straight from above, without glare, so that both faces are clear.'
			}
		},
		{
			code: 'akta-cerai-atau-kematian',
			name: { id: 'Akta perceraian atau akta kematian pasangan sebelumnya', en: "Divorce certificate or the earlier spouse's death certificate" },
			photoHint: {
				id: 'Foto seluruh akta, lurus dari atas; nama, nomor akta, dan kode QR atau stempel harus terbaca.',
				en: 'Photograph the whole certificate from above; the name, the number and the QR code or stamp must be readable.'
			},
			when: { field: 'earlier_marriage', in: ['yes'] },
			asked: { id: 'Jika suami atau istri pernah menikah', en: 'If the husband or the wife was married before' }
		},
		{
			code: 'izin-orang-tua',
			name: { id: 'Surat izin orang tua (suami atau istri berusia di bawah 21 tahun)', en: 'The parents\' consent (the husband or the wife is under 21)' },
			photoHint: {
				id: 'Foto seluruh surat izin yang sudah ditandatangani kedua orang tua, lurus dari atas; nama dan tanda tangan harus terbaca.',
				en: "Photograph the whole letter signed by both parents, straight from above; the names and signatures must be readable."
			},
			when: eitherUnder(21),
			asked: { id: 'Jika suami atau istri berusia di bawah 21 tahun pada hari pemberkatan', en: 'If the husband or the wife is under 21 on the day of the blessing' }
		},
		{
			code: 'dispensasi-kawin',
			name: { id: 'Penetapan dispensasi kawin dari pengadilan (suami atau istri berusia di bawah 19 tahun)', en: "The court's marriage dispensation (the husband or the wife is under 19)" },
			photoHint: COURT_LETTER_HINT,
			when: eitherUnder(19),
			asked: { id: 'Jika suami atau istri berusia di bawah 19 tahun pada hari pemberkatan', en: 'If the husband or the wife is under 19 on the day of the blessing' }
		},
		{
			code: 'izin-poligami',
			name: { id: 'Penetapan izin beristri lebih dari satu dari pengadilan', en: "The court's permission for a husband's second marriage" },
			photoHint: COURT_LETTER_HINT,
			when: { field: 'husband_still_married', in: ['yes'] },
			asked: { id: 'Jika suami masih terikat perkawinan lain', en: 'If the husband is still married to another wife' }
		},
		{
			code: 'izin-komandan',
			name: { id: 'Izin kawin dari komandan atau atasan (TNI/Polri)', en: "The commander's permission to marry (TNI/Polri)" },
			photoHint: {
				id: 'Foto seluruh surat izin, lurus dari atas; nomor surat, stempel, dan tanda tangan harus terbaca.',
				en: 'Photograph the whole letter from above; the number, the stamp and the signature must be readable.'
			},
			when: { field: 'tni_polri', in: ['yes'] },
			asked: { id: 'Jika suami atau istri anggota TNI atau Polri', en: 'If the husband or the wife is in the TNI or Polri' }
		},
		LETTER_OF_AUTHORITY
	]
};
