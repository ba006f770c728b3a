import type { InPersonService } from '../types';

/** KTP-el recording: biometrics need a visit. */
export const ktpRekam: InPersonService = {
	code: 'ktp-rekam',
	mode: 'in_person',
	name: { id: 'Perekaman KTP-el', en: 'KTP-el recording' },
	description: {
		id: 'Perekaman foto, sidik jari, dan iris mata untuk KTP-el pertama.',
		en: 'Recording the photo, fingerprints and iris for a first electronic ID card.'
	},
	eligibility: {
		id: 'Penduduk Kota Balikpapan yang berusia 17 tahun atau lebih, atau sudah/pernah menikah.',
		en: 'Residents of Balikpapan aged 17 or over, or who are or have been married.'
	},
	why: {
		id: 'Foto, sidik jari, dan iris mata harus direkam langsung dengan alat di kantor Disdukcapil atau kecamatan.',
		en: 'The photo, fingerprints and iris must be recorded in person with the equipment at the Disdukcapil or kecamatan office.'
	},
	bring: [
		{ id: 'Kartu Keluarga (KK) asli atau fotokopinya', en: 'Your family card (KK), the original or a copy' },
		{ id: 'Buku nikah atau akta perkawinan jika Anda belum 17 tahun tetapi sudah menikah', en: 'Your marriage book or certificate if you are under 17 and married' }
	]
};

/** The complaints desk: cases solved face to face. */
export const pengaduan: InPersonService = {
	code: 'pengaduan',
	mode: 'in_person',
	name: { id: 'Layanan pengaduan', en: 'Complaints desk' },
	description: {
		id: 'Untuk masalah data, misalnya data belum tersinkron atau NIK yang "tidak terbaca" di bank atau BPJS.',
		en: 'For problems with your records, for example data not synchronised, or a NIK that a bank or BPJS "cannot read".'
	},
	eligibility: { id: 'Semua penduduk Kota Balikpapan.', en: 'Every resident of Balikpapan.' },
	why: {
		id: 'Petugas perlu memeriksa data Anda bersama Anda dan dokumen aslinya.',
		en: 'Staff need to check your records together with you and your original documents.'
	},
	bring: [
		{ id: 'KTP-el dan Kartu Keluarga (KK) asli', en: 'Your KTP-el and your original family card (KK)' },
		{ id: 'Bukti masalahnya, misalnya surat atau tangkapan layar dari bank atau BPJS', en: 'Proof of the problem, for example a letter or a screenshot from the bank or BPJS' }
	]
};

/** Collecting a printed KTP-el (after an online ktp-ganti, or one applied for at the counter). */
export const ktpAmbil: InPersonService = {
	code: 'ktp-ambil',
	mode: 'in_person',
	name: { id: 'Pengambilan KTP-el', en: 'KTP-el collection' },
	description: {
		id: 'Mengambil KTP-el yang sudah dicetak, misalnya setelah permohonan KTP-el pengganti selesai.',
		en: 'Collecting a printed KTP-el, for example once a replacement KTP-el application is complete.'
	},
	eligibility: {
		id: 'Pemilik KTP-el itu sendiri, atau orang lain dengan surat kuasa.',
		en: 'The card holder, or someone else with a letter of authority.'
	},
	why: {
		id: 'KTP-el adalah kartu fisik: petugas menyerahkannya langsung setelah mencocokkan data Anda.',
		en: 'A KTP-el is a physical card: staff hand it over in person after checking your details.'
	},
	bring: [
		{ id: 'Nomor permohonan (BPN-…) atau tiket kunjungan ini', en: 'The application number (BPN-…) or this visit ticket' },
		{ id: 'KTP-el lama jika kartunya rusak', en: 'Your old KTP-el if the card is damaged' },
		{ id: 'Surat kuasa dan KTP-el Anda jika mengambilkan untuk orang lain', en: 'A letter of authority and your own KTP-el if you collect it for someone else' }
	]
};
