import { answerMessageKey, isAnswerCode } from '$lib/catalog/codes';
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
type Message = (inputs: { label: string; min: string; max: string }) => string;

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
 * errorText is the message for an answer code (lib/catalog/codes.ts, message `err_f_<code>`) at a
 * field with this label. Inside a sentence the label is lower-cased ("Pilih jenis kelamin",
 * "Enter date of birth"), except acronyms ("Enter NIK").
 */
export function errorText(code: string, params: Params): string {
	const text = isAnswerCode(code) ? (m as unknown as Record<string, Message | undefined>)[answerMessageKey(code)] : undefined;
	if (!text) {
		console.error(`forms: no message for error code "${code}"`);
		return m.err_invalid();
	}
	// A choice whose label is a question ("Are you applying for someone else?") is answered, not
	// "selected": GOV.UK's "Select yes or no" reads right where "Select Are you …?" does not.
	if (code === 'required_choice' && params.label.trim().endsWith('?')) return m.err_f_required_question({ label: params.label });
	const inside = LABEL_INSIDE[getLocale()].has(code);
	return text({ label: inside ? lowerFirst(params.label) : params.label, min: String(params.min ?? ''), max: String(params.max ?? '') });
}
