import type { OnlineService } from '../types';
import { addressField, APPLICANT_RELATION, KK_DOCUMENT, kkNumberField, LETTER_OF_AUTHORITY, SKPWNI_DOCUMENT } from './shared';

/**
 * New family card (KK baru): a new family after a marriage, or a person leaving a family card.
 * Splitting needs the new head to be 17 or over or (ever) married: the registry has no rule across
 * fields, so the rule is stated in `eligibility` and the step hint, and the office checks it against
 * the date of birth and the marriage or divorce document the marital status asks for.
 */
export const kkBaru: OnlineService = {
	code: 'kk-baru',
	mode: 'online',
	name: { id: 'Kartu Keluarga (KK) baru', en: 'New family card (KK)' },
	description: {
		id: 'Membuat KK baru untuk keluarga yang baru menikah, atau untuk memisahkan diri dari KK orang tua atau keluarga lain. KK baru terbit digital dan dicetak sendiri di kertas A4 putih.',
		en: "A new family card for a newly married couple, or for someone leaving a parent's or relative's family card. The new KK is issued digitally and you print it yourself on white A4 paper."
	},
	eligibility: {
		id: 'Penduduk Kota Balikpapan yang menjadi kepala keluarga baru. Untuk memisahkan diri dari KK, kepala keluarga baru harus berusia 17 tahun atau lebih, atau sudah atau pernah menikah.',
		en: 'Residents of Balikpapan who become the head of a new family. To leave a family card, the new head must be 17 or over, or be or have been married.'
	},
	notes: [
		{
			id: 'Jika hanya istri atau suami yang pindah dari luar kota, lampirkan SKPWNI-nya bersama KK lama.',
			en: 'If only the wife or the husband moved here from outside the city, attach their SKPWNI with the current KK.'
		}
	],
	subject: { nik: 'head.nik', name: 'head.name' },
	steps: [
		{
			id: 'alasan',
			title: { id: 'Alasan membuat KK baru', en: 'Why you need a new family card' },
			fields: [
				{
					name: 'reason',
					type: 'choice',
					label: { id: 'Alasan', en: 'Reason' },
					options: [
						{ value: 'marriage', label: { id: 'Baru menikah', en: 'Newly married' } },
						{ value: 'split', label: { id: 'Memisahkan diri dari KK orang tua atau keluarga lain', en: "Leaving a parent's or relative's family card" } },
						{ value: 'divorce', label: { id: 'Bercerai dan keluar dari KK pasangan', en: "Divorced and leaving the former spouse's family card" } }
					]
				},
				kkNumberField('old_kk_number', { id: 'Nomor KK lama kepala keluarga', en: "The new head's current family card (KK) number" }),
				APPLICANT_RELATION
			]
		},
		{
			id: 'kepala-keluarga',
			title: { id: 'Kepala keluarga baru', en: 'The new head of the family' },
			hint: {
				id: 'Kepala keluarga baru harus berusia 17 tahun atau lebih, atau sudah atau pernah menikah.',
				en: 'The new head of the family must be 17 or over, or be or have been married.'
			},
			fields: [
				{ name: 'head', type: 'person', label: { id: 'Kepala keluarga', en: 'Head of the family' } }
			]
		},
		{
			id: 'perkawinan',
			title: { id: 'Status perkawinan', en: 'Marital status' },
			fields: [
				{
					name: 'head_marital_status',
					type: 'choice',
					label: { id: 'Status perkawinan kepala keluarga', en: "The head's marital status" },
					options: [
						{ value: 'single', label: { id: 'Belum kawin', en: 'Never married' } },
						{ value: 'married', label: { id: 'Kawin', en: 'Married' } },
						{ value: 'divorced', label: { id: 'Cerai hidup', en: 'Divorced' } },
						{ value: 'widowed', label: { id: 'Cerai mati', en: 'Widowed' } }
					]
				},
				{
					name: 'spouse',
					type: 'person',
					parts: ['nik', 'name', 'birth_date'],
					label: { id: 'Istri atau suami', en: 'Wife or husband' },
					when: { field: 'head_marital_status', in: ['married'] }
				},
				{
					name: 'marriage_date',
					type: 'date',
					past: true,
					label: { id: 'Tanggal perkawinan', en: 'Date of the marriage' },
					when: { field: 'head_marital_status', in: ['married'] }
				},
				{
					name: 'marriage_registered',
					type: 'yesno',
					label: { id: 'Apakah perkawinan sudah tercatat (ada buku nikah atau akta perkawinan)?', en: 'Is the marriage registered (marriage book or certificate)?' },
					hint: {
						id: 'Jika belum tercatat, Anda perlu surat pernyataan perkawinan belum tercatat (F-1.05).',
						en: 'If not, you need a statement that the marriage is unregistered (F-1.05).'
					},
					when: { field: 'head_marital_status', in: ['married'] }
				}
			]
		},
		{
			id: 'anggota',
			title: { id: 'Anggota keluarga lain', en: 'Other family members' },
			hint: {
				id: 'Selain kepala keluarga dan istri atau suami: anak dan orang lain yang tinggal serumah. Kosongkan jika tidak ada.',
				en: 'Besides the head and the wife or husband: children and others living in the same home. Leave empty if there are none.'
			},
			fields: [
				{
					name: 'members',
					type: 'group',
					required: false,
					min: 0,
					max: 10,
					label: { id: 'Anggota keluarga', en: 'Family members' },
					itemLabel: { id: 'Anggota keluarga', en: 'Family member' },
					fields: [
						{ name: 'nik', type: 'nik', label: { id: 'NIK', en: 'NIK' } },
						{ name: 'name', type: 'text', maxLength: 100, label: { id: 'Nama lengkap', en: 'Full name' } },
						{
							name: 'relation',
							type: 'choice',
							label: { id: 'Hubungan dengan kepala keluarga', en: 'Relation to the head of the family' },
							options: [
								{ value: 'child', label: { id: 'Anak', en: 'Child' } },
								{ value: 'child_in_law', label: { id: 'Menantu', en: 'Son- or daughter-in-law' } },
								{ value: 'grandchild', label: { id: 'Cucu', en: 'Grandchild' } },
								{ value: 'parent', label: { id: 'Orang tua', en: 'Parent' } },
								{ value: 'parent_in_law', label: { id: 'Mertua', en: 'Parent-in-law' } },
								{ value: 'other_relative', label: { id: 'Famili lain', en: 'Other relative' } },
								{ value: 'other', label: { id: 'Lainnya', en: 'Someone else' } }
							]
						}
					]
				}
			]
		},
		{
			id: 'alamat',
			title: { id: 'Alamat keluarga', en: "The family's address" },
			fields: [
				addressField(),
				{
					name: 'moved_from_outside',
					type: 'choice',
					label: { id: 'Apakah keluarga ini baru pindah dari luar Kota Balikpapan?', en: 'Has this family just moved here from outside Balikpapan?' },
					hint: {
						id: 'Jika ya, lampirkan SKPWNI dari daerah asal. Jika belum punya KK di Balikpapan sama sekali, pilih layanan Pindah datang.',
						en: 'If yes, attach the moving letter (SKPWNI) from your previous place. If you have no family card in Balikpapan yet, choose the Moving in service.'
					},
					options: [
						{ value: 'no', label: { id: 'Tidak', en: 'No' } },
						{ value: 'yes', label: { id: 'Ya, seluruh keluarga', en: 'Yes, the whole family' } },
						{ value: 'spouse', label: { id: 'Hanya istri atau suami yang pindah dari luar kota', en: 'Only the wife or the husband moved from outside the city' } }
					]
				}
			]
		}
	],
	documents: [
		{
			...KK_DOCUMENT,
			name: { id: 'Kartu Keluarga (KK) lama', en: 'The current family card (KK)' },
			when: { field: 'moved_from_outside', in: ['no', 'spouse'] },
			asked: { id: 'Jika keluarga tidak seluruhnya pindah dari luar kota', en: 'Unless the whole family moved from outside the city' }
		},
		{
			...SKPWNI_DOCUMENT,
			when: { field: 'moved_from_outside', in: ['yes'] },
			asked: { id: 'Jika seluruh keluarga baru pindah dari luar kota', en: 'If the whole family just moved from outside the city' }
		},
		{
			...SKPWNI_DOCUMENT,
			code: 'skpwni-pasangan',
			name: { id: 'SKPWNI istri atau suami yang pindah', en: 'The moving letter (SKPWNI) of the wife or husband who moved' },
			when: { field: 'moved_from_outside', in: ['spouse'] },
			asked: { id: 'Jika hanya istri atau suami yang pindah dari luar kota', en: 'If only the wife or the husband moved from outside the city' }
		},
		{
			code: 'buku-nikah',
			maxFiles: 4,
			name: { id: 'Buku nikah atau akta perkawinan', en: 'Marriage book or certificate' },
			photoHint: {
				id: 'Foto halaman yang memuat nama suami dan istri serta nomor akta, lurus dari atas dan tanpa pantulan cahaya.',
				en: "Photograph the page with the husband's and the wife's names and the certificate number, straight from above, without glare."
			},
			when: { field: 'marriage_registered', in: ['yes'] },
			asked: { id: 'Jika perkawinan tercatat', en: 'If the marriage is registered' }
		},
		{
			code: 'f1-05',
			name: { id: 'Surat pernyataan perkawinan belum tercatat (F-1.05)', en: 'Statement that the marriage is unregistered (F-1.05)' },
			photoHint: {
				id: 'Foto seluruh surat pernyataan yang sudah ditandatangani suami, istri, dan dua saksi, lurus dari atas.',
				en: 'Photograph the whole statement signed by the husband, the wife and two witnesses, straight from above.'
			},
			when: { field: 'marriage_registered', in: ['no'] },
			asked: { id: 'Jika perkawinan belum tercatat', en: 'If the marriage is not registered' }
		},
		{
			code: 'akta-cerai',
			name: { id: 'Akta perceraian', en: 'Divorce certificate' },
			photoHint: {
				id: 'Foto seluruh akta perceraian, lurus dari atas; nomor akta dan kode QR atau stempel harus terbaca.',
				en: 'Photograph the whole divorce certificate, straight from above; the number and the QR code or stamp must be readable.'
			},
			when: { field: 'head_marital_status', in: ['divorced'] },
			asked: { id: 'Jika bercerai', en: 'If divorced' }
		},
		{
			code: 'akta-kematian-pasangan',
			name: { id: 'Akta kematian istri atau suami', en: "The wife's or husband's death certificate" },
			photoHint: {
				id: 'Foto seluruh akta kematian, lurus dari atas; nama, nomor akta, dan kode QR atau stempel harus terbaca.',
				en: 'Photograph the whole death certificate, straight from above; the name, the number and the QR code or stamp must be readable.'
			},
			when: { field: 'head_marital_status', in: ['widowed'] },
			asked: { id: 'Jika istri atau suami meninggal', en: 'If the wife or husband died' }
		},
		LETTER_OF_AUTHORITY
	]
};
