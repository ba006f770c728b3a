import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '$lib/catalog/registry';
import { FIELD_COMPONENTS, fieldComponent } from './registry';

describe('field components registry', () => {
	it('has a component for every field type of the catalog, and no other', () => {
		expect(Object.keys(FIELD_COMPONENTS).sort()).toEqual([...FIELD_TYPES].sort());
		for (const type of FIELD_TYPES) expect(fieldComponent(type)).toBeTypeOf('function');
	});

	it('fails loudly on an unknown type', () => {
		expect(() => fieldComponent('signature')).toThrow(/no component for field type "signature"/);
	});
});
