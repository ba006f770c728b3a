import type { Field, PersonPart, Step } from '$lib/catalog';
import { m } from '$lib/i18n';
import { localize } from '$lib/i18n/localize';

const PERSON_PART_LABELS: Record<PersonPart, () => string> = {
	nik: m.part_nik,
	name: m.part_name,
	birth_date: m.part_birth_date,
	sex: m.part_sex
};
const ADDRESS_PART_LABELS: Record<string, () => string> = {
	kecamatan: m.part_kecamatan,
	kelurahan: m.part_kelurahan,
	rt: m.part_rt,
	rw: m.part_rw,
	street: m.part_street
};

export interface PathLabel {
	label: string;
	min?: number;
	max?: number;
}

/**
 * labelOfPath names the field at a dot path for an error message that stands on its own (the
 * error summary): "NIK (Ibu)", "Nama saksi (Saksi 2)".
 */
export function labelOfPath(step: Step, path: string): PathLabel {
	return labelIn(step.fields, path.split('.'));
}

function labelIn(fields: Field[], [name, ...rest]: string[]): PathLabel {
	const field = fields.find((candidate) => candidate.name === name);
	if (!field) return { label: name };
	const label = localize(field.label);
	if (rest.length === 0) {
		if (field.type === 'number') return { label, min: field.min, max: field.max };
		if (field.type === 'group') return { label, min: field.min, max: field.max };
		return { label };
	}
	if (field.type === 'person') {
		const part = PERSON_PART_LABELS[rest[0] as PersonPart];
		return { label: part ? `${part()} (${label})` : label };
	}
	if (field.type === 'address') {
		const part = ADDRESS_PART_LABELS[rest[0]];
		return { label: part ? part() : label };
	}
	if (field.type === 'group') {
		const [index, ...inner] = rest;
		const item = labelIn(field.fields, inner);
		return { ...item, label: `${item.label} (${localize(field.itemLabel)} ${Number(index) + 1})` };
	}
	return { label };
}
