import * as v from 'valibot';
import { conditionFields } from './conditions';
import { conditionHolds, emptyAnswers, objectSchema } from './registry';
import type { Answers, Condition, DocumentRequirement, OnlineService, Step } from './types';

/** Field path ("mother.nik", "witnesses.0.name") → error code. */
export type FieldErrors = Record<string, string>;

const schemaCache = new WeakMap<Step, ReturnType<typeof objectSchema>>();

/** stepSchema is the valibot schema of one step, as superforms uses it. */
export function stepSchema(step: Step) {
	let schema = schemaCache.get(step);
	if (!schema) {
		schema = objectSchema(step.fields);
		schemaCache.set(step, schema);
	}
	return schema;
}

/** validateStep checks the answers of one step and returns the first error of each field path. */
export function validateStep(step: Step, answers: Answers): FieldErrors {
	const result = v.safeParse(stepSchema(step), answers);
	if (result.success) return {};
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const path = v.getDotPath(issue) ?? '';
		errors[path] ??= issue.message;
	}
	return errors;
}

/** validateAnswers checks every step of a service; the errors are keyed by step id. */
export function validateAnswers(service: OnlineService, answers: Answers): Record<string, FieldErrors> {
	const out: Record<string, FieldErrors> = {};
	for (const step of service.steps) {
		const errors = validateStep(step, answers);
		if (Object.keys(errors).length > 0) out[step.id] = errors;
	}
	return out;
}

/** blankAnswers is what a new application of a service starts with. */
export function blankAnswers(service: OnlineService): Answers {
	return Object.assign({}, ...service.steps.map((step) => emptyAnswers(step.fields)));
}

/**
 * conditionApplies tells whether a condition holds and the fields it reads are themselves shown (and
 * so on up the chain): the stale answer of a field hidden by a later change asks for nothing.
 * Example: in pindah-keluar the owner's letter depends on the housing at the destination, which is
 * asked only for a destination within the city. Of `any` and `all`, each part is judged so.
 */
export function conditionApplies(service: OnlineService, condition: Condition | undefined, answers: Answers, seen: ReadonlySet<string> = new Set()): boolean {
	if (!condition) return true;
	if ('any' in condition) return condition.any.some((part) => conditionApplies(service, part, answers, seen));
	if ('all' in condition) return condition.all.every((part) => conditionApplies(service, part, answers, seen));
	if (!conditionHolds(condition, answers)) return false;
	for (const name of conditionFields(condition)) {
		if (seen.has(name)) continue;
		const field = service.steps.flatMap((step) => step.fields).find((candidate) => candidate.name === name);
		if (field?.when && !conditionApplies(service, field.when, answers, new Set([...seen, name]))) return false;
	}
	return true;
}

/** fileLimit is how many files (pages, sides) a document may have (maxFiles, at least 1). */
export function fileLimit(requirement: DocumentRequirement): number {
	return Math.max(1, requirement.maxFiles ?? 1);
}

/** documentsAskedFor lists the requirements that apply to these answers. */
export function documentsAskedFor(service: OnlineService, answers: Answers): DocumentRequirement[] {
	return service.documents.filter((requirement) => conditionApplies(service, requirement.when, answers));
}

/** missingDocuments lists the required documents not yet attached (kinds = the attached requirement codes). */
export function missingDocuments(service: OnlineService, answers: Answers, kinds: Iterable<string>): DocumentRequirement[] {
	const attached = new Set(kinds);
	return documentsAskedFor(service, answers).filter((requirement) => requirement.required !== false && !attached.has(requirement.code));
}
