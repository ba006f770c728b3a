import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { valibotClient } from 'sveltekit-superforms/adapters';
import { registerSchema, signInSchema } from '$lib/accounts/schemas';
import { SERVICES } from '$lib/catalog';
import { stepSchema } from '$lib/catalog/validate';
import type { OnlineService } from '$lib/catalog';
import { initialForm, valibotValidator } from './superform';

const ONLINE = SERVICES.filter((service): service is OnlineService => service.mode === 'online');

describe('valibotValidator', () => {
	it("answers what superforms' valibotClient answers: the data, or each issue's code at its path", async () => {
		const cases: [v.GenericSchema, unknown][] = [
			[signInSchema, { identity: ' siti@contoh.id ', password: 'x' }],
			[signInSchema, { identity: '', password: '' }],
			[registerSchema, { name: 'Siti', nik: '1', phone: '', email: 'siti', password: 'rahasia123', passwordConfirm: 'lain' }]
		];
		// every step of the catalog, blank and with answers of the wrong type (nested paths, lists)
		for (const service of ONLINE) {
			for (const step of service.steps) {
				const schema = stepSchema(step) as v.GenericSchema;
				cases.push([schema, {}]);
				cases.push([schema, Object.fromEntries(step.fields.map((field) => [field.name, field.type === 'group' ? [{}] : field.type === 'person' || field.type === 'address' ? { nik: 5 } : 7]))]);
			}
		}
		let failures = 0;
		for (const [schema, data] of cases) {
			const ours = await valibotValidator(schema).validate(data);
			expect(ours).toEqual(await valibotClient(schema).validate(data));
			if (!ours.success) failures++;
		}
		expect(failures).toBeGreaterThan(cases.length / 2);
		const nested = await valibotValidator(registerSchema).validate({ name: '', nik: '', phone: '', email: '', password: '', passwordConfirm: '' });
		expect(nested.success ? [] : nested.issues.map((issue) => issue.path)).toContainEqual(['nik']);
	});
});

describe('initialForm', () => {
	it('is a form not yet sent: this data, no errors, its own id and shape', () => {
		expect(initialForm('sign-in', { identity: '' }, { who: {} })).toEqual({
			id: 'sign-in',
			valid: false,
			posted: false,
			errors: {},
			data: { identity: '' },
			shape: { who: {} }
		});
		expect(initialForm('x', {}).shape).toEqual({});
	});
});
