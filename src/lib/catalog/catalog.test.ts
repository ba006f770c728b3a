import { describe, expect, it } from 'vitest';
import { SERVICES } from './index';
import { answerAt, FIELD_TYPES, fieldSchema, PERSON_PARTS } from './registry';
import { SETTINGS } from './settings';
import { blankAnswers, validateAnswers } from './validate';
import type { Answers, Condition, Field, OnlineService } from './types';
import { validBirth } from './services/akta-kelahiran.fixtures';
import { validDivorce } from './services/akta-perceraian.fixtures';
import { validMarriage } from './services/akta-perkawinan.fixtures';
import { validDeath } from './services/akta-kematian.fixtures';
import { validNewFamilyCard } from './services/kk-baru.fixtures';
import { validLostFamilyCard } from './services/kk-hilang.fixtures';
import { validFamilyCardChange } from './services/kk-perubahan.fixtures';
import { validIdCardReplacement } from './services/ktp-ganti.fixtures';
import { validMoveIn } from './services/pindah-datang.fixtures';
import { validMoveOut } from './services/pindah-keluar.fixtures';

/** The codes of shared/DOMAIN.md, online ones first, in its table order. */
const DOMAIN_CODES = [
	'kk-baru',
	'kk-perubahan',
	'kk-hilang',
	'akta-kelahiran',
	'akta-kematian',
	'pindah-keluar',
	'pindah-datang',
	'akta-perkawinan',
	'akta-perceraian',
	'ktp-ganti',
	'ktp-rekam',
	'pengaduan',
	// collecting a printed KTP-el (issue 13), after an online ktp-ganti
	'ktp-ambil'
];

const VALID_ANSWERS: Record<string, Answers> = {
	'kk-baru': validNewFamilyCard,
	'kk-perubahan': validFamilyCardChange,
	'kk-hilang': validLostFamilyCard,
	'akta-kelahiran': validBirth,
	'akta-kematian': validDeath,
	'pindah-keluar': validMoveOut,
	'pindah-datang': validMoveIn,
	'akta-perkawinan': validMarriage,
	'akta-perceraian': validDivorce,
	'ktp-ganti': validIdCardReplacement
};

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const online = SERVICES.filter((service): service is OnlineService => service.mode === 'online');

/** Every field of a list, groups' item fields included. */
function allFields(fields: Field[]): Field[] {
	return fields.flatMap((field) => [field, ...(field.type === 'group' ? allFields(field.fields) : [])]);
}

const topFields = (service: OnlineService) => service.steps.flatMap((step) => step.fields);

/**
 * The answer paths of a list of fields and the field each belongs to: "name", "person.nik",
 * "address.kecamatan", and "group.0.field" for a group that always has a first item.
 */
function answerPaths(fields: Field[]): Map<string, { field: Field; part?: string }> {
	const paths = new Map<string, { field: Field; part?: string }>();
	for (const field of fields) {
		paths.set(field.name, { field });
		if (field.type === 'person') for (const part of field.parts ?? PERSON_PARTS) paths.set(`${field.name}.${part}`, { field, part });
		if (field.type === 'address') for (const part of ['kecamatan', 'kelurahan', 'rt', 'rw', 'street']) paths.set(`${field.name}.${part}`, { field, part });
		if (field.type === 'group' && field.min >= 1 && field.required !== false) {
			for (const [path, target] of answerPaths(field.fields)) paths.set(`${field.name}.0.${path}`, target);
		}
	}
	return paths;
}

/** The values a condition on this field can meet. */
function possibleValues(field: Field): string[] | undefined {
	if (field.type === 'choice') return field.options.map((option) => option.value);
	if (field.type === 'yesno') return ['yes', 'no'];
	return undefined;
}

/** Every Localized ({ id, en }) anywhere in a value, with where it was found. */
function localizedTexts(value: unknown, where = ''): [string, { id: unknown; en: unknown }][] {
	if (Array.isArray(value)) return value.flatMap((item, index) => localizedTexts(item, `${where}[${index}]`));
	if (value === null || typeof value !== 'object') return [];
	const keys = Object.keys(value).sort();
	if (keys.length === 2 && keys[0] === 'en' && keys[1] === 'id') return [[where, value as { id: unknown; en: unknown }]];
	return Object.entries(value).flatMap(([key, item]) => localizedTexts(item, `${where}.${key}`));
}

describe('the catalog', () => {
	it('has exactly the twelve services of DOMAIN.md in its order, and card collection', () => {
		expect(SERVICES.map((service) => service.code)).toEqual(DOMAIN_CODES);
		expect(new Set(SERVICES.map((service) => service.code)).size).toBe(SERVICES.length);
		expect(online.map((service) => service.code)).toEqual(DOMAIN_CODES.slice(0, 10));
	});

	it('writes every text in Indonesian and in English', () => {
		for (const service of SERVICES) {
			const texts = localizedTexts(service, service.code);
			expect(texts.length).toBeGreaterThan(3);
			for (const [where, text] of texts) {
				expect(typeof text.id === 'string' && text.id.trim() !== '', `${where}.id`).toBe(true);
				expect(typeof text.en === 'string' && text.en.trim() !== '', `${where}.en`).toBe(true);
			}
		}
	});

	it('tells residents what to bring to an in-person service', () => {
		for (const service of SERVICES) {
			if (service.mode === 'in_person') expect(service.bring.length, service.code).toBeGreaterThan(0);
		}
	});
});

describe.each(online.map((service) => [service.code, service] as const))('%s', (code, service) => {
	const fields = topFields(service);
	const paths = answerPaths(fields);

	it('has 2 to 5 steps with unique kebab-case ids, none of them hidden entirely', () => {
		expect(service.steps.length).toBeGreaterThanOrEqual(2);
		expect(service.steps.length).toBeLessThanOrEqual(5);
		const ids = service.steps.map((step) => step.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const step of service.steps) {
			expect(step.id).toMatch(KEBAB);
			expect(step.fields.some((field) => !field.when), `step ${step.id} has a field always shown`).toBe(true);
		}
	});

	it('uses only registered field types, each with a rule', () => {
		for (const field of allFields(fields)) {
			expect(FIELD_TYPES, field.name).toContain(field.type);
			expect(() => fieldSchema(field), field.name).not.toThrow();
		}
	});

	it('names its fields in unique snake_case', () => {
		const names = fields.map((field) => field.name);
		expect(new Set(names).size, names.join(' ')).toBe(names.length);
		for (const field of allFields(fields)) expect(field.name).toMatch(SNAKE);
		for (const group of allFields(fields)) {
			if (group.type !== 'group') continue;
			const inner = group.fields.map((field) => field.name);
			expect(new Set(inner).size, group.name).toBe(inner.length);
			expect(group.min).toBeLessThanOrEqual(group.max);
		}
	});

	/** A condition names fields in its scope, other than itself, and values they (or a setting) can take. */
	function expectConditionValid(condition: Condition, scope: Map<string, { field: Field; part?: string }>, owner: string) {
		const isDate = (path: string) => {
			const target = scope.get(path);
			expect(target, `${owner}: date "${path}"`).toBeDefined();
			expect(target!.part === 'birth_date' || (!target!.part && target!.field.type === 'date'), `${owner}: "${path}" is a date`).toBe(true);
			expect(path.split('.')[0], owner).not.toBe(owner);
		};
		if ('any' in condition || 'all' in condition) {
			const parts = 'any' in condition ? condition.any : condition.all;
			expect(parts.length, owner).toBeGreaterThan(1);
			for (const part of parts) expectConditionValid(part, scope, owner);
			return;
		}
		if ('setting' in condition) {
			const setting = SETTINGS.find((candidate) => candidate.name === condition.setting);
			expect(setting, `${owner}: setting "${condition.setting}"`).toBeDefined();
			const values = setting!.type === 'choice' ? setting!.options.map((option) => option.value) : [];
			for (const value of condition.in) expect(values, `${owner}: setting values`).toContain(value);
			return;
		}
		if ('birth' in condition) {
			isDate(condition.birth);
			isDate(condition.on);
			expect(Number.isInteger(condition.ageUnder) && condition.ageUnder > 0, owner).toBe(true);
			return;
		}
		if ('daysSince' in condition) {
			isDate(condition.daysSince);
			const days = condition.atLeastDays;
			if (typeof days === 'string') expect(SETTINGS.find((setting) => setting.name === days)?.type, `${owner}: setting "${days}"`).toBe('number');
			else expect(days, owner).toBeGreaterThan(0);
			return;
		}
		const target = scope.get(condition.field);
		expect(target, `${owner}: when.field "${condition.field}"`).toBeDefined();
		expect(condition.field, owner).not.toBe(owner);
		expect(condition.in.length, owner).toBeGreaterThan(0);
		const values = target && !target.part ? possibleValues(target.field) : undefined;
		expect(values, `${owner}: a condition on a choice or yes/no field`).toBeDefined();
		for (const value of condition.in) expect(values, `${owner}: when.in`).toContain(value);
	}

	it('conditions fields and documents on answers that exist', () => {
		for (const field of fields) if (field.when) expectConditionValid(field.when, paths, field.name);
		for (const group of allFields(fields)) {
			if (group.type !== 'group') continue;
			const itemScope = answerPaths(group.fields);
			for (const field of group.fields) if (field.when) expectConditionValid(field.when, itemScope, `${group.name}.${field.name}`);
		}
		for (const requirement of service.documents) if (requirement.when) expectConditionValid(requirement.when, paths, requirement.code);
	});

	it('points its subject at a NIK (or, for a baby without one, the family card) and a name that are always asked', () => {
		const nik = paths.get(service.subject.nik);
		const name = paths.get(service.subject.name);
		expect(nik, service.subject.nik).toBeDefined();
		expect(name, service.subject.name).toBeDefined();
		expect(nik!.part === 'nik' || nik!.field.type === 'nik' || nik!.field.type === 'kk', service.subject.nik).toBe(true);
		expect(name!.part === 'name' || name!.field.type === 'text', service.subject.name).toBe(true);
		// the NIK may be hidden only when another, always asked, takes its place
		const always = service.subject.nikWhenHidden ? [service.subject.nikWhenHidden, service.subject.name] : [service.subject.nik, service.subject.name];
		if (service.subject.nikWhenHidden) expect(paths.get(service.subject.nikWhenHidden)?.part, service.subject.nikWhenHidden).toBe('nik');
		for (const path of always) {
			const top = fields.find((field) => field.name === path.split('.')[0])!;
			expect(top.when, path).toBeUndefined();
			expect(top.required, path).not.toBe(false);
		}
	});

	it('counts a deadline from a date field that is always asked', () => {
		if (!service.deadline) return;
		const from = fields.find((field) => field.name === service.deadline!.from);
		expect(from?.type, service.deadline.from).toBe('date');
		expect(from?.when).toBeUndefined();
		expect(service.deadline.days).toBeGreaterThan(0);
	});

	it('describes every document with a name and a photo hint', () => {
		const codes = service.documents.map((requirement) => requirement.code);
		expect(new Set(codes).size, codes.join(' ')).toBe(codes.length);
		for (const requirement of service.documents) {
			expect(requirement.code).toMatch(KEBAB);
			for (const text of [requirement.name, requirement.photoHint]) {
				expect(text.id.trim(), requirement.code).not.toBe('');
				expect(text.en.trim(), requirement.code).not.toBe('');
			}
		}
	});

	it('says in the resident\'s words when each conditional document is asked for', () => {
		for (const requirement of service.documents) {
			if (!requirement.when) continue;
			expect(requirement.asked?.id.trim(), `${requirement.code}.asked.id`).toBeTruthy();
			expect(requirement.asked?.en.trim(), `${requirement.code}.asked.en`).toBeTruthy();
		}
	});

	it('asks who applies and then for a letter of authority', () => {
		expect(fields.find((field) => field.name === 'on_behalf')?.type).toBe('yesno');
		expect(service.documents.find((requirement) => requirement.code === 'surat-kuasa')?.when).toEqual({ field: 'on_behalf', in: ['yes'] });
	});

	it('refuses a blank application', () => {
		expect(Object.keys(validateAnswers(service, blankAnswers(service))).length).toBeGreaterThan(0);
	});

	it('accepts the valid answers of its unit test, with a subject', () => {
		const answers = VALID_ANSWERS[code];
		expect(answers, `valid answers of ${code}`).toBeDefined();
		expect(validateAnswers(service, answers)).toEqual({});
		expect(answerAt(answers, service.subject.nik)).toMatch(/^[0-9]{16}$/);
		expect(String(answerAt(answers, service.subject.name)).trim()).not.toBe('');
	});
});
