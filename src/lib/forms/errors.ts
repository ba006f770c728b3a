import { getLocale, m } from '$lib/i18n';

/** Field path ("mother.nik", "witnesses.0.name") → error code. */
export type FieldErrors = Record<string, string>;

/**
 * flattenErrors turns superforms' nested error object ({ mother: { nik: ['required'] },
 * witnesses: { _errors: ['group_min'], 0: { name: [...] } } }) into dot paths → first error code.
 */
export function flattenErrors(errors: unknown, prefix = '', out: FieldErrors = {}): FieldErrors {
	if (!errors || typeof errors !== 'object') return out;
	if (Array.isArray(errors)) {
		if (typeof errors[0] === 'string' && prefix) out[prefix] ??= errors[0];
		return out;
	}
	for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
		if (key === '_errors') {
			if (Array.isArray(value) && typeof value[0] === 'string' && prefix) out[prefix] ??= value[0];
			continue;
		}
		flattenErrors(value, prefix ? `${prefix}.${key}` : key, out);
	}
	return out;
}

/** fieldId is the DOM id of the input at a field path; the error summary links to it. */
export function fieldId(path: string): string {
	return `f-${path.replace(/\./g, '-')}`;
}

type Params = { label: string; min?: number; max?: number };
const TEXTS: Record<string, (params: Params) => string> = {
	required: m.err_f_required,
	required_choice: m.err_f_required_choice,
	choice_invalid: m.err_f_choice_invalid,
	too_long: m.err_f_too_long,
	pattern: m.err_f_pattern,
	nik_length: m.err_f_nik_length,
	nik_digits: m.err_f_nik_digits,
	nik_province: m.err_f_nik_province,
	nik_day: m.err_f_nik_day,
	nik_month: m.err_f_nik_month,
	nik_serial: m.err_f_nik_serial,
	kk_format: m.err_f_kk_format,
	phone: m.err_f_phone,
	date_invalid: m.err_f_date_invalid,
	date_future: m.err_f_date_future,
	time_invalid: m.err_f_time_invalid,
	number_invalid: m.err_f_number_invalid,
	number_min: (p) => m.err_f_number_min({ label: p.label, min: String(p.min ?? '') }),
	number_max: (p) => m.err_f_number_max({ label: p.label, max: String(p.max ?? '') }),
	group_min: (p) => m.err_f_group_min({ label: p.label, min: String(p.min ?? 1) }),
	group_max: (p) => m.err_f_group_max({ label: p.label, max: String(p.max ?? '') }),
	rt_rw: m.err_f_rt_rw,
	kelurahan_mismatch: m.err_f_kelurahan_mismatch
};

/** Codes whose message puts the label inside a sentence, per language ("Pilih jenis kelamin"). */
const LABEL_INSIDE: Record<'id' | 'en', Set<string>> = {
	id: new Set(['required_choice', 'choice_invalid', 'group_min']),
	en: new Set(['required', 'required_choice', 'choice_invalid', 'group_min'])
};

/** lowerFirst lower-cases the first letter of a label, but not of an acronym ("NIK", "KK", "RT"). */
export function lowerFirst(label: string): string {
	if (label.length > 1 && label[1] === label[1].toUpperCase() && label[1] !== label[1].toLowerCase()) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * errorText is the message for an error code at a field with this label. Inside a sentence the
 * label is lower-cased ("Pilih jenis kelamin", "Enter date of birth"), except acronyms ("Enter NIK").
 */
export function errorText(code: string, params: Params): string {
	// A catalog field may name its own message key (patternMessage), taking the label too.
	const text = TEXTS[code] ?? (m as unknown as Record<string, ((params: Params) => string) | undefined>)[code];
	if (!text) {
		console.error(`forms: no message for error code "${code}"`);
		return m.err_invalid();
	}
	const inside = LABEL_INSIDE[getLocale()].has(code);
	return text({ ...params, label: inside ? lowerFirst(params.label) : params.label });
}

/** KNOWN_ERROR_CODES lists the codes errorText can explain; the catalog's rules produce no other. */
export const KNOWN_ERROR_CODES = Object.keys(TEXTS);
