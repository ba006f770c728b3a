import type { OnlineService } from '../types';
import { APPLICANT_RELATION, KK_DOCUMENT, KTP_DOCUMENT, LETTER_OF_AUTHORITY, NIK_AND_NAME } from './shared';

/** Divorce certificate (akta perceraian) after a final district-court decision: the F-2.01 divorce report as fields. */
export const aktaPerceraian: OnlineService = {
	code: 'akta-perceraian',
	mode: 'online',
	name: { id: 'Akta perceraian', en: 'Divorce certificate' },
	description: {
		id: 'Pencatatan perceraian yang sudah diputus pengadilan negeri dan berkekuatan hukum tetap, dan penerbitan akta perceraian digital. Perceraian umat Islam diputus dan dicatat oleh Pengadilan Agama.',
		en: 'Registering a divorce decided by a district court whose decision is final, and issuing the digital divorce certificate. Muslim divorces are decided and recorded by the Religious Court (Pengadilan Agama).'
	},
	eligibility: {
		id: 'Bekas suami atau bekas istri, atau orang yang diberi kuasa, jika perkawinannya dicatat di Disdukcapil dan salah satunya penduduk Kota Balikpapan.',
		en: 'The former husband or wife, or someone with a letter of authority, for a marriage registered at a civil-registration office, one of them living in Balikpapan.'
	},
	notes: [
		{
			id: 'Perceraian umat Islam diputus Pengadilan Agama, yang menerbitkan akta cerai; di sini Anda cukup memperbarui KK (layanan Perubahan data KK).',
			en: 'A Muslim divorce is decided by the Religious Court, which issues the divorce certificate; here you only update the family card (the Change of data on the KK service).'
		},
		{
			id: 'Saat perceraian dicatat, kantor menyimpan kutipan akta perkawinan asli; bawa aslinya ke kantor jika diminta.',
			en: 'When the divorce is registered, the office keeps the original marriage certificate; bring the original to the office if asked.'
		}
	],
	subject: { nik: 'husband.nik', name: 'husband.name' },
	deadline: {
		days: 60,
		from: 'decision_final_date',
		notice: {
			id: 'Perceraian ini dilaporkan lebih dari 60 hari setelah putusan berkekuatan hukum tetap. Permohonan tetap diterima; kantor mungkin meminta keterangan tambahan.',
			en: 'This divorce is reported more than 60 days after the decision became final. The application is still accepted; the office may ask for more information.'
		}
	},
	steps: [
		{
			id: 'pasangan',
			title: { id: 'Bekas suami dan istri', en: 'The former husband and wife' },
			fields: [
				{ name: 'husband', type: 'person', parts: NIK_AND_NAME, label: { id: 'Suami', en: 'Husband' } },
				{ name: 'wife', type: 'person', parts: NIK_AND_NAME, label: { id: 'Istri', en: 'Wife' } },
				APPLICANT_RELATION
			]
		},
		{
			id: 'perkawinan',
			title: { id: 'Akta perkawinan', en: 'The marriage certificate' },
			fields: [
				{
					name: 'marriage_certificate_number',
					type: 'text',
					maxLength: 60,
					label: { id: 'Nomor akta perkawinan', en: 'Marriage certificate number' },
					hint: { id: 'Di bagian atas kutipan akta perkawinan.', en: 'At the top of the marriage certificate.' }
				},
				{ name: 'marriage_date', type: 'date', past: true, label: { id: 'Tanggal perkawinan', en: 'Date of the marriage' } },
				{
					name: 'marriage_certificate_lost',
					type: 'yesno',
					label: { id: 'Apakah kutipan akta perkawinan hilang?', en: 'Is the marriage certificate lost?' },
					hint: {
						id: 'Jika hilang, lampirkan surat pernyataan kehilangan sebagai ganti akta aslinya.',
						en: 'If it is lost, attach a statement of its loss instead of the original.'
					}
				}
			]
		},
		{
			id: 'putusan',
			title: { id: 'Putusan pengadilan', en: 'The court decision' },
			fields: [
				{
					name: 'court',
					type: 'text',
					maxLength: 100,
					label: { id: 'Pengadilan', en: 'Court' },
					hint: { id: 'Misalnya Pengadilan Negeri Balikpapan.', en: 'For example Pengadilan Negeri Balikpapan.' }
				},
				{
					name: 'decision_number',
					type: 'text',
					maxLength: 60,
					label: { id: 'Nomor putusan', en: 'Decision number' },
					hint: { id: 'Misalnya 123/Pdt.G/2026/PN Bpp.', en: 'For example 123/Pdt.G/2026/PN Bpp.' }
				},
				{
					name: 'decision_final_date',
					type: 'date',
					past: true,
					label: { id: 'Tanggal putusan berkekuatan hukum tetap', en: 'Date the decision became final' },
					hint: {
						id: 'Tertulis di surat keterangan berkekuatan hukum tetap (inkracht) dari pengadilan.',
						en: "Stated on the court's certificate that the decision is final (inkracht)."
					}
				}
			]
		}
	],
	documents: [
		{
			code: 'putusan-pengadilan',
			maxFiles: 10,
			name: { id: 'Salinan putusan pengadilan yang berkekuatan hukum tetap', en: 'Copy of the final court decision' },
			photoHint: {
				id: 'Foto halaman pertama, halaman amar putusan, dan keterangan berkekuatan hukum tetap, lurus dari atas; nomor putusan dan stempel harus terbaca.',
				en: 'Photograph the first page, the page with the ruling and the certificate that it is final, straight from above; the decision number and stamp must be readable.'
			}
		},
		{
			code: 'akta-perkawinan',
			name: { id: 'Kutipan akta perkawinan asli', en: 'The original marriage certificate' },
			photoHint: {
				id: 'Foto seluruh akta, lurus dari atas dan tanpa pantulan cahaya; nama suami dan istri serta nomor akta harus terbaca. Kantor dapat meminta akta aslinya diserahkan.',
				en: "Photograph the whole certificate, straight from above and without glare; the couple's names and the number must be readable. The office may ask you to hand in the original."
			},
			when: { field: 'marriage_certificate_lost', in: ['no'] },
			asked: { id: 'Jika akta perkawinan tidak hilang', en: 'Unless the marriage certificate is lost' }
		},
		{
			code: 'pernyataan-akta-hilang',
			name: { id: 'Surat pernyataan kehilangan akta perkawinan', en: 'Statement that the marriage certificate is lost' },
			photoHint: {
				id: 'Foto seluruh surat pernyataan yang sudah ditandatangani, lurus dari atas; nama, NIK, dan tanda tangan harus terbaca.',
				en: 'Photograph the whole signed statement, straight from above; the name, NIK and signature must be readable.'
			},
			when: { field: 'marriage_certificate_lost', in: ['yes'] },
			asked: { id: 'Jika akta perkawinan hilang', en: 'If the marriage certificate is lost' }
		},
		{ ...KTP_DOCUMENT, name: { id: 'KTP-el suami atau istri yang mengajukan', en: 'The KTP-el of the husband or wife applying' } },
		KK_DOCUMENT,
		LETTER_OF_AUTHORITY
	]
};
