import * as v from 'valibot';
import { nikError } from './nik';
import { KECAMATAN, kelurahanOf } from './districts';
import { OFFICE_TIME_ZONE } from '../office/calendar';
import type { AnswerCode } from './codes';
import { conditionHolds } from './conditions';
import type { Answers, Field, FieldType, PersonPart } from './types';

/**
 * The field-type registry: each type of the catalog maps to its valibot rule. Every rule names its
 * error code explicitly, from the closed list of codes.ts (`required`, `type`, `nik_province`, ...),
 * so no valibot default message ever comes out; the UI turns a code into a text with the field's
 * label (lib/forms/errors.ts `errorText`). An unknown type fails loudly.
 */

export const PHONE_PATTERN = /^(\+62|62|0)8[0-9]{7,12}$/;
const DIGITS_16 = /^[0-9]{16}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;
const RT_RW = /^[0-9]{1,3}$/;
export const PERSON_PARTS: readonly PersonPart[] = ['nik', 'name', 'birth_date', 'sex'];
export const ADDRESS_PARTS = ['kecamatan', 'kelurahan', 'rt', 'rw', 'street'] as const;

type Schema = v.GenericSchema<unknown, unknown>;
type Check = [(value: string) => boolean, AnswerCode];

/** objectCode is the code of an object's own issues: a key the answers lack, or not an object at all. */
const objectCode = (issue: v.BaseIssue<unknown>): AnswerCode => (issue.path ? 'required' : 'type');

/** isValidIsoDate checks YYYY-MM-DD and that the day exists in that month. */
export function isValidIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** todayInBalikpapan returns today's date (YYYY-MM-DD) in the office's time zone (Asia/Makassar). */
export function todayInBalikpapan(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A trimmed string; empty passes unless required, and the checks run only on non-empty input. */
function text(required: boolean, checks: Check[], requiredCode: AnswerCode = 'required'): Schema {
	return v.pipe(
		v.string('type' satisfies AnswerCode),
		v.trim(),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const value = dataset.value as string;
			if (value === '') {
				if (required) addIssue({ message: requiredCode });
				return;
			}
			for (const [ok, code] of checks) {
				if (!ok(value)) {
					addIssue({ message: code });
					return;
				}
			}
		})
	) as Schema;
}

function dateRule(required: boolean, past: boolean): Schema {
	return text(required, [
		[isValidIsoDate, 'date_invalid'],
		[(value) => !past || value <= todayInBalikpapan(), 'date_future']
	]);
}

function choice(required: boolean, values: string[]): Schema {
	return text(required, [[(value) => values.includes(value), 'choice_invalid']], 'required_choice');
}

/** nikRule is the NIK rule of shared/DOMAIN.md, reporting the precise reason (nik_province, ...). */
function nikRule(required: boolean): Schema {
	return v.pipe(
		v.string('type' satisfies AnswerCode),
		v.trim(),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const value = dataset.value as string;
			if (value === '') {
				if (required) addIssue({ message: 'required' satisfies AnswerCode });
				return;
			}
			const code: AnswerCode | null = nikError(value);
			if (code) addIssue({ message: code });
		})
	) as Schema;
}

function personRule(parts: readonly PersonPart[], required: boolean): Schema {
	const rules: Record<PersonPart, Schema> = {
		nik: nikRule(required),
		name: text(required, [[(value) => value.length <= 100, 'too_long']]),
		birth_date: dateRule(required, true),
		sex: choice(required, ['M', 'F'])
	};
	return v.object(Object.fromEntries(parts.map((part) => [part, rules[part]])), objectCode) as Schema;
}

function addressRule(required: boolean): Schema {
	return v.pipe(
		v.object(
			{
				kecamatan: choice(required, KECAMATAN.map((k) => k.code)),
				kelurahan: text(required, [], 'required_choice'),
				rt: text(required, [[(value) => RT_RW.test(value), 'rt_rw']]),
				rw: text(required, [[(value) => RT_RW.test(value), 'rt_rw']]),
				street: text(required, [[(value) => value.length <= 200, 'too_long']])
			},
			objectCode
		),
		v.forward(
			v.check(
				(address) => address.kelurahan === '' || kelurahanOf(address.kecamatan as string).includes(address.kelurahan as string),
				'kelurahan_mismatch' satisfies AnswerCode
			),
			['kelurahan']
		)
	) as Schema;
}

/** fieldSchema returns the valibot rule of one field, by its type. */
export function fieldSchema(field: Field): Schema {
	const required = field.required !== false;
	switch (field.type) {
		case 'text':
		case 'textarea': {
			const max = field.maxLength ?? (field.type === 'text' ? 200 : 2000);
			const checks: Check[] = [[(value) => value.length <= max, 'too_long']];
			if (field.pattern) {
				const pattern = new RegExp(field.pattern);
				checks.push([(value) => pattern.test(value), field.patternCode ?? 'pattern']);
			}
			return text(required, checks);
		}
		case 'nik':
			return nikRule(required);
		case 'kk':
			return text(required, [[(value) => DIGITS_16.test(value), 'kk_format']]);
		case 'phone':
			return text(required, [[(value) => PHONE_PATTERN.test(value.replace(/[\s-]/g, '')), 'phone']]);
		case 'date':
			return dateRule(required, field.past ?? false);
		case 'time':
			return text(required, [[(value) => TIME.test(value), 'time_invalid']]);
		case 'number':
			return text(required, [
				[(value) => (field.decimals ? /^\d+([.,]\d+)?$/ : /^\d+$/).test(value), 'number_invalid'],
				[(value) => field.min === undefined || Number(value.replace(',', '.')) >= field.min, 'number_min'],
				[(value) => field.max === undefined || Number(value.replace(',', '.')) <= field.max, 'number_max']
			]);
		case 'choice':
			return choice(required, field.options.map((option) => option.value));
		case 'yesno':
			return choice(required, ['yes', 'no']);
		case 'person':
			return personRule(field.parts ?? PERSON_PARTS, required);
		case 'address':
			return addressRule(required);
		case 'group':
			return v.pipe(
				v.array(objectSchema(field.fields), 'type' satisfies AnswerCode),
				v.minLength(required ? Math.max(field.min, 1) : field.min, 'group_min' satisfies AnswerCode),
				v.maxLength(field.max, 'group_max' satisfies AnswerCode)
			) as Schema;
		default: {
			const unknown = field as { type: string; name: string };
			throw new Error(`catalog: unknown field type "${unknown.type}" of field "${unknown.name}"`);
		}
	}
}

// A condition (and the answer at a path) is read as conditions.ts says, here and for the documents.
export { answerAt, conditionHolds } from './conditions';

/**
 * objectSchema validates the answers to a list of fields: each shown field by its rule; a hidden
 * (conditional) field is not checked at all, and its stale answer is kept, not refused.
 */
export function objectSchema(fields: Field[]): Schema {
	const always = fields.filter((field) => !field.when);
	const conditional = fields.filter((field) => field.when);
	const shape = Object.fromEntries([
		...always.map((field) => [field.name, fieldSchema(field)]),
		...conditional.map((field) => [field.name, v.optional(v.unknown())])
	]);
	const conditionalRules = conditional.map((field) => [field, fieldSchema(field)] as const);
	return v.pipe(
		v.looseObject(shape, objectCode),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const answers = dataset.value as Answers;
			for (const [field, schema] of conditionalRules) {
				if (!conditionHolds(field.when, answers)) continue;
				const result = v.safeParse(schema, answers[field.name] ?? emptyAnswer(field));
				if (result.success) continue;
				for (const issue of result.issues) {
					addIssue({
						message: issue.message,
						path: [
							{ type: 'object', origin: 'value', input: answers, key: field.name, value: answers[field.name] },
							...(issue.path ?? [])
						] as unknown as v.IssuePathItem[] as never
					});
				}
			}
		})
	) as Schema;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * unknownKeys lists the paths of the keys that the form of these fields does not have: beside the
 * fields, in a person or an address beside its parts, in an entry of a list beside the list's fields
 * (and so on down). Every key counts, shown or hidden, `__proto__` too; a value that is not an
 * object (or a list, for a list) is the field rule's business and is not looked into.
 */
export function unknownKeys(fields: readonly Field[], value: unknown, path: readonly string[] = []): string[][] {
	if (!isRecord(value)) return [];
	const out: string[][] = [];
	for (const key of Object.keys(value)) {
		const field = fields.find((candidate) => candidate.name === key);
		const here = [...path, key];
		if (!field) out.push(here);
		else if (field.type === 'person' || field.type === 'address') {
			const parts: readonly string[] = field.type === 'person' ? (field.parts ?? PERSON_PARTS) : ADDRESS_PARTS;
			const answer = value[key];
			if (isRecord(answer)) for (const part of Object.keys(answer)) if (!parts.includes(part)) out.push([...here, part]);
		} else if (field.type === 'group' && Array.isArray(value[key])) {
			(value[key] as unknown[]).forEach((item, index) => out.push(...unknownKeys(field.fields, item, [...here, String(index)])));
		}
	}
	return out;
}

/** emptyAnswer is the blank value of a field: what a new form starts with. */
export function emptyAnswer(field: Field): unknown {
	switch (field.type) {
		case 'person':
			return Object.fromEntries((field.parts ?? PERSON_PARTS).map((part) => [part, '']));
		case 'address':
			return Object.fromEntries(ADDRESS_PARTS.map((part) => [part, '']));
		case 'group':
			return Array.from({ length: field.min }, () => emptyAnswers(field.fields));
		default:
			return '';
	}
}

/** emptyAnswers is the blank answers object of a list of fields. */
export function emptyAnswers(fields: Field[]): Answers {
	return Object.fromEntries(fields.map((field) => [field.name, emptyAnswer(field)]));
}

/** FIELD_TYPES lists every type the registry knows; the components registry must cover the same. */
export const FIELD_TYPES: readonly FieldType[] = [
	'text',
	'textarea',
	'nik',
	'kk',
	'phone',
	'date',
	'time',
	'number',
	'choice',
	'yesno',
	'person',
	'address',
	'group'
];
