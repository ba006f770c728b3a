import type { ChoiceOption, Condition, DocumentRequirement, Field, GroupField, Localized, PersonPart } from '../types';

/** Building blocks that several services share: the same question reads the same everywhere. */

export const YES_NO_HINT: Localized = { id: 'Pilih salah satu.', en: 'Choose one.' };

/** The resident applies for themself or for someone else (then a letter of authority is needed). */
export const APPLICANT_RELATION: Field = {
	name: 'on_behalf',
	type: 'yesno',
	label: { id: 'Apakah Anda mengajukan untuk orang lain?', en: 'Are you applying for someone else?' },
	hint: {
		id: 'Misalnya untuk orang tua atau saudara. Anda perlu surat kuasa dari orang tersebut.',
		en: 'For example for a parent or a relative. You need a letter of authority from them.'
	}
};

export const LETTER_OF_AUTHORITY: DocumentRequirement = {
	code: 'surat-kuasa',
	maxFiles: 3,
	name: { id: 'Surat kuasa', en: 'Letter of authority (surat kuasa)' },
	photoHint: {
		id: 'Foto seluruh halaman surat kuasa yang sudah ditandatangani, lurus dari atas, di tempat terang.',
		en: 'Photograph the whole signed letter, straight from above, in good light.'
	},
	when: { field: 'on_behalf', in: ['yes'] },
	asked: { id: 'Jika Anda mengajukan untuk orang lain', en: 'If you apply for someone else' }
};

export const KK_DOCUMENT: DocumentRequirement = {
	code: 'kk',
	maxFiles: 2,
	name: { id: 'Kartu Keluarga (KK)', en: 'Family card (KK)' },
	photoHint: {
		id: 'Foto seluruh KK di atas permukaan gelap, tanpa pantulan cahaya; semua nama dan NIK harus terbaca.',
		en: 'Photograph the whole KK on a dark surface without glare; every name and NIK must be readable.'
	}
};

export const KTP_DOCUMENT: DocumentRequirement = {
	code: 'ktp-el',
	maxFiles: 2,
	name: { id: 'KTP-el', en: 'Electronic ID card (KTP-el)' },
	photoHint: {
		id: 'Foto bagian depan KTP-el, lurus dan dekat, tanpa pantulan cahaya.',
		en: 'Photograph the front of the KTP-el, straight and close, without glare.'
	}
};

export const SEX_OPTIONS: ChoiceOption[] = [
	{ value: 'M', label: { id: 'Laki-laki', en: 'Male' } },
	{ value: 'F', label: { id: 'Perempuan', en: 'Female' } }
];

/** The KK number, 16 digits. */
export function kkNumberField(name = 'kk_number', label?: Localized): Field {
	return {
		name,
		type: 'kk',
		label: label ?? { id: 'Nomor Kartu Keluarga (KK)', en: 'Family card (KK) number' },
		hint: { id: '16 angka, di bagian atas KK.', en: '16 digits, at the top of the KK.' }
	};
}

/** Two witnesses: NIK and name each. */
export function witnessesField(overrides: Partial<Field> = {}): Field {
	return {
		name: 'witnesses',
		type: 'group',
		label: { id: 'Saksi', en: 'Witnesses' },
		hint: { id: 'Dua orang dewasa yang mengetahui peristiwanya.', en: 'Two adults who know of the event.' },
		itemLabel: { id: 'Saksi', en: 'Witness' },
		min: 2,
		max: 2,
		fields: [
			{ name: 'nik', type: 'nik', label: { id: 'NIK saksi', en: "Witness's NIK" } },
			{ name: 'name', type: 'text', label: { id: 'Nama saksi', en: "Witness's name" }, maxLength: 100 }
		],
		...overrides
	} as Field;
}

/** The address in Kota Balikpapan. */
export function addressField(name = 'address', label?: Localized): Field {
	return {
		name,
		type: 'address',
		label: label ?? { id: 'Alamat di Kota Balikpapan', en: 'Address in Balikpapan' }
	};
}

/** The parts of a person asked when only the identity matters. */
export const NIK_AND_NAME: PersonPart[] = ['nik', 'name'];

/** Several people from one family card (who moves, who moves in): NIK and name each. */
export function personsField(overrides: Pick<GroupField, 'name' | 'label'> & Partial<GroupField>): GroupField {
	return {
		type: 'group',
		itemLabel: { id: 'Orang', en: 'Person' },
		min: 1,
		max: 10,
		fields: [
			{ name: 'nik', type: 'nik', label: { id: 'NIK', en: 'NIK' } },
			{ name: 'name', type: 'text', label: { id: 'Nama lengkap', en: 'Full name' }, maxLength: 100 }
		],
		...overrides
	};
}

/** A lost or a damaged card (KK, KTP-el): the answer decides between the police report and the card itself. */
export function lostOrDamagedField(name: string, label: Localized): Field {
	return {
		name,
		type: 'choice',
		label,
		options: [
			{ value: 'lost', label: { id: 'Hilang', en: 'Lost' } },
			{ value: 'damaged', label: { id: 'Rusak', en: 'Damaged' } }
		]
	};
}

/** The police loss report (surat keterangan kehilangan), for a lost card or certificate. */
export function policeLossReport(when: Condition, asked: Localized): DocumentRequirement {
	return {
		code: 'surat-kehilangan-polisi',
		maxFiles: 3,
		name: { id: 'Surat keterangan kehilangan dari kepolisian', en: 'Police loss report' },
		photoHint: {
			id: 'Foto seluruh surat dari kantor polisi, lurus dari atas, di tempat terang; nomor surat, stempel, dan tanda tangan harus terbaca.',
			en: 'Photograph the whole letter from the police station, straight from above, in good light; the letter number, stamp and signature must be readable.'
		},
		when,
		asked
	};
}

/** Whether the resident owns, rents or lodges at an address. */
export const HOUSING_OPTIONS: ChoiceOption[] = [
	{ value: 'own', label: { id: 'Milik sendiri atau keluarga sendiri', en: 'Owned by me or my own family' } },
	{ value: 'rent', label: { id: 'Sewa atau kontrak', en: 'Rented' } },
	{ value: 'lodging', label: { id: 'Menumpang di rumah orang lain', en: "Staying in someone else's home" } }
];

/** The housing status at an address in Balikpapan; renting or lodging needs the owner's letter. */
export function housingField(name: string, when?: Condition): Field {
	return {
		name,
		type: 'choice',
		label: { id: 'Status tempat tinggal di alamat ini', en: 'Your housing at this address' },
		hint: {
			id: 'Jika sewa atau menumpang, Anda perlu surat pernyataan tidak keberatan dari pemilik rumah.',
			en: 'If you rent or stay with someone, you need a no-objection letter from the owner.'
		},
		options: HOUSING_OPTIONS,
		...(when ? { when } : {})
	};
}

/** The owner's no-objection letter, for residents who rent or lodge at their address in Balikpapan. */
export function ownerConsentLetter(when: Condition): DocumentRequirement {
	return {
		code: 'surat-persetujuan-pemilik-rumah',
		name: { id: 'Surat pernyataan tidak keberatan dari pemilik rumah', en: "The owner's no-objection letter" },
		photoHint: {
			id: 'Foto seluruh surat yang sudah ditandatangani pemilik rumah, lurus dari atas; nama, NIK, dan alamat pemilik harus terbaca.',
			en: "Photograph the whole letter signed by the owner, straight from above; the owner's name, NIK and address must be readable."
		},
		when,
		asked: { id: 'Jika Anda menyewa atau menumpang', en: 'If you rent or stay with someone' }
	};
}

/** The moving letter (SKPWNI) issued by the office of the place a family moved from. */
export const SKPWNI_DOCUMENT: DocumentRequirement = {
	code: 'skpwni',
	maxFiles: 3,
	name: { id: 'Surat Keterangan Pindah WNI (SKPWNI)', en: 'Moving letter (SKPWNI)' },
	photoHint: {
		id: 'Foto setiap halaman SKPWNI, lurus dari atas; nomor surat, kode QR, dan daftar nama yang pindah harus terbaca.',
		en: 'Photograph every page of the SKPWNI, straight from above; the letter number, the QR code and the list of people moving must be readable.'
	}
};

/** A province and a city or regency outside Balikpapan, as text (the app holds no national region list). */
export function regionFields(prefix: string, labels: { province: Localized; city: Localized }, when?: Condition): Field[] {
	const condition = when ? { when } : {};
	return [
		{
			name: `${prefix}_province`,
			type: 'text',
			maxLength: 100,
			label: labels.province,
			hint: { id: 'Misalnya Jawa Timur.', en: 'For example Jawa Timur.' },
			...condition
		},
		{
			name: `${prefix}_city`,
			type: 'text',
			maxLength: 100,
			label: labels.city,
			hint: { id: 'Misalnya Kota Samarinda atau Kabupaten Paser.', en: 'For example Kota Samarinda or Kabupaten Paser.' },
			...condition
		}
	];
}
