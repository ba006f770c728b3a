import type { Condition, DocumentRequirement, Localized, OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, KTP_DOCUMENT, LETTER_OF_AUTHORITY, NIK_AND_NAME, witnessesField } from './shared';

const AT_HOME: Condition = { field: 'death_place_kind', in: ['home'] };

/** A death reported long after it happened (the office sets how long: death_long_ago_days). */
const LONG_AGO: Condition = { daysSince: 'death_date', atLeastDays: 'death_long_ago_days' };

const LETTER_PHOTO_HINT: Localized = {
	id: 'Foto seluruh surat, lurus dari atas dan di tempat terang; stempel dan tanda tangan harus terbaca.',
	en: 'Photograph the whole letter, straight from above and in good light; the stamp and the signature must be readable.'
};

/** One of the extra documents for a death long ago. */
function longAgo(code: string, name: Localized, photoHint: Localized = LETTER_PHOTO_HINT): DocumentRequirement {
	return { code, name, photoHint, when: LONG_AGO, asked: { id: 'Jika kematian sudah lama dan baru dilaporkan sekarang', en: 'If the death was long ago and is only reported now' } };
}

/** A witness's KTP-el: a document each (Balikpapan's list), not only the NIK and the name. */
function witnessKtp(number: 1 | 2): DocumentRequirement {
	return {
		...KTP_DOCUMENT,
		code: `ktp-el-saksi-${number}`,
		name: { id: `KTP-el saksi ${number}`, en: `Witness ${number}'s electronic ID card (KTP-el)` }
	};
}

/**
 * Death certificate (akta kematian): the F-2.01 death report as fields, with the conditional items
 * of Balikpapan's published list (shared/DOMAIN.md "Corrections").
 */
export const aktaKematian: OnlineService = {
	code: 'akta-kematian',
	mode: 'online',
	name: { id: 'Akta kematian', en: 'Death certificate' },
	description: {
		id: 'Pencatatan kematian dan penerbitan akta kematian digital. Data almarhum di KK juga diperbarui.',
		en: "Registering a death and issuing the digital death certificate. The deceased's entry on the family card is updated too."
	},
	eligibility: {
		id: 'Keluarga almarhum, atau orang lain yang mengetahui kematiannya, untuk penduduk Kota Balikpapan yang meninggal.',
		en: 'A relative of the deceased, or someone else who knows of the death, for a resident of Balikpapan who died.'
	},
	notes: [
		{
			id: 'Kematian di rumah: lampirkan visum dari puskesmas, atau surat kematian dari kelurahan jika kantor menerimanya (lihat daftar dokumen di atas).',
			en: "A death at home: attach the health centre's visum, or the kelurahan's death letter where the office accepts it (see the list of documents above)."
		},
		{
			id: 'Lampirkan foto KTP-el kedua saksi.',
			en: "Attach a photo of each witness's KTP-el."
		},
		{
			id: 'Pelapor yang bukan ahli waris (istri atau suami, anak, orang tua, saudara kandung) perlu surat kuasa dari ahli waris.',
			en: 'A reporter who is not an heir (the wife or husband, a child, a parent, a brother or sister) needs a letter of authority from an heir.'
		},
		{
			id: 'Kematian yang sudah lama perlu dokumen tambahan: surat pernyataan, surat dari RT dan lurah, surat penjaga makam, dan foto makam.',
			en: "A death long ago needs extra documents: statements, a letter from the RT head and the lurah, the cemetery keeper's letter, and a photo of the grave."
		}
	],
	subject: { nik: 'deceased.nik', name: 'deceased.name' },
	deadline: {
		days: 30,
		from: 'death_date',
		notice: {
			id: 'Kematian ini dilaporkan lebih dari 30 hari setelah tanggal meninggal. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This death is reported more than 30 days after it happened. The application is still accepted; the office may ask for more information.'
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
					parts: NIK_AND_NAME,
					label: { id: 'Pelapor', en: 'Reporter' },
					hint: { id: 'Orang yang melaporkan kematian, biasanya keluarga almarhum.', en: 'The person reporting the death, usually a relative.' }
				},
				{
					name: 'reporter_relation',
					type: 'choice',
					label: { id: 'Hubungan pelapor dengan almarhum', en: "The reporter's relation to the deceased" },
					hint: {
						id: 'Ahli waris adalah istri atau suami, anak, orang tua, atau saudara kandung. Pelapor lain perlu surat kuasa dari seorang ahli waris.',
						en: 'Heirs are the wife or husband, the children, the parents, and the brothers and sisters. Anyone else needs a letter of authority from an heir.'
					},
					options: [
						{ value: 'spouse', label: { id: 'Istri atau suami', en: 'Wife or husband' } },
						{ value: 'child', label: { id: 'Anak', en: 'Child' } },
						{ value: 'parent', label: { id: 'Orang tua', en: 'Parent' } },
						{ value: 'sibling', label: { id: 'Saudara kandung', en: 'Brother or sister' } },
						{ value: 'family', label: { id: 'Keluarga lain', en: 'Other relative' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Someone else' } }
					]
				},
				{
					name: 'heir_on_deceased_kk',
					type: 'yesno',
					label: { id: 'Apakah ahli waris yang melapor atau memberi kuasa tercantum di KK almarhum?', en: "Is the heir who reports, or who gives the authority, on the deceased's family card (KK)?" },
					hint: {
						id: 'Jika tidak, lampirkan juga KK ahli waris itu.',
						en: "If not, attach that heir's family card too."
					}
				},
				APPLICANT_RELATION
			]
		},
		{
			id: 'almarhum',
			title: { id: 'Almarhum atau almarhumah', en: 'The person who died' },
			fields: [
				{ name: 'deceased', type: 'person', label: { id: 'Almarhum atau almarhumah', en: 'The deceased' } },
				kkNumberField('kk_number', { id: 'Nomor KK almarhum', en: "The deceased's family card (KK) number" }),
				{
					name: 'deceased_has_ktp',
					type: 'yesno',
					label: { id: 'Apakah almarhum memiliki KTP-el?', en: 'Did the deceased have an electronic ID card (KTP-el)?' },
					hint: {
						id: 'Anak di bawah 17 tahun yang belum menikah biasanya belum memiliki KTP-el.',
						en: 'Unmarried children under 17 usually have no KTP-el.'
					}
				}
			]
		},
		{
			id: 'kematian',
			title: { id: 'Kematian', en: 'The death' },
			fields: [
				{ name: 'death_date', type: 'date', past: true, label: { id: 'Tanggal meninggal', en: 'Date of death' } },
				{
					name: 'death_time',
					type: 'time',
					label: { id: 'Pukul meninggal', en: 'Time of death' },
					hint: { id: 'Misalnya 05.15 (waktu setempat). Perkiraan jika tidak tahu pasti.', en: 'For example 05:15 (local time). An estimate if you are not sure.' }
				},
				{
					name: 'death_place_kind',
					type: 'choice',
					label: { id: 'Tempat meninggal', en: 'Place of death' },
					options: [
						{ value: 'hospital', label: { id: 'Rumah sakit, puskesmas, atau klinik', en: 'Hospital, health centre or clinic' } },
						{ value: 'home', label: { id: 'Rumah', en: 'At home' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Elsewhere' } }
					]
				},
				{
					name: 'death_place_name',
					type: 'text',
					label: { id: 'Nama rumah sakit, puskesmas, atau klinik', en: 'Name of the hospital, health centre or clinic' },
					when: { field: 'death_place_kind', in: ['hospital'] }
				},
				{
					name: 'death_cause',
					type: 'choice',
					label: { id: 'Sebab kematian', en: 'Cause of death' },
					hint: { id: 'Sesuai surat keterangan kematian.', en: 'As stated in the death letter.' },
					options: [
						{ value: 'illness', label: { id: 'Sakit biasa atau usia tua', en: 'Illness or old age' } },
						{ value: 'epidemic', label: { id: 'Wabah penyakit', en: 'An epidemic disease' } },
						{ value: 'accident', label: { id: 'Kecelakaan', en: 'An accident' } },
						{ value: 'crime', label: { id: 'Tindak kriminal', en: 'A crime' } },
						{ value: 'suicide', label: { id: 'Bunuh diri', en: 'Suicide' } },
						{ value: 'other', label: { id: 'Lainnya atau tidak diketahui', en: 'Other or unknown' } }
					]
				}
			]
		},
		{
			id: 'saksi',
			title: { id: 'Saksi', en: 'Witnesses' },
			fields: [
				witnessesField({
					hint: {
						id: 'Dua orang dewasa yang mengetahui kematian ini. Lampirkan juga foto KTP-el masing-masing saksi.',
						en: 'Two adults who know of the death. Attach a photo of each witness\'s KTP-el too.'
					}
				})
			]
		}
	],
	documents: [
		{
			code: 'surat-kematian',
			name: { id: 'Surat keterangan kematian dari rumah sakit, dokter, atau kelurahan', en: 'Death letter from the hospital, the doctor or the kelurahan' },
			photoHint: {
				id: 'Surat dari dokter, rumah sakit, puskesmas, atau klinik; dari kelurahan jika meninggal di tempat lain. Foto seluruh surat, lurus dari atas; stempel dan tanda tangan harus terlihat.',
				en: 'The letter from the doctor, hospital, health centre or clinic; from the kelurahan for a death elsewhere. Photograph the whole letter from above; the stamp and signature must show.'
			},
			when: { field: 'death_place_kind', in: ['hospital', 'other'] },
			asked: { id: 'Jika meninggal di rumah sakit atau di tempat lain selain rumah', en: 'If the death was in a hospital or anywhere but at home' }
		},
		{
			code: 'visum-puskesmas',
			name: { id: 'Visum kematian dari puskesmas (meninggal di rumah)', en: "The health centre's death report (visum), for a death at home" },
			photoHint: {
				id: 'Foto seluruh surat visum dari puskesmas, lurus dari atas; nama almarhum, stempel, dan tanda tangan dokter harus terbaca.',
				en: "Photograph the whole visum from the health centre, straight from above; the deceased's name, the stamp and the doctor's signature must be readable."
			},
			when: { all: [AT_HOME, { setting: 'home_death_letter', in: ['visum'] }] },
			asked: { id: 'Jika meninggal di rumah', en: 'If the death was at home' }
		},
		{
			code: 'surat-kematian-rumah',
			name: { id: 'Visum dari puskesmas atau surat keterangan kematian dari kelurahan (meninggal di rumah)', en: "The health centre's visum or the kelurahan's death letter, for a death at home" },
			photoHint: {
				id: 'Foto seluruh surat, lurus dari atas; nama almarhum, stempel, dan tanda tangan harus terbaca.',
				en: "Photograph the whole letter, straight from above; the deceased's name, the stamp and the signature must be readable."
			},
			when: { all: [AT_HOME, { setting: 'home_death_letter', in: ['visum_or_kelurahan'] }] },
			asked: { id: 'Jika meninggal di rumah', en: 'If the death was at home' }
		},
		{ ...KK_DOCUMENT, name: { id: 'Kartu Keluarga (KK) almarhum', en: "The deceased's family card (KK)" } },
		{
			...KTP_DOCUMENT,
			code: 'ktp-el-almarhum',
			maxFiles: 2,
			name: { id: 'KTP-el almarhum', en: "The deceased's electronic ID card (KTP-el)" },
			when: { field: 'deceased_has_ktp', in: ['yes'] },
			asked: { id: 'Jika almarhum memiliki KTP-el', en: 'If the deceased had a KTP-el' }
		},
		{
			...KK_DOCUMENT,
			code: 'kk-ahli-waris',
			name: { id: 'Kartu Keluarga (KK) ahli waris', en: "The heir's family card (KK)" },
			when: { field: 'heir_on_deceased_kk', in: ['no'] },
			asked: { id: 'Jika ahli waris tidak tercantum di KK almarhum', en: "If the heir is not on the deceased's KK" }
		},
		{ ...KTP_DOCUMENT, name: { id: 'KTP-el pelapor', en: "The reporter's electronic ID card (KTP-el)" } },
		witnessKtp(1),
		witnessKtp(2),
		{
			code: 'surat-kuasa-ahli-waris',
			name: { id: 'Surat kuasa dari ahli waris', en: 'Letter of authority from an heir' },
			photoHint: {
				id: 'Foto seluruh surat kuasa yang sudah ditandatangani ahli waris, lurus dari atas; nama dan NIK ahli waris harus terbaca.',
				en: "Photograph the whole letter signed by the heir, straight from above; the heir's name and NIK must be readable."
			},
			when: { field: 'reporter_relation', in: ['family', 'other'] },
			asked: { id: 'Jika pelapor bukan ahli waris', en: 'If the reporter is not an heir' }
		},
		longAgo('sptjm-kematian', { id: 'Surat pernyataan tanggung jawab mutlak (SPTJM) kebenaran data kematian', en: 'Statement of full responsibility (SPTJM) for the death data' }),
		longAgo('pernyataan-belum-ada-akta', { id: 'Surat pernyataan bahwa akta kematian belum pernah dibuat', en: 'Statement that no death certificate was ever made' }),
		longAgo('surat-rt-lurah', { id: 'Surat keterangan kematian dari RT dan lurah', en: 'Death letter from the RT head and the lurah' }),
		longAgo('surat-penjaga-makam', { id: 'Surat keterangan dari penjaga atau pengelola makam', en: "Statement of the cemetery's keeper" }),
		longAgo('foto-makam', { id: 'Foto makam almarhum', en: "A photo of the deceased's grave" }, {
			id: 'Foto makam dengan nisan yang memuat nama almarhum terbaca jelas.',
			en: "Photograph the grave so that the deceased's name on the headstone is clearly readable."
		}),
		LETTER_OF_AUTHORITY
	]
};
