import { describe, expect, it } from 'vitest';
import { valibot } from 'sveltekit-superforms/adapters';
import { SERVICES } from './index';
import { answerShape, stepAnswers } from './form-data';
import { stepSchema } from './validate';
import type { Field, OnlineService, Step } from './types';

const ONLINE = SERVICES.filter((service): service is OnlineService => service.mode === 'online');

const step: Step = {
	id: 'people',
	title: { id: 'Orang', en: 'People' },
	fields: [
		{ name: 'reason', type: 'text', label: { id: 'Alasan', en: 'Reason' } },
		{ name: 'mother', type: 'person', parts: ['nik', 'name'], label: { id: 'Ibu', en: 'Mother' } },
		{ name: 'home', type: 'address', label: { id: 'Alamat', en: 'Address' }, when: { field: 'reason', in: ['pindah'] } },
		{
			name: 'witnesses',
			type: 'group',
			min: 2,
			max: 3,
			label: { id: 'Saksi', en: 'Witnesses' },
			itemLabel: { id: 'Saksi', en: 'Witness' },
			fields: [
				{ name: 'who', type: 'person', label: { id: 'Saksi', en: 'Witness' } },
				{ name: 'note', type: 'text', label: { id: 'Catatan', en: 'Note' } }
			]
		}
	]
};

/** The fields without the conditional ones (and so in the entries of a list): superforms' JSON schema has only these. */
function shown(fields: readonly Field[]): Field[] {
	return fields.filter((field) => !field.when).map((field) => (field.type === 'group' ? { ...field, fields: shown(field.fields) } : field));
}

describe('stepAnswers', () => {
	it("keeps the step's answers, fills a field without one with its blank, and leaves other steps out", () => {
		const mother = { nik: '6471055205900002', name: 'Siti' };
		expect(stepAnswers(step, { reason: 'pindah', mother, other_step: 'x' })).toEqual({
			reason: 'pindah',
			mother,
			home: { kecamatan: '', kelurahan: '', rt: '', rw: '', street: '' },
			witnesses: [
				{ who: { nik: '', name: '', birth_date: '', sex: '' }, note: '' },
				{ who: { nik: '', name: '', birth_date: '', sex: '' }, note: '' }
			]
		});
		expect(stepAnswers(step, { reason: null, witnesses: [] })).toMatchObject({ reason: '', witnesses: [] });
	});

	it('starts every step of the catalog from answers its schema can check', () => {
		for (const service of ONLINE) for (const serviceStep of service.steps) expect(Object.keys(stepAnswers(serviceStep, {}))).toEqual(serviceStep.fields.map((field) => field.name));
	});
});

describe('answerShape', () => {
	it('marks people, addresses and lists (with their entries), conditional ones too', () => {
		expect(answerShape(step.fields)).toEqual({ mother: {}, home: {}, witnesses: { who: {} } });
	});

	it("is the shape superforms derived from every catalog step's JSON schema", () => {
		let nested = 0;
		for (const service of ONLINE) {
			for (const serviceStep of service.steps) {
				const shape = answerShape(shown(serviceStep.fields));
				nested += Object.keys(shape).length;
				expect(shape, `${service.code}/${serviceStep.id}`).toEqual(valibot(stepSchema(serviceStep) as never).shape);
			}
		}
		expect(nested).toBeGreaterThan(5);
	});
});
