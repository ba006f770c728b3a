import { describe, expect, it } from 'vitest';
import { onlineService, SERVICES } from './index';
import { emptyAnswers } from './registry';
import { validBirth } from './services/akta-kelahiran.fixtures';
import type { OnlineService } from './types';
import { blankAnswers, formAnswers, validateAnswerKeys } from './validate';

// unknown_key: a key the service's form does not have is refused (the Go validator, by the shared
// vectors, the same); what the app itself builds never has one.

const online = SERVICES.filter((service): service is OnlineService => service.mode === 'online');

describe('unknown_key', () => {
	it('is given at the path of a key beside the fields, beside a person\'s parts, and in a list entry', () => {
		const birth = onlineService('akta-kelahiran')!;
		expect(validateAnswerKeys(birth, validBirth)).toEqual({});
		expect(validateAnswerKeys(birth, { ...validBirth, pertanyaan_lama: 'ya', constructor: 1 })).toEqual({ pertanyaan_lama: 'unknown_key', constructor: 'unknown_key' });
		const person = Object.entries(validBirth).find(([, value]) => value && typeof value === 'object' && !Array.isArray(value))!;
		expect(validateAnswerKeys(birth, { ...validBirth, [person[0]]: { ...(person[1] as object), hobi: 'x' } })).toEqual({ [`${person[0]}.hobi`]: 'unknown_key' });
		const kk = onlineService('kk-baru')!;
		const members = kk.steps.flatMap((step) => step.fields).find((field) => field.type === 'group')!;
		expect(validateAnswerKeys(kk, { [members.name]: [{ catatan: 'x' }] })).toEqual({ [`${members.name}.0.catatan`]: 'unknown_key' });
		// a value of the wrong type is the field rule's business
		expect(validateAnswerKeys(kk, { [members.name]: 'Budi' })).toEqual({});
	});

	describe('a __proto__ key (refused by the server like any other)', () => {
		const birth = onlineService('akta-kelahiran')!;
		const kk = onlineService('kk-baru')!;
		const members = kk.steps.flatMap((step) => step.fields).find((field) => field.type === 'group')!;
		const [personName, person] = Object.entries(validBirth).find(([, value]) => value && typeof value === 'object' && !Array.isArray(value))!;
		const address = birth.steps.flatMap((step) => step.fields).find((field) => field.type === 'address')!;
		/** The answers as the server reads them: JSON.parse makes "__proto__" an own key. */
		const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;
		const withProto = <T extends object>(object: T, value: unknown): T =>
			Object.defineProperty({ ...object }, '__proto__', { value, enumerable: true, writable: true, configurable: true });

		it('is refused beside the fields, from parsed JSON and from Object.defineProperty', () => {
			const fromJson = parsed(`{"__proto__": {"admin": true}, ${JSON.stringify(validBirth).slice(1)}`);
			expect(Object.keys(fromJson)).toContain('__proto__');
			expect(Object.entries(validateAnswerKeys(birth, fromJson))).toEqual([['__proto__', 'unknown_key']]);
			expect(Object.entries(validateAnswerKeys(birth, withProto(validBirth, 'x')))).toEqual([['__proto__', 'unknown_key']]);
			// an object literal only sets the prototype: no key, nothing to refuse
			expect(validateAnswerKeys(birth, { ...validBirth, __proto__: { admin: true } })).toEqual({});
		});

		it('is refused beside a person\'s parts and an address\'s parts', () => {
			expect(Object.entries(validateAnswerKeys(birth, { ...validBirth, [personName]: withProto(person as object, 'x') }))).toEqual([[`${personName}.__proto__`, 'unknown_key']]);
			const addressJson = parsed(`{"${address.name}": {"__proto__": {"kecamatan": "64.72.01"}}}`);
			expect(Object.entries(validateAnswerKeys(birth, { ...validBirth, ...addressJson }))).toEqual([[`${address.name}.__proto__`, 'unknown_key']]);
		});

		it('is refused in a list entry', () => {
			const answers = parsed(`{"${members.name}": [{"__proto__": "x"}]}`);
			expect(Object.entries(validateAnswerKeys(kk, answers))).toEqual([[`${members.name}.0.__proto__`, 'unknown_key']]);
		});

		it('is left out by formAnswers, without touching the prototype of the copy', () => {
			const stale = withProto(validBirth, { admin: true });
			const sent = formAnswers(birth, stale);
			expect(Object.keys(sent)).not.toContain('__proto__');
			expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
			expect(sent).toEqual(validBirth);
			expect(JSON.stringify(sent)).not.toContain('__proto__');
		});
	});

	it('never comes out of what the app builds: blank answers, hidden conditional fields included, and new list entries', () => {
		for (const service of online) {
			const blank = blankAnswers(service);
			expect(validateAnswerKeys(service, blank), service.code).toEqual({});
			expect(formAnswers(service, blank), service.code).toBe(blank);
			for (const group of service.steps.flatMap((step) => step.fields)) {
				if (group.type !== 'group') continue;
				expect(validateAnswerKeys(service, { ...blank, [group.name]: [emptyAnswers(group.fields)] }), `${service.code} ${group.name}`).toEqual({});
			}
		}
	});

	it('formAnswers leaves out only the keys the form does not have', () => {
		const birth = onlineService('akta-kelahiran')!;
		const stale = { ...validBirth, pertanyaan_lama: 'ya' };
		expect(formAnswers(birth, stale)).toEqual(validBirth);
		expect(stale).toHaveProperty('pertanyaan_lama');
	});
});
