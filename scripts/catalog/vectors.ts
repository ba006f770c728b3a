import { SERVICES } from '../../src/lib/catalog/index';
import { KECAMATAN } from '../../src/lib/catalog/districts';
import { withEvaluation } from '../../src/lib/catalog/conditions';
import { conditionHolds, emptyAnswer, emptyAnswers, PERSON_PARTS } from '../../src/lib/catalog/registry';
import { settingDefaults, SETTINGS, settingValue, type SettingValues } from '../../src/lib/catalog/settings';
import { blankAnswers, documentsAskedFor, validateAnswerKeys, validateAnswers } from '../../src/lib/catalog/validate';
import type { Answers, ChoiceField, Condition, Field, OnlineService } from '../../src/lib/catalog/types';
import { validBirth, validBirthOfFoundling, validBirthParentsOnKk, validBirthToUnmarriedMother } from '../../src/lib/catalog/services/akta-kelahiran.fixtures';
import { validDeath, validDeathAtHome, validDeathLongAgo, validDeathReportedByNonHeir } from '../../src/lib/catalog/services/akta-kematian.fixtures';
import { validDivorce } from '../../src/lib/catalog/services/akta-perceraian.fixtures';
import { validMarriage, validMarriageOfBrideOf18, validSecondMarriage } from '../../src/lib/catalog/services/akta-perkawinan.fixtures';
import { validNewFamilyCard, validNewFamilyCardSpouseMovedIn } from '../../src/lib/catalog/services/kk-baru.fixtures';
import { validLostFamilyCard } from '../../src/lib/catalog/services/kk-hilang.fixtures';
import { validFamilyCardChange } from '../../src/lib/catalog/services/kk-perubahan.fixtures';
import { validIdCardReplacement } from '../../src/lib/catalog/services/ktp-ganti.fixtures';
import { validMinorJoinsUncle, validMoveIn } from '../../src/lib/catalog/services/pindah-datang.fixtures';
import { validMinorMovesOut, validMoveOut, validMoveWithinCity } from '../../src/lib/catalog/services/pindah-keluar.fixtures';

/**
 * The shared validation vectors (DESIGN.md "Validation: one source"): for every online service,
 * its valid example answers and, for each field and condition, the answers a resident (or a broken
 * client) could send, with what the TypeScript validator says of them. The Go test
 * (pocketbase/internal/catalog) runs the same cases through the server's validator.
 *
 * Deterministic: the same catalog and fixtures give the same vectors. The only rule that depends on
 * the clock is `date_future` (today in Asia/Makassar): the vectors use dates of the fixtures (in
 * the past) and 2999-01-01 for the future, and decide documents on VECTORS_TODAY.
 */

/** The note at the top of every generated file. */
export const GENERATED = 'Generated from src/lib/catalog by `npm run catalog:export`; do not edit.';

/** The day the documents of the vectors are decided on (a condition may count days to today). */
export const VECTORS_TODAY = '2026-12-01';

/** The valid example answers of each online service, by the name they have in its fixtures file. */
export const VALID_ANSWERS: Readonly<Record<string, Readonly<Record<string, Answers>>>> = {
	'kk-baru': { validNewFamilyCard, validNewFamilyCardSpouseMovedIn },
	'kk-perubahan': { validFamilyCardChange },
	'kk-hilang': { validLostFamilyCard },
	'akta-kelahiran': { validBirth, validBirthToUnmarriedMother, validBirthParentsOnKk, validBirthOfFoundling },
	'akta-kematian': { validDeath, validDeathAtHome, validDeathLongAgo, validDeathReportedByNonHeir },
	'pindah-keluar': { validMoveOut, validMoveWithinCity, validMinorMovesOut },
	'pindah-datang': { validMoveIn, validMinorJoinsUncle },
	'akta-perkawinan': { validMarriage, validMarriageOfBrideOf18, validSecondMarriage },
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
	/** The requirement codes documentsAskedFor returns (on VECTORS_TODAY), in catalog order. */
	documents: string[];
	/** The office's settings of the case, when not the defaults. */
	settings?: SettingValues;
}

export interface ServiceVectors {
	service: string;
	valid: Record<string, Answers>;
	cases: VectorCase[];
}

export interface AnswerVectors {
	$comment: string;
	/** The day the documents are decided on. */
	today: string;
	/** Setting values as staff type them, and what both sides read (null: refused). */
	settingTexts: { name: string; text: string; value: string | number | null }[];
	services: ServiceVectors[];
}

/** settingTexts lists values staff could type for each setting (and an unknown one), read as settings.ts does. */
function settingTexts(): AnswerVectors['settingTexts'] {
	const texts: [string, string][] = [['fee', '10000']];
	for (const setting of SETTINGS) {
		const typed =
			setting.type === 'choice'
				? [...setting.options.map((option) => option.value), '', ' always', 'ALWAYS', 'zzz']
				: setting.type === 'text'
					? [setting.default, ` ${setting.default}`, `${setting.default} `, '', ' ', 'a'.repeat(setting.maxLength), 'a'.repeat(setting.maxLength + 1), 'é'.repeat(setting.maxLength), '😀'.repeat(setting.maxLength), '😀'.repeat(setting.maxLength + 1), 'Jl. A\nNo. 1', 'Jl.\tA', 'Jl. A\u007f', 'Jl. A\u0085', 'Jl. A\u00a0No. 1']
					: [String(setting.default), String(setting.min), String(setting.min - 1), String(setting.max), String(setting.max + 1), '', ' 30', '30.0', '3e1', '-5', '0x1e', '0030', '1234567890'];
		for (const text of typed) texts.push([setting.name, text]);
	}
	return texts.map(([name, text]) => ({ name, text, value: settingValue(name, text) ?? null }));
}

/** vectorAnswers builds the answers of a case exactly as the Go test does, through JSON. */
export function vectorAnswers(valid: Answers, change: Answers, remove: readonly string[]): Answers {
	const answers: Answers = { ...valid, ...change };
	for (const key of remove) delete answers[key];
	return JSON.parse(JSON.stringify(answers)) as Answers;
}

/**
 * flatErrors is validateAnswers with the step ids dropped (the server reports dot paths only), then
 * the keys the form does not have. Spread, not Object.assign: a `__proto__` path stays a key.
 */
export function flatErrors(service: OnlineService, answers: Answers, settings: SettingValues = settingDefaults()): Record<string, string> {
	return withEvaluation({ settings }, () => [...Object.values(validateAnswers(service, answers)), validateAnswerKeys(service, answers)].reduce<Record<string, string>>((all, errors) => ({ ...all, ...errors }), {}));
}

/** documentCodes lists the codes of the requirements that documentsAskedFor returns on VECTORS_TODAY. */
export function documentCodes(service: OnlineService, answers: Answers, settings: SettingValues = settingDefaults()): string[] {
	return withEvaluation({ today: VECTORS_TODAY, settings }, () => documentsAskedFor(service, answers).map((requirement) => requirement.code));
}

// ---------------------------------------------------------------------------------------------
// Conditions: answers (and settings) that make a condition hold, or fall just short of it.

/** A change of the answers (top-level keys) and of the settings. */
interface Setup {
	change: Answers;
	settings?: SettingValues;
}

/** withPath returns the top-level change that puts value at a dotted path of the answers. */
function withPath(answers: Answers, path: string, value: unknown): Answers {
	const [top, ...rest] = path.split('.');
	if (rest.length === 0) return { [top]: value };
	const copy = JSON.parse(JSON.stringify(answers[top] ?? (/^\d+$/.test(rest[0]) ? [] : {}))) as Record<string, unknown>;
	let node = copy;
	for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
	node[rest[rest.length - 1]] = value;
	return { [top]: copy };
}

function shiftDate(date: string, { years = 0, days = 0 }: { years?: number; days?: number }): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}

function dateOr(answers: Answers, path: string, fallback: string): string {
	const value = path.split('.').reduce<unknown>((node, key) => (node as Answers | undefined)?.[key], answers);
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : fallback;
}

function settingDays(atLeastDays: number | string): number {
	return typeof atLeastDays === 'number' ? atLeastDays : Number(settingDefaults()[atLeastDays]);
}

/**
 * leafSetups lists, for every simple condition inside a condition, named setups around it: each
 * value of an answer or a setting; an age a day either side of the birthday; a day count at the
 * bound and a day short of it.
 */
function leafSetups(condition: Condition, answers: Answers, conditionValuesOf: (path: string) => string[]): [string, Setup][] {
	if ('any' in condition) return condition.any.flatMap((part) => leafSetups(part, answers, conditionValuesOf));
	if ('all' in condition) return condition.all.flatMap((part) => leafSetups(part, answers, conditionValuesOf));
	if ('field' in condition) {
		const out: [string, Setup][] = conditionValuesOf(condition.field).map((value) => [`${condition.field} = ${value}`, { change: withPath(answers, condition.field, value) }]);
		out.push([`${condition.field} with spaces around`, { change: withPath(answers, condition.field, ` ${String(condition.in[0])} `) }]);
		return out;
	}
	if ('setting' in condition) {
		const setting = SETTINGS.find((candidate) => candidate.name === condition.setting)!;
		const values = setting.type === 'choice' ? setting.options.map((option) => option.value) : [setting.default];
		return values.map((value) => [`setting ${setting.name} = ${value}`, { change: {}, settings: { ...settingDefaults(), [setting.name]: value } }]);
	}
	if ('birth' in condition) {
		const on = dateOr(answers, condition.on, '2026-11-14');
		const birthday = shiftDate(on, { years: -condition.ageUnder });
		const change = (birth: string) => ({ ...withPath(answers, condition.on, on), ...withPath(answers, condition.birth, birth) });
		return [
			[`${condition.birth}: ${condition.ageUnder} on ${condition.on}`, { change: change(birthday) }],
			[`${condition.birth}: ${condition.ageUnder} tomorrow after ${condition.on}`, { change: change(shiftDate(birthday, { days: 1 })) }],
			[`${condition.birth}: with spaces, ${condition.ageUnder} tomorrow`, { change: change(` ${shiftDate(birthday, { days: 1 })} `) }],
			[`${condition.birth}: not a date`, { change: change('kemarin') }]
		];
	}
	const days = settingDays(condition.atLeastDays);
	return [
		[`${condition.daysSince}: ${days} days ago`, { change: withPath(answers, condition.daysSince, shiftDate(VECTORS_TODAY, { days: -days })) }],
		[`${condition.daysSince}: ${days - 1} days ago`, { change: withPath(answers, condition.daysSince, shiftDate(VECTORS_TODAY, { days: 1 - days })) }]
	];
}

/** satisfy returns a setup that makes the condition hold on these answers, when one is simple to find. */
function satisfy(condition: Condition, answers: Answers): Setup | undefined {
	if ('field' in condition) return { change: withPath(answers, condition.field, condition.in[0]) };
	if ('setting' in condition) return { change: {}, settings: { ...settingDefaults(), [condition.setting]: condition.in[0] as string | number } };
	if ('birth' in condition) {
		const on = dateOr(answers, condition.on, '2026-11-14');
		return { change: { ...withPath(answers, condition.on, on), ...withPath(answers, condition.birth, shiftDate(on, { years: 1 - condition.ageUnder })) } };
	}
	if ('daysSince' in condition) return { change: withPath(answers, condition.daysSince, shiftDate(VECTORS_TODAY, { days: -settingDays(condition.atLeastDays) })) };
	if ('any' in condition) return condition.any.map((part) => satisfy(part, answers)).find((setup) => setup);
	let merged: Setup = { change: {} };
	for (const part of condition.all) {
		const setup = satisfy(part, { ...answers, ...merged.change });
		if (!setup) return undefined;
		merged = { change: { ...merged.change, ...setup.change }, settings: setup.settings ?? merged.settings };
	}
	return merged;
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

/**
 * withOwnKey is a copy of an object with one more own key. For `__proto__` an object literal or an
 * assignment would set the prototype instead; JSON.parse on the server's side makes it a key.
 */
function withOwnKey(object: object, key: string, value: unknown): Answers {
	return Object.defineProperty({ ...object }, key, { value, enumerable: true, writable: true, configurable: true }) as Answers;
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
			out.push(['a key beside its parts', { ...person, hobi: 'x' }], ['a __proto__ key beside its parts', withOwnKey(person, '__proto__', 'x')]);
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
				['a number as RT', { ...address, rt: 7 }],
				['a key beside its parts', { ...address, kode_pos: '76115' }],
				['a __proto__ key beside its parts', withOwnKey(address, '__proto__', { kecamatan: '64.72.01' })]
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
				['a blank item', [...items.slice(1), emptyAnswers(field.fields)]],
				['an item with a key beside its fields', [{ ...item, catatan: 'x' }, ...items.slice(1)]],
				['an item with a __proto__ key', [withOwnKey(item, '__proto__', 'x'), ...items.slice(1)]]
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

	const add = (name: string, base: string, change: Answers, remove: string[] = [], settings?: SettingValues) => {
		const key = JSON.stringify([base, change, remove, settings]);
		if (seen.has(key)) return;
		seen.add(key);
		const answers = vectorAnswers(valid[base], change, remove);
		const item: VectorCase = { name, base, change, remove, errors: flatErrors(service, answers, settings), documents: documentCodes(service, answers, settings) };
		if (settings) item.settings = settings;
		cases.push(item);
	};
	const valuesOf = (path: string) => conditionValues(fieldByName.get(path.split('.')[0]));

	for (const base of baseNames) {
		const errors = flatErrors(service, vectorAnswers(valid[base], {}, []));
		if (Object.keys(errors).length > 0) {
			throw new Error(`catalog export: the valid answers ${service.code}/${base} do not pass: ${JSON.stringify(errors)}`);
		}
		add(`valid answers ${base}`, base, {});
	}
	add('blank answers', baseNames[0], blankAnswers(service));
	add('no answers at all', baseNames[0], {}, fields.map((field) => field.name));
	add('an answer the form does not have', baseNames[0], { pertanyaan_lama: 'ya' });
	add('an answer the form does not have, named like a property of every object', baseNames[0], { constructor: 'x', toString: 1 });
	add('an answer the form does not have, named __proto__', baseNames[0], withOwnKey({}, '__proto__', { admin: true }));
	add('an answer the form does not have, and a missing one', baseNames[0], { pertanyaan_lama: { nik: GOOD_NIK } }, [fields[0].name]);

	for (const field of fields) {
		// the first valid answers that show the field; otherwise the first ones with its condition made true
		const shownIn = baseNames.find((name) => conditionHolds(field.when, valid[name]));
		const base = shownIn ?? baseNames[0];
		const setup = shownIn || !field.when ? { change: {} } : satisfy(field.when, valid[base]);
		if (!setup) continue;
		const enable = setup.change;
		const current = shownIn ? valid[base][field.name] : undefined;
		const start = current ?? goodValue(field);

		if (!shownIn && start !== undefined) add(`${field.name}: shown with a valid answer`, base, { ...enable, [field.name]: start }, [], setup.settings);
		add(`${field.name}: missing`, base, enable, [field.name], setup.settings);
		for (const [label, value] of mutations(field, start)) add(`${field.name}: ${label}`, base, { ...enable, [field.name]: value }, [], setup.settings);

		// a field shown or hidden by an office setting: blank, under every value of the setting
		if (field.when) {
			for (const [label, setup] of leafSetups(field.when, valid[baseNames[0]], valuesOf)) {
				if (setup.settings) add(`${field.name} blank, ${label}`, baseNames[0], { [field.name]: emptyAnswer(field) }, [], setup.settings);
			}
		}

		// a hidden field is not checked, whatever it holds
		const hiddenIn = field.when ? baseNames.find((name) => !conditionHolds(field.when, valid[name])) : undefined;
		if (field.when && hiddenIn) {
			for (const [label, value] of mutations(field, start).slice(0, 4)) add(`${field.name} hidden: ${label}`, hiddenIn, { [field.name]: value });
		} else if (field.when && 'field' in field.when) {
			const when = field.when;
			const other = conditionValues(fieldByName.get(when.field)).find((value) => !when.in.includes(value));
			if (other !== undefined) add(`${field.name} hidden: an answer left from before`, base, { [when.field]: other, [field.name]: 'zzz' });
		}
	}

	// the documents asked for: around every simple condition a requirement depends on, and conditions in chains
	for (const requirement of service.documents) {
		if (!requirement.when) continue;
		for (const base of baseNames) {
			const from = base === baseNames[0] ? '' : ` (from ${base})`;
			for (const [label, setup] of leafSetups(requirement.when, valid[base], valuesOf)) add(`documents${from}: ${label}`, base, setup.change, [], setup.settings);
			const all = satisfy(requirement.when, valid[base]);
			if (all) add(`documents${from}: ${requirement.code} asked for`, base, all.change, [], all.settings);
		}
		if (!('field' in requirement.when)) continue;
		const top = requirement.when.field.split('.')[0];
		const parent = fieldByName.get(top)?.when;
		if (parent && 'field' in parent) {
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
	return { $comment: GENERATED, today: VECTORS_TODAY, settingTexts: settingTexts(), services: online.map(serviceCases) };
}

