import { ANSWER_CODES } from './codes';
import { SERVICES } from './index';
import { KECAMATAN } from './districts';
import { conditionHolds, emptyAnswer, emptyAnswers, PERSON_PARTS } from './registry';
import { blankAnswers, documentsAskedFor, validateAnswers } from './validate';
import type { Answers, ChoiceField, Field, OnlineService } from './types';
import { validBirth } from './services/akta-kelahiran.fixtures';
import { validDeath } from './services/akta-kematian.fixtures';
import { validDivorce } from './services/akta-perceraian.fixtures';
import { validMarriage } from './services/akta-perkawinan.fixtures';
import { validNewFamilyCard } from './services/kk-baru.fixtures';
import { validLostFamilyCard } from './services/kk-hilang.fixtures';
import { validFamilyCardChange } from './services/kk-perubahan.fixtures';
import { validIdCardReplacement } from './services/ktp-ganti.fixtures';
import { validMoveIn } from './services/pindah-datang.fixtures';
import { validMoveOut, validMoveWithinCity } from './services/pindah-keluar.fixtures';

/**
 * The catalog export (DESIGN.md "Validation: one source"): the catalog as JSON for the Go server
 * (embedded in its binary) and the shared validation vectors that prove the TypeScript and the Go
 * validators agree. `npm run catalog:export` writes both files; export.test.ts fails when the
 * committed files differ from what this module makes.
 *
 * Everything here is deterministic: the same catalog and fixtures give byte-identical files. The
 * only rule that depends on the clock is `date_future` (today in Asia/Makassar): the vectors use
 * dates of the fixtures (in the past) and 2999-01-01 for the future, so they do not change with the day.
 */

/** Where the files are written, relative to the repository root. */
export const CATALOG_JSON_PATH = 'pocketbase/internal/catalog/catalog.json';
export const ANSWERS_JSON_PATH = 'tests/fixtures/answers.json';

const GENERATED = 'Generated from src/lib/catalog by `npm run catalog:export`; do not edit.';

/** The valid example answers of each online service, by the name they have in its fixtures file. */
export const VALID_ANSWERS: Readonly<Record<string, Readonly<Record<string, Answers>>>> = {
	'kk-baru': { validNewFamilyCard },
	'kk-perubahan': { validFamilyCardChange },
	'kk-hilang': { validLostFamilyCard },
	'akta-kelahiran': { validBirth },
	'akta-kematian': { validDeath },
	'pindah-keluar': { validMoveOut, validMoveWithinCity },
	'pindah-datang': { validMoveIn },
	'akta-perkawinan': { validMarriage },
	'akta-perceraian': { validDivorce },
	'ktp-ganti': { validIdCardReplacement }
};

/** One validation vector: answers (a valid base, changed) and what both validators must say. */
export interface VectorCase {
	name: string;
	/** Name of the valid answers (in the service's `valid`) the case starts from. */
	base: string;
	/** Top-level answers replaced (shallow): answers = { ...valid[base], ...change } without `remove`. */
	change: Answers;
	/** Top-level answers removed after the change. */
	remove: string[];
	/** The expected field errors of every step, flattened: dot path → error code. */
	errors: Record<string, string>;
	/** The requirement codes documentsAskedFor returns, in catalog order. */
	documents: string[];
}

export interface ServiceVectors {
	service: string;
	valid: Record<string, Answers>;
	cases: VectorCase[];
}

export interface AnswerVectors {
	$comment: string;
	services: ServiceVectors[];
}

/** The catalog as plain data: online services whole, in-person ones by code and mode only. */
export function catalogData(): unknown {
	return {
		$comment: GENERATED,
		answerCodes: ANSWER_CODES,
		kecamatan: KECAMATAN,
		services: SERVICES.map((service) => (service.mode === 'online' ? service : { code: service.code, mode: service.mode }))
	};
}

/** vectorAnswers builds the answers of a case exactly as the Go test does, through JSON. */
export function vectorAnswers(valid: Answers, change: Answers, remove: readonly string[]): Answers {
	const answers: Answers = { ...valid, ...change };
	for (const key of remove) delete answers[key];
	return JSON.parse(JSON.stringify(answers)) as Answers;
}

/** flatErrors is validateAnswers with the step ids dropped (the server reports dot paths only). */
export function flatErrors(service: OnlineService, answers: Answers): Record<string, string> {
	return Object.assign({}, ...Object.values(validateAnswers(service, answers))) as Record<string, string>;
}

/** documentCodes lists the codes of the requirements that documentsAskedFor returns. */
export function documentCodes(service: OnlineService, answers: Answers): string[] {
	return documentsAskedFor(service, answers).map((requirement) => requirement.code);
}

// ---------------------------------------------------------------------------------------------
// Mutations: for each field, the answers that a resident (or a broken client) could send.

type Mutation = [label: string, value: unknown];

const GOOD_NIK = '6471051205900001';
const GOOD_KK = '6471050101200001';
/** Whitespace that JavaScript's trim() removes but a naive trim might not (no-break space, BOM). */
const JS_SPACES = '\u00a0\ufeff';

/** goodValue is a valid answer of a field, for a field that the valid answers do not show. */
function goodValue(field: Field): unknown {
	switch (field.type) {
		case 'text':
		case 'textarea':
			return field.pattern ? undefined : 'Contoh';
		case 'nik':
			return GOOD_NIK;
		case 'kk':
			return GOOD_KK;
		case 'phone':
			return '081234567890';
		case 'date':
			return '2000-01-31';
		case 'time':
			return '08.00';
		case 'number':
			return String(field.min ?? 1);
		case 'choice':
			return field.options[0].value;
		case 'yesno':
			return 'no';
		case 'person': {
			const parts = field.parts ?? PERSON_PARTS;
			const person: Record<string, string> = { nik: GOOD_NIK, name: 'Contoh Nama', birth_date: '1990-05-12', sex: 'M' };
			return Object.fromEntries(parts.map((part) => [part, person[part]]));
		}
		case 'address':
			return { kecamatan: '64.71.01', kelurahan: 'Manggar', rt: '001', rw: '002', street: 'Jl. Contoh No. 1' };
		case 'group': {
			const count = Math.max(field.min, field.required === false ? 0 : 1);
			return Array.from({ length: count }, () => goodItem(field.fields));
		}
	}
}

function goodItem(fields: Field[]): Answers {
	return Object.fromEntries(fields.map((field) => [field.name, field.when ? emptyAnswer(field) : (goodValue(field) ?? emptyAnswer(field))]));
}

/** The mutations common to every string-valued type. */
const STRING_BASICS: readonly Mutation[] = [
	['empty', ''],
	['only spaces', '  \t '],
	['a number instead of a string', 42],
	['null', null]
];

/** mutations lists bad (and a few tricky but valid) answers of a field, given a valid answer. */
function mutations(field: Field, valid: unknown): Mutation[] {
	switch (field.type) {
		case 'text':
		case 'textarea': {
			const max = field.maxLength ?? (field.type === 'text' ? 200 : 2000);
			const out: Mutation[] = [
				...STRING_BASICS,
				['over maxLength', 'x'.repeat(max + 1)],
				['maxLength with spaces around (trimmed)', `  ${'x'.repeat(max)}${JS_SPACES}`],
				['over maxLength in UTF-16 units (emoji)', `${'x'.repeat(max - 1)}😀`]
			];
			if (field.pattern) out.push(['pattern mismatch', 'tidak cocok'], ['pattern match with spaces around', ` ${String(valid)} `]);
			return out;
		}
		case 'nik':
			return [
				...STRING_BASICS,
				['too short', '647105120590'],
				['too long', '64710512059000011'],
				['not digits', '647105120590000X'],
				['bad province', '1071051205900001'],
				['bad day', '6471053205900001'],
				['bad day (female, over 71)', '6471057205900001'],
				['bad month', '6471051213900001'],
				['bad serial', '6471051205900000'],
				['valid with JavaScript spaces around (trimmed)', `${JS_SPACES}${GOOD_NIK} `],
				['16 UTF-16 units with an emoji', '64710512059000😀']
			];
		case 'kk':
			return [
				...STRING_BASICS,
				['17 digits', '64710501012000011'],
				['15 digits', '647105010120000'],
				['a letter', '647105010120000A'],
				['valid with spaces around', ` ${GOOD_KK} `]
			];
		case 'phone':
			return [
				...STRING_BASICS,
				['too short', '0812345'],
				['not a mobile number', '0542123456'],
				['letters', 'nomor saya'],
				['valid with spaces and dashes', '0812 3456-7890'],
				['valid with +62', '+6281234567890']
			];
		case 'date':
			return [
				...STRING_BASICS,
				['impossible day', '2026-02-30'],
				['impossible month', '2026-13-01'],
				['before 1900', '1899-12-31'],
				['day first', '20-11-2026'],
				['far future', '2999-01-01']
			];
		case 'time':
			return [
				...STRING_BASICS,
				['hour 24', '24.00'],
				['one-digit hour', '7.30'],
				['minute 60', '10:60'],
				['valid with a colon', '23:59']
			];
		case 'number': {
			const out: Mutation[] = [...STRING_BASICS, ['not a number', 'abc'], ['negative', '-5'], ['a JSON number', 12]];
			if (field.min !== undefined) out.push(['below min', String(field.decimals ? field.min - 0.5 : field.min - 1)]);
			if (field.max !== undefined) out.push(['above max', String(field.decimals ? field.max + 0.5 : field.max + 1)]);
			if (field.decimals) out.push(['decimal comma', `${field.min ?? 1},5`], ['decimal point', `${field.min ?? 1}.5`]);
			else out.push(['a decimal', `${field.min ?? 1}.5`]);
			return out;
		}
		case 'choice':
			return [
				...STRING_BASICS,
				['outside the options', 'zzz'],
				['an option with spaces around', ` ${field.options[0].value} `]
			];
		case 'yesno':
			return [...STRING_BASICS, ['outside yes/no', 'maybe'], ['upper case', 'YES'], ['a boolean', true]];
		case 'person': {
			const parts = field.parts ?? PERSON_PARTS;
			const person = (valid && typeof valid === 'object' ? valid : goodValue(field)) as Answers;
			const out: Mutation[] = [
				['blank', emptyAnswer(field)],
				['not an object', 'Budi'],
				['a boolean', true],
				['null', null],
				['an array', []]
			];
			const partBad: Record<string, Mutation[]> = {
				nik: [['bad province', '1071051205900001'], ['not digits', '647105120590000X'], ['a number', 6471051205900001]],
				name: [['too long', 'x'.repeat(101)], ['only spaces', '   ']],
				birth_date: [['future', '2999-01-01'], ['impossible', '2026-02-30']],
				sex: [['outside M/F', 'X'], ['lower case', 'm']]
			};
			for (const part of parts) {
				out.push([`${part} missing`, Object.fromEntries(Object.entries(person).filter(([key]) => key !== part))]);
				out.push([`${part} empty`, { ...person, [part]: '' }]);
				for (const [label, value] of partBad[part]) out.push([`${part} ${label}`, { ...person, [part]: value }]);
			}
			return out;
		}
		case 'address': {
			const address = (valid && typeof valid === 'object' ? valid : goodValue(field)) as Record<string, string>;
			const other = KECAMATAN.find((k) => k.code !== address.kecamatan)!;
			return [
				['blank', emptyAnswer(field)],
				['not an object', 'Jl. Sudirman'],
				['street missing', Object.fromEntries(Object.entries(address).filter(([key]) => key !== 'street'))],
				['kecamatan outside Balikpapan', { ...address, kecamatan: '64.72.01' }],
				['kelurahan of another kecamatan', { ...address, kelurahan: other.kelurahan[0] }],
				['kelurahan unknown', { ...address, kelurahan: 'Kampung Baru' }],
				['kelurahan empty', { ...address, kelurahan: '' }],
				['kelurahan with spaces around', { ...address, kelurahan: ` ${address.kelurahan} ` }],
				['kecamatan empty, kelurahan set', { ...address, kecamatan: '' }],
				['RT "abc"', { ...address, rt: 'abc' }],
				['RW of four digits', { ...address, rw: '1234' }],
				['RT empty', { ...address, rt: '' }],
				['street too long', { ...address, street: 'x'.repeat(201) }],
				['a number as RT', { ...address, rt: 7 }]
			];
		}
		case 'group': {
			const items = (Array.isArray(valid) && valid.length > 0 ? valid : (goodValue(field) as Answers[])) as Answers[];
			const item = items[0] ?? goodItem(field.fields);
			const out: Mutation[] = [
				['no items', []],
				['one item fewer than min', Array.from({ length: Math.max(field.min - 1, 0) }, () => item)],
				['more items than max', Array.from({ length: field.max + 1 }, () => item)],
				['not an array', 'Budi'],
				['a number', 1.5e-7],
				['null', null],
				['an item that is not an object', [...items.slice(1), 'Budi']],
				['a blank item', [...items.slice(1), emptyAnswers(field.fields)]]
			];
			for (const sub of field.fields) {
				for (const [label, value] of mutations(sub, item[sub.name])) {
					out.push([`first item ${sub.name}: ${label}`, [{ ...item, [sub.name]: value }, ...items.slice(1)]]);
				}
				out.push([`first item ${sub.name}: missing`, [Object.fromEntries(Object.entries(item).filter(([key]) => key !== sub.name)), ...items.slice(1)]]);
			}
			return out;
		}
	}
}

/** The values that a condition field (a choice or yes/no) can take. */
function conditionValues(field: Field | undefined): string[] {
	if (field?.type === 'choice') return (field as ChoiceField).options.map((option) => option.value);
	if (field?.type === 'yesno') return ['yes', 'no'];
	return [];
}

/** serviceCases builds the vectors of one service. */
function serviceCases(service: OnlineService): ServiceVectors {
	const valid = VALID_ANSWERS[service.code];
	if (!valid) throw new Error(`catalog export: no valid answers for "${service.code}"; add its fixtures to VALID_ANSWERS`);
	const baseNames = Object.keys(valid);
	const fields = service.steps.flatMap((step) => step.fields);
	const fieldByName = new Map(fields.map((field) => [field.name, field]));
	const cases: VectorCase[] = [];
	const seen = new Set<string>();

	const add = (name: string, base: string, change: Answers, remove: string[] = []) => {
		const key = JSON.stringify([base, change, remove]);
		if (seen.has(key)) return;
		seen.add(key);
		const answers = vectorAnswers(valid[base], change, remove);
		cases.push({ name, base, change, remove, errors: flatErrors(service, answers), documents: documentCodes(service, answers) });
	};

	for (const base of baseNames) {
		const errors = flatErrors(service, vectorAnswers(valid[base], {}, []));
		if (Object.keys(errors).length > 0) {
			throw new Error(`catalog export: the valid answers ${service.code}/${base} do not pass: ${JSON.stringify(errors)}`);
		}
		add(`valid answers ${base}`, base, {});
	}
	add('blank answers', baseNames[0], blankAnswers(service));
	add('no answers at all', baseNames[0], {}, fields.map((field) => field.name));

	for (const field of fields) {
		// the first valid answers that show the field; otherwise the first ones with its condition made true
		const shownIn = baseNames.find((name) => conditionHolds(field.when, valid[name]));
		const base = shownIn ?? baseNames[0];
		const enable: Answers = shownIn || !field.when ? {} : { [field.when.field]: field.when.in[0] };
		const current = shownIn ? valid[base][field.name] : undefined;
		const start = current ?? goodValue(field);

		if (!shownIn && start !== undefined) add(`${field.name}: shown with a valid answer`, base, { ...enable, [field.name]: start });
		add(`${field.name}: missing`, base, enable, [field.name]);
		for (const [label, value] of mutations(field, start)) add(`${field.name}: ${label}`, base, { ...enable, [field.name]: value });

		// a hidden field is not checked, whatever it holds
		const hiddenIn = field.when ? baseNames.find((name) => !conditionHolds(field.when, valid[name])) : undefined;
		if (field.when && hiddenIn) {
			for (const [label, value] of mutations(field, start).slice(0, 4)) add(`${field.name} hidden: ${label}`, hiddenIn, { [field.name]: value });
		} else if (field.when) {
			const other = conditionValues(fieldByName.get(field.when.field)).find((value) => !field.when!.in.includes(value));
			if (other !== undefined) add(`${field.name} hidden: an answer left from before`, base, { [field.when.field]: other, [field.name]: 'zzz' });
		}
	}

	// the documents asked for: every value of every field a requirement depends on, and conditions in chains
	for (const requirement of service.documents) {
		if (!requirement.when) continue;
		const top = requirement.when.field.split('.')[0];
		const conditionField = fieldByName.get(top);
		for (const base of baseNames) {
			const from = base === baseNames[0] ? '' : ` (from ${base})`;
			for (const value of conditionValues(conditionField)) add(`documents${from}: ${top} = ${value}`, base, { [top]: value });
			add(`documents${from}: ${top} with spaces around`, base, { [top]: ` ${String(requirement.when.in[0])} ` });
		}
		const parent = conditionField?.when;
		if (parent) {
			const parentTop = parent.field.split('.')[0];
			const other = conditionValues(fieldByName.get(parentTop)).find((value) => !parent.in.includes(value));
			if (other !== undefined) {
				add(`documents: ${top} = ${String(requirement.when.in[0])} but ${parentTop} = ${other} hides it`, baseNames[0], {
					[parentTop]: other,
					[top]: requirement.when.in[0]
				});
			}
		}
	}

	const names = new Set<string>();
	for (const item of cases) {
		let name = item.name;
		for (let n = 2; names.has(name); n++) name = `${item.name} (${n})`;
		item.name = name;
		names.add(name);
	}
	return { service: service.code, valid: { ...valid }, cases };
}

/** answerVectors builds the shared validation vectors of every online service. */
export function answerVectors(): AnswerVectors {
	const online = SERVICES.filter((service): service is OnlineService => service.mode === 'online');
	return { $comment: GENERATED, services: online.map(serviceCases) };
}

/** Characters that are escaped in the files so that they stay visible in an editor and a diff. */
const INVISIBLE = /[\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

/** stableJson formats a value as pretty JSON with the keys of every object sorted, ending in a newline. */
export function stableJson(value: unknown): string {
	const sorted = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(sorted);
		if (node && typeof node === 'object') {
			return Object.fromEntries(
				Object.keys(node)
					.sort()
					.map((key) => [key, sorted((node as Record<string, unknown>)[key])])
			);
		}
		return node;
	};
	const text = JSON.stringify(sorted(value), null, '\t');
	return `${text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** exportFiles returns the content of every exported file by its path from the repository root. */
export function exportFiles(): Record<string, string> {
	return {
		[CATALOG_JSON_PATH]: stableJson(catalogData()),
		[ANSWERS_JSON_PATH]: stableJson(answerVectors())
	};
}
