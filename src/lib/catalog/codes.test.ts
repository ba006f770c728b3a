import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_CODES, answerMessageKey, isAnswerCode } from './codes';
import { SERVICES } from './index';
import type { Answers, Field, OnlineService } from './types';
import { validateAnswers } from './validate';

// The closed vocabulary of answer codes: nothing the validators give is outside it, and every
// code in it is explained in both languages. The Go test (internal/catalog) checks the server's side.

const root = join(import.meta.dirname, '..', '..', '..');
const ANSWERS_JSON_PATH = 'tests/fixtures/answers.json';
const flatErrors = (service: OnlineService, answers: Answers): Record<string, string> => Object.assign({}, ...Object.values(validateAnswers(service, answers)));
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

describe('the answer codes', () => {
	it('each have a message in Indonesian and in English, naming the field', () => {
		for (const locale of ['id', 'en']) {
			const messages = json(`messages/${locale}.json`);
			for (const code of ANSWER_CODES) {
				const text = messages[answerMessageKey(code)];
				expect(typeof text === 'string' && text.trim().length > 0, `${locale}: ${answerMessageKey(code)}`).toBe(true);
				if (code !== 'service_unknown') expect(text, `${locale}: ${code}`).toContain('{label}');
			}
		}
	});

	it('are the only codes in the shared vectors, which hold no valibot default message', () => {
		const text = readFileSync(join(root, ANSWERS_JSON_PATH), 'utf8');
		expect(text).not.toMatch(/Invalid (key|type|length)/);
		const vectors = JSON.parse(text) as { services: { cases: { errors: Record<string, string> }[] }[] };
		const seen = new Set<string>();
		for (const entry of vectors.services) for (const item of entry.cases) for (const code of Object.values(item.errors)) seen.add(code);
		expect([...seen].filter((code) => !isAnswerCode(code))).toEqual([]);
		// the vectors exercise the whole vocabulary but for the rules no online field uses today
		// (a phone field, a plain pattern) and the server's unknown service, so the check above means something
		expect(ANSWER_CODES.filter((code) => !seen.has(code)).every((code) => ['phone', 'pattern', 'service_unknown'].includes(code))).toBe(true);
	});

	it('are all that odd answers of any JSON type bring out of the registry', () => {
		const odd: unknown[] = [undefined, null, true, 0, -1.5, Number.MAX_VALUE, '', ' ', 'x'.repeat(3000), '😀', [], [null], [{}], {}, { nik: 1 }, { kecamatan: [] }, [[]]];
		const codes = new Set<string>();
		for (const service of SERVICES) {
			if (service.mode !== 'online') continue;
			const names = service.steps.flatMap((step) => step.fields.map((field) => field.name));
			for (const value of odd) {
				for (const name of names) for (const code of Object.values(flatErrors(service, { [name]: value }))) codes.add(code);
				for (const code of Object.values(flatErrors(service, value as Answers))) codes.add(code);
			}
		}
		expect([...codes].filter((code) => !isAnswerCode(code))).toEqual([]);
		expect(codes.has('type') && codes.has('required')).toBe(true);
	});

	it('include every pattern code the catalog names', () => {
		const walk = (fields: Field[]): string[] =>
			fields.flatMap((field) => (field.type === 'group' ? walk(field.fields) : field.type === 'text' || field.type === 'textarea' ? [field.patternCode ?? 'pattern'] : []));
		const named = SERVICES.flatMap((service) => (service.mode === 'online' ? service.steps.flatMap((step) => walk(step.fields)) : []));
		expect(named.filter((code) => !isAnswerCode(code))).toEqual([]);
	});

	it('are what catalog.json gives the server', () => {
		expect(json('pocketbase/internal/catalog/catalog.json').answerCodes).toEqual([...ANSWER_CODES]);
	});
});
