import type { OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, KTP_DOCUMENT, LETTER_OF_AUTHORITY, NIK_AND_NAME, witnessesField } from './shared';

/** Death certificate (akta kematian): the F-2.01 death report as fields. */
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
					options: [
						{ value: 'spouse', label: { id: 'Istri atau suami', en: 'Wife or husband' } },
						{ value: 'child', label: { id: 'Anak', en: 'Child' } },
						{ value: 'parent', label: { id: 'Orang tua', en: 'Parent' } },
						{ value: 'sibling', label: { id: 'Saudara kandung', en: 'Brother or sister' } },
						{ value: 'family', label: { id: 'Keluarga lain', en: 'Other relative' } },
						{ value: 'other', label: { id: 'Lainnya', en: 'Someone else' } }
					]
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
			fields: [witnessesField({ hint: { id: 'Dua orang dewasa yang mengetahui kematian ini.', en: 'Two adults who know of the death.' } })]
		}
	],
	documents: [
		{
			code: 'surat-kematian',
			name: { id: 'Surat keterangan kematian', en: 'Death letter' },
			photoHint: {
				id: 'Surat dari dokter atau rumah sakit, atau dari kelurahan. Foto seluruh surat, lurus dari atas; stempel dan tanda tangan harus terlihat.',
				en: 'The letter from the doctor or hospital, or from the kelurahan. Photograph the whole letter from above; the stamp and signature must show.'
			}
		},
		{ ...KK_DOCUMENT, name: { id: 'Kartu Keluarga (KK) almarhum', en: "The deceased's family card (KK)" } },
		{
			...KTP_DOCUMENT,
			code: 'ktp-el-almarhum',
			maxFiles: 2,
			name: { id: 'KTP-el almarhum', en: "The deceased's electronic ID card (KTP-el)" },
			when: { field: 'deceased_has_ktp', in: ['yes'] }
		},
		{ ...KTP_DOCUMENT, name: { id: 'KTP-el pelapor', en: "The reporter's electronic ID card (KTP-el)" } },
		LETTER_OF_AUTHORITY
	]
};
