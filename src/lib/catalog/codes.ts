/**
 * The closed vocabulary of answer error codes: every code that the field registry (registry.ts)
 * and the server's validator (pocketbase/internal/catalog, which reads this list from catalog.json)
 * can give for an answer. Each code has a message in both languages, `err_f_<code>` in
 * messages/id.json and messages/en.json, taking the field's label (`{label}`) and, where it says
 * so, `{min}` / `{max}`. Tests on both sides fail on a code outside this list or without messages.
 *
 * To add a code: add it here with its meaning, add both messages, run `npm run catalog:export`.
 */
export const ANSWER_CODES = [
	/** A required answer is empty or missing (also a key the answers lack). */
	'required',
	/** A required choice (an option list, yes/no, kecamatan, kelurahan) has none chosen. */
	'required_choice',
	/** The answer has the wrong JSON type: a number where text belongs, a string where a person or list belongs. */
	'type',
	/**
	 * A key that the service's form does not have: at the top of the answers, in a person or an
	 * address, or in an entry of a list ({label} is the key's path). The app never sends one
	 * (validate.ts `formAnswers`); a client that does is refused.
	 */
	'unknown_key',
	/** The answer is not one of the field's options. */
	'choice_invalid',
	/** Text over the field's maximum length (counted in UTF-16 units, after trimming). */
	'too_long',
	/** Text that does not match the field's pattern (a field may name a more precise code, below). */
	'pattern',
	/** An SKPWNI letter number that does not have the form SKPWNI/RRRR/DDMMYYYY/NNNN. */
	'skpwni_format',
	/** The NIK rules of shared/DOMAIN.md, checked in this order (lib/catalog/nik.ts, internal/nik). */
	'nik_length',
	'nik_digits',
	'nik_province',
	'nik_day',
	'nik_month',
	'nik_serial',
	/** A family card (KK) number that is not 16 digits. */
	'kk_format',
	/** Not an Indonesian mobile number. */
	'phone',
	/** Not a real date (YYYY-MM-DD, from 1900). */
	'date_invalid',
	/** A date after today (in Asia/Makassar) where only past dates make sense. */
	'date_future',
	/** Not a real time (HH.MM or HH:MM). */
	'time_invalid',
	/** Not a number (whole, or with a decimal point or comma where the field allows it). */
	'number_invalid',
	/** A number below the field's minimum ({min}). */
	'number_min',
	/** A number above the field's maximum ({max}). */
	'number_max',
	/** Fewer entries in a list than the field needs ({min}). */
	'group_min',
	/** More entries in a list than the field allows ({max}). */
	'group_max',
	/** An RT or RW that is not one to three digits. */
	'rt_rw',
	/** A kelurahan that is not in the chosen kecamatan. */
	'kelurahan_mismatch',
	/** The service is not one residents can apply for online (the server, under the key "service"). */
	'service_unknown'
] as const;

export type AnswerCode = (typeof ANSWER_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ANSWER_CODES);

/** isAnswerCode tells whether a code is in the closed vocabulary. */
export function isAnswerCode(code: string): code is AnswerCode {
	return KNOWN.has(code);
}

/** answerMessageKey is the i18n key of a code's message: `err_f_<code>`. */
export function answerMessageKey(code: AnswerCode): string {
	return `err_f_${code}`;
}
