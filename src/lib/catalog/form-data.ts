import { emptyAnswer } from './registry';
import type { Answers, Field, Step } from './types';

/** The nested objects and lists of a form's answers, by field name (superforms' "shape"). */
export interface AnswerShape {
	[name: string]: AnswerShape;
}

/**
 * stepAnswers is what a step's form starts with: each of its fields' answer, or the field's blank
 * value (registry.ts `emptyAnswer`) where there is none yet (a field a newer catalog added). The
 * answers to other steps are not in it.
 */
export function stepAnswers(step: Step, answers: Answers): Answers {
	return Object.fromEntries(step.fields.map((field) => [field.name, answers[field.name] ?? emptyAnswer(field)]));
}

/**
 * answerShape tells where answers to these fields are objects (a person, an address) or lists of
 * entries (a group, with the shape of an entry's fields), as superforms derived it from the step's
 * schema before: an error of a whole object or list is placed there as `{ _errors }`. Conditional
 * fields count too.
 */
export function answerShape(fields: readonly Field[]): AnswerShape {
	const shape: AnswerShape = {};
	for (const field of fields) {
		if (field.type === 'person' || field.type === 'address') shape[field.name] = {};
		else if (field.type === 'group') shape[field.name] = answerShape(field.fields);
	}
	return shape;
}
