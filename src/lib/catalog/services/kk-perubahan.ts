import type { DocumentRequirement, Localized, OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, NIK_AND_NAME } from './shared';

const PROOF_PHOTO_HINT: Localized = {
	id: 'Foto seluruh halaman yang memuat data baru, lurus dari atas dan tanpa pantulan cahaya; nama, nomor, dan stempel harus terbaca.',
	en: 'Photograph the whole page that shows the new data, straight from above and without glare; the name, the number and the stamp must be readable.'
};

/** The proof the office needs for a change of one data element (F-1.06). */
function proof(code: string, element: string, name: Localized, asked: Localized): DocumentRequirement {
	return { code, name, photoHint: PROOF_PHOTO_HINT, when: { field: 'element', in: [element] }, asked };
}

/** Change of data on the family card (perubahan KK): the F-1.06 change of data elements as fields. */
export const kkPerubahan: OnlineService = {
	code: 'kk-perubahan',
	mode: 'online',
	name: { id: 'Perubahan data Kartu Keluarga (KK)', en: 'Change of data on the family card (KK)' },
	description: {
		id: 'Mengubah satu data seorang anggota keluarga di KK, misalnya pendidikan, pekerjaan, atau status perkawinan. KK baru terbit digital dan dicetak sendiri di kertas A4 putih.',
		en: "Changing one item of a family member's data on the family card, for example education, occupation or marital status. The new KK is issued digitally and you print it yourself on white A4 paper."
	},
	eligibility: {
		id: 'Anggota keluarga yang tercantum di KK Kota Balikpapan, atau orang yang diberi kuasa. Satu permohonan untuk satu perubahan data.',
		en: 'A member of a Balikpapan family card, or someone with a letter of authority. One application per change.'
	},
	notes: [
		{
			id: 'Perubahan nama, tanggal lahir, agama, status perkawinan, atau pekerjaan juga berarti KTP-el baru, yang diambil di kantor.',
			en: 'A change of name, date of birth, religion, marital status or occupation also means a new KTP-el, which you collect at the office.'
		},
		{
			id: 'Untuk status perkawinan, surat pernyataan perkawinan atau perceraian belum tercatat (F-1.05) juga diterima.',
			en: 'For the marital status, the statement that a marriage or divorce is unregistered (F-1.05) is accepted too.'
		}
	],
	subject: { nik: 'member.nik', name: 'member.name' },
	steps: [
		{
			id: 'kk',
			title: { id: 'Kartu Keluarga', en: 'The family card' },
			fields: [kkNumberField()]
		},
		{
			id: 'anggota',
			title: { id: 'Anggota keluarga yang datanya berubah', en: 'Whose data changes' },
			fields: [
				{
					name: 'member',
					type: 'person',
					parts: NIK_AND_NAME,
					label: { id: 'Anggota keluarga', en: 'Family member' },
					hint: { id: 'Tulis nama seperti tercantum di KK sekarang.', en: 'Write the name as it is on the card now.' }
				},
				APPLICANT_RELATION
			]
		},
		{
			id: 'perubahan',
			title: { id: 'Data yang berubah', en: 'What changes' },
			fields: [
				{
					name: 'element',
					type: 'choice',
					label: { id: 'Data yang diubah', en: 'Which item changes' },
					hint: {
						id: 'Perubahan nama, tanggal lahir, agama, status perkawinan, atau pekerjaan juga berarti KTP-el baru, yang diambil di kantor.',
						en: 'A change of name, date of birth, religion, marital status or occupation also means a new KTP-el, which you collect at the office.'
					},
					options: [
						{ value: 'name', label: { id: 'Nama', en: 'Name' } },
						{ value: 'birth_date', label: { id: 'Tanggal lahir', en: 'Date of birth' } },
						{ value: 'religion', label: { id: 'Agama', en: 'Religion' } },
						{ value: 'education', label: { id: 'Pendidikan terakhir', en: 'Education' } },
						{ value: 'occupation', label: { id: 'Pekerjaan', en: 'Occupation' } },
						{ value: 'marital_status', label: { id: 'Status perkawinan', en: 'Marital status' } },
						{ value: 'blood_type', label: { id: 'Golongan darah', en: 'Blood type' } },
						{ value: 'other', label: { id: 'Data lain', en: 'Something else' } }
					]
				},
				{
					name: 'element_other',
					type: 'text',
					maxLength: 100,
					label: { id: 'Data apa yang berubah?', en: 'Which item changes?' },
					hint: { id: 'Misalnya tempat lahir atau nama ibu.', en: "For example the place of birth or the mother's name." },
					when: { field: 'element', in: ['other'] }
				},
				{
					name: 'old_value',
					type: 'text',
					maxLength: 100,
					label: { id: 'Tertulis di KK sekarang', en: 'What the card says now' }
				},
				{
					name: 'new_value',
					type: 'text',
					maxLength: 100,
					label: { id: 'Seharusnya tertulis', en: 'What it should say' },
					hint: { id: 'Tulis persis seperti di dokumen bukti.', en: 'Write it exactly as on the proof document.' }
				},
				{
					name: 'reason',
					type: 'textarea',
					maxLength: 500,
					label: { id: 'Alasan perubahan', en: 'Reason for the change' },
					hint: {
						id: 'Misalnya "lulus S1 tahun 2026" atau "salah ketik saat pembuatan KK".',
						en: 'For example "graduated with a bachelor\'s degree in 2026" or "a typing error when the card was made".'
					}
				}
			]
		}
	],
	documents: [
		{ ...KK_DOCUMENT, name: { id: 'Kartu Keluarga (KK) lama', en: 'The current family card (KK)' } },
		proof('bukti-nama', 'name', {
			id: 'Akta kelahiran atau ijazah; penetapan pengadilan negeri jika ganti nama',
			en: 'Birth certificate or diploma; the district court decision for a change of name'
		}, { id: 'Jika nama berubah', en: 'If the name changes' }),
		proof('bukti-tanggal-lahir', 'birth_date', { id: 'Akta kelahiran atau ijazah', en: 'Birth certificate or diploma' }, { id: 'Jika tanggal lahir berubah', en: 'If the date of birth changes' }),
		proof('bukti-agama', 'religion', {
			id: 'Surat keterangan dari pemuka atau lembaga agama',
			en: 'Letter from the religious leader or institution'
		}, { id: 'Jika agama berubah', en: 'If the religion changes' }),
		proof('ijazah', 'education', { id: 'Ijazah terakhir', en: 'Latest diploma' }, { id: 'Jika pendidikan berubah', en: 'If the education changes' }),
		proof('bukti-pekerjaan', 'occupation', {
			id: 'Surat keterangan kerja, surat keputusan (SK) pengangkatan, atau kartu pegawai',
			en: 'Employment letter, appointment decree or staff card'
		}, { id: 'Jika pekerjaan berubah', en: 'If the occupation changes' }),
		proof('bukti-status-perkawinan', 'marital_status', {
			id: 'Buku nikah, akta perkawinan, akta perceraian, akta kematian pasangan, atau surat pernyataan perkawinan atau perceraian belum tercatat (F-1.05)',
			en: "Marriage book or certificate, divorce certificate, the spouse's death certificate, or the statement that a marriage or divorce is unregistered (F-1.05)"
		}, { id: 'Jika status perkawinan berubah', en: 'If the marital status changes' }),
		proof('bukti-golongan-darah', 'blood_type', {
			id: 'Hasil pemeriksaan golongan darah dari laboratorium, puskesmas, atau PMI',
			en: 'Blood-type test result from a laboratory, health centre or the Red Cross (PMI)'
		}, { id: 'Jika golongan darah berubah', en: 'If the blood type changes' }),
		proof('bukti-perubahan', 'other', { id: 'Dokumen yang membuktikan data baru', en: 'A document proving the new data' }, { id: 'Jika data lain berubah', en: 'If another item changes' }),
		LETTER_OF_AUTHORITY
	]
};
