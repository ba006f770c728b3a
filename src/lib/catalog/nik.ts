/**
 * NIK (Nomor Induk Kependudukan) rules from shared/DOMAIN.md. The Go server applies the same rules
 * (pocketbase/internal/nik); both are checked against tests/fixtures/nik.json.
 */

/** Why a NIK is refused, checked in this order. */
export type NikErrorCode = 'nik_length' | 'nik_digits' | 'nik_province' | 'nik_day' | 'nik_month' | 'nik_serial';

/** Why a valid NIK still deserves a second look; never a reason to refuse. */
export type NikWarningCode = 'nik_birthdate_mismatch' | 'nik_sex_mismatch';

export type Sex = 'M' | 'F';

export interface NikBirth {
	day: number;
	month: number;
	/** The two-digit year: the NIK does not say the century. */
	yy: number;
}

const PROVINCE_CODES = new Set<number>([
	11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74,
	75, 76, 81, 82, 91, 92, 93, 94, 95, 96
]);

const ONLY_DIGITS = /^[0-9]+$/;

/** nikError returns the first rule a NIK breaks, or null when it is acceptable. */
export function nikError(nik: string): NikErrorCode | null {
	if (nik.length !== 16) return 'nik_length';
	if (!ONLY_DIGITS.test(nik)) return 'nik_digits';
	if (!PROVINCE_CODES.has(Number(nik.slice(0, 2)))) return 'nik_province';
	const day = Number(nik.slice(6, 8));
	if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'nik_day';
	const month = Number(nik.slice(8, 10));
	if (month < 1 || month > 12) return 'nik_month';
	if (nik.slice(12, 16) === '0000') return 'nik_serial';
	return null;
}

/** nikSex derives the sex from a valid NIK: women have 40 added to the day of birth. */
export function nikSex(nik: string): Sex {
	return Number(nik.slice(6, 8)) > 40 ? 'F' : 'M';
}

/** nikBirth reads the date of birth encoded in a valid NIK. */
export function nikBirth(nik: string): NikBirth {
	const rawDay = Number(nik.slice(6, 8));
	return { day: rawDay > 40 ? rawDay - 40 : rawDay, month: Number(nik.slice(8, 10)), yy: Number(nik.slice(10, 12)) };
}

/**
 * nikWarnings compares a valid NIK with what the person stated. Such differences exist in real
 * records and are never corrected, so they only ever produce warnings.
 * @param stated.birthDate an ISO date (YYYY-MM-DD)
 */
export function nikWarnings(nik: string, stated: { birthDate?: string; sex?: Sex }): NikWarningCode[] {
	if (nikError(nik)) return [];
	const warnings: NikWarningCode[] = [];
	const match = stated.birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(stated.birthDate) : null;
	if (match) {
		const birth = nikBirth(nik);
		const [, year, month, day] = match;
		if (birth.day !== Number(day) || birth.month !== Number(month) || birth.yy !== Number(year) % 100) {
			warnings.push('nik_birthdate_mismatch');
		}
	}
	if (stated.sex && stated.sex !== nikSex(nik)) warnings.push('nik_sex_mismatch');
	return warnings;
}
