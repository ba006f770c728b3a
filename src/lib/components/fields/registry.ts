import type { Component } from 'svelte';
import type { FieldType } from '$lib/catalog';
import FieldAddress from './FieldAddress.svelte';
import FieldChoice from './FieldChoice.svelte';
import FieldGroup from './FieldGroup.svelte';
import FieldInput from './FieldInput.svelte';
import FieldPerson from './FieldPerson.svelte';
import type { FieldProps } from './types';

/** The component of each catalog field type; the valibot rules are in lib/catalog/registry.ts. */
export const FIELD_COMPONENTS: Record<FieldType, Component<FieldProps>> = {
	text: FieldInput,
	textarea: FieldInput,
	nik: FieldInput,
	kk: FieldInput,
	phone: FieldInput,
	number: FieldInput,
	date: FieldInput,
	time: FieldInput,
	choice: FieldChoice,
	yesno: FieldChoice,
	person: FieldPerson,
	address: FieldAddress,
	group: FieldGroup
};

/** fieldComponent returns the component of a field type and fails loudly on an unknown one. */
export function fieldComponent(type: string): Component<FieldProps> {
	const component = (FIELD_COMPONENTS as Record<string, Component<FieldProps> | undefined>)[type];
	if (!component) throw new Error(`catalog: no component for field type "${type}"`);
	return component;
}
