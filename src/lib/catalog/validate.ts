import * as v from 'valibot';
import { conditionFields } from './conditions';
import type { AnswerCode } from './codes';
import { conditionHolds, emptyAnswers, objectSchema, unknownKeys } from './registry';
import type { Answers, Condition, DocumentRequirement, OnlineService, Step } from './types';

/** Field path ("mother.nik", "witnesses.0.name") → error code. */
export type FieldErrors = Record<string, string>;

/**
 * addError keeps the first code of a path as an own property of the errors. A plain assignment
 * would lose a `__proto__` path (it sets the object's prototype instead) and `??=` would see an
 * inherited `constructor` as already set.
 */
function addError(errors: FieldErrors, path: string, code: string): void {
	if (!Object.hasOwn(errors, path)) Object.defineProperty(errors, path, { value: code, enumerable: true, writable: true, configurable: true });
}

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
		addError(errors, v.getDotPath(issue) ?? '', issue.message);
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

const keysSchemaCache = new WeakMap<OnlineService, v.GenericSchema<unknown, unknown>>();

/**
 * answerKeysSchema is the valibot rule of the keys of a service's answers as a whole: every key
 * the form does not have (registry.ts `unknownKeys`) is an `unknown_key` issue at its path. The
 * step schemas cannot tell, as each step sees the answers of every step.
 */
export function answerKeysSchema(service: OnlineService): v.GenericSchema<unknown, unknown> {
	let schema = keysSchemaCache.get(service);
	if (!schema) {
		const fields = service.steps.flatMap((step) => step.fields);
		schema = v.pipe(
			v.unknown(),
			v.rawCheck(({ dataset, addIssue }) => {
				for (const path of unknownKeys(fields, dataset.value)) {
					addIssue({
						message: 'unknown_key' satisfies AnswerCode,
						path: path.map((key) => ({ type: 'object', origin: 'key', input: {}, key, value: undefined })) as unknown as v.IssuePathItem[] as never
					});
				}
			})
		);
		keysSchemaCache.set(service, schema);
	}
	return schema;
}

/** validateAnswerKeys gives `unknown_key` at the path of every key of the answers that the service's form does not have. */
export function validateAnswerKeys(service: OnlineService, answers: unknown): FieldErrors {
	const result = v.safeParse(answerKeysSchema(service), answers);
	const errors: FieldErrors = {};
	for (const issue of result.issues ?? []) {
		addError(errors, v.getDotPath(issue) ?? '', issue.message);
	}
	return errors;
}

/**
 * formAnswers is the answers without the keys that the service's form does not have (an answer to
 * a field that an older version of the catalog asked, for example): what the phone sends, so the
 * server never refuses with `unknown_key` what a resident typed. Hidden conditional fields are the
 * form's own and stay.
 */
export function formAnswers(service: OnlineService, answers: Answers): Answers {
	const paths = unknownKeys(service.steps.flatMap((step) => step.fields), answers);
	if (paths.length === 0) return answers;
	const copy = structuredClone(answers);
	for (const path of paths) {
		const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
		delete parent[path[path.length - 1]];
	}
	return copy;
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
