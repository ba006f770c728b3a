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
