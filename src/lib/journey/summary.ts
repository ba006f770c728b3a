import type { Answers, Field, OnlineService, PersonPart } from '$lib/catalog';
import { KECAMATAN } from '$lib/catalog/districts';
import { conditionHolds, isValidIsoDate } from '$lib/catalog/registry';
import { getLocale, m } from '$lib/i18n';
import { localize } from '$lib/i18n/localize';
import { plainDate } from '$lib/i18n/dates';

/** One row of the "check your answers" page. */
export interface SummaryRow {
	key: string;
	label: string;
	value: string;
	/** The step to change it on. */
	step: string;
}

function formatDate(value: string): string {
	return isValidIsoDate(value) ? plainDate(value, getLocale()) : value;
}

/** displayValue writes an answer as a resident reads it back; an empty answer is an empty string. */
export function displayValue(field: Field, value: unknown): string {
	if (value === undefined || value === null || value === '') return '';
	switch (field.type) {
		case 'choice':
			return localize(field.options.find((option) => option.value === value)?.label ?? { id: String(value), en: String(value) });
		case 'yesno':
			return value === 'yes' ? m.yes() : value === 'no' ? m.no() : '';
		case 'date':
			return formatDate(String(value));
		case 'number':
			return field.unit ? `${value} ${localize(field.unit)}` : String(value);
		case 'person': {
			const person = value as Partial<Record<PersonPart, string>>;
			return [
				person.name,
				person.nik ? `NIK ${person.nik}` : '',
				person.birth_date ? formatDate(person.birth_date) : '',
				person.sex === 'M' ? m.sex_m() : person.sex === 'F' ? m.sex_f() : ''
			]
				.filter(Boolean)
				.join(', ');
		}
		case 'address': {
			const address = value as Record<string, string>;
			const kecamatan = KECAMATAN.find((k) => k.code === address.kecamatan)?.name ?? '';
			const rtRw = address.rt || address.rw ? `RT ${address.rt || '-'}/RW ${address.rw || '-'}` : '';
			return [address.street, rtRw, address.kelurahan, kecamatan].filter(Boolean).join(', ');
		}
		case 'group': {
			const items = Array.isArray(value) ? (value as Answers[]) : [];
			return items
				.map((item, index) => {
					const parts = field.fields.map((child) => displayValue(child, item[child.name])).filter(Boolean);
					return `${localize(field.itemLabel)} ${index + 1}: ${parts.join(', ')}`;
				})
				.join('\n');
		}
		default:
			return String(value);
	}
}

/** summaryRows lists every shown question of a service with its answer, step by step. */
export function summaryRows(service: OnlineService, answers: Answers): SummaryRow[] {
	return service.steps.flatMap((step) =>
		step.fields
			.filter((field) => conditionHolds(field.when, answers))
			.map((field) => ({ key: field.name, label: localize(field.label), value: displayValue(field, answers[field.name]), step: step.id }))
	);
}

/**
 * changedSinceSent lists the questions (top-level answer names) whose answers differ from what
 * was last sent: the office's copy of a correction, or the refused answers of a fixed application.
 * An application never sent has none.
 */
export function changedSinceSent(application: { answers: Answers; correction?: { baseAnswers: Answers }; refusal?: { answers: Answers } }): Set<string> {
	const base = application.correction?.baseAnswers ?? application.refusal?.answers;
	if (!base) return new Set();
	const names = new Set([...Object.keys(base), ...Object.keys(application.answers)]);
	return new Set([...names].filter((name) => JSON.stringify(base[name] ?? null) !== JSON.stringify(application.answers[name] ?? null)));
}

/**
 * pagesReordered tells whether the files of one document that the office already has are now in
 * another order than when it was sent (`sent`: the ids the office has, in their page order;
 * `files`: the document's files as they stand, in page order). New and removed files do not count.
 */
export function pagesReordered(sent: readonly string[], files: readonly { id: string }[]): boolean {
	const kept = files.map((file) => file.id).filter((id) => sent.includes(id));
	const before = sent.filter((id) => kept.includes(id));
	return kept.some((id, index) => id !== before[index]);
}
