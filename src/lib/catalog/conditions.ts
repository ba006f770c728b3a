import { isValidIsoDate, todayInBalikpapan } from './registry';
import { currentSettings, type SettingValues } from './settings';
import type { Answers, Condition } from './types';

/**
 * The conditions of the catalog (types.ts Condition), evaluated as the Go server does
 * (pocketbase/internal/catalog/catalog_conditions.go); the shared vectors prove that both agree.
 * A condition reads the answers around it, today in Balikpapan, and the office's settings.
 */

/** What a condition is evaluated against, besides the answers. */
export interface Evaluation {
	/** YYYY-MM-DD; today in Asia/Makassar unless set. */
	today?: string;
	settings?: SettingValues;
}

let pinned: Evaluation = {};

/** withEvaluation runs fn with a fixed today and settings (the shared vectors use it). */
export function withEvaluation<T>(evaluation: Evaluation, fn: () => T): T {
	const before = pinned;
	pinned = evaluation;
	try {
		return fn();
	} finally {
		pinned = before;
	}
}

/** answerAt reads the answer at a dotted path ("mother.nik", "movers.0.name"), or undefined. */
export function answerAt(answers: Answers, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as Answers | undefined)?.[key], answers);
}

/** The date at a path, trimmed, as [year, month, day]; undefined unless a valid YYYY-MM-DD. */
function dateAt(answers: Answers, path: string): [number, number, number] | undefined {
	const value = answerAt(answers, path);
	if (typeof value !== 'string') return undefined;
	const date = value.trim();
	if (!isValidIsoDate(date)) return undefined;
	return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** ageOn is the age in whole years on a day of someone born on another: the birthday counts. */
export function ageOn(birth: [number, number, number], on: [number, number, number]): number {
	const [by, bm, bd] = birth;
	const [oy, om, od] = on;
	return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

function dayNumber([y, m, d]: [number, number, number]): number {
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The names of the answers a condition reads (top-level field names), for conditionApplies. */
export function conditionFields(condition: Condition): string[] {
	if ('field' in condition) return [condition.field.split('.')[0]];
	if ('birth' in condition) return [condition.birth.split('.')[0], condition.on.split('.')[0]];
	if ('daysSince' in condition) return [condition.daysSince.split('.')[0]];
	if ('any' in condition) return condition.any.flatMap(conditionFields);
	if ('all' in condition) return condition.all.flatMap(conditionFields);
	return [];
}

/**
 * conditionMayHold tells whether some answers could make the condition hold under the settings in
 * force: false only when settings alone rule it out (the services page lists only the documents
 * that the office can ask for).
 */
export function conditionMayHold(condition: Condition | undefined): boolean {
	if (!condition) return true;
	if ('setting' in condition) return conditionHolds(condition, {});
	if ('any' in condition) return condition.any.some(conditionMayHold);
	if ('all' in condition) return condition.all.every(conditionMayHold);
	return true;
}

/** conditionHolds tells whether a field with this condition is shown, given the answers around it. */
export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
	if (!condition) return true;
	if ('field' in condition) return condition.in.includes(answerAt(answers, condition.field) as string | boolean);
	if ('setting' in condition) {
		const settings = pinned.settings ?? currentSettings();
		return condition.in.includes(settings[condition.setting]);
	}
	if ('birth' in condition) {
		const birth = dateAt(answers, condition.birth);
		const on = dateAt(answers, condition.on);
		return !!birth && !!on && ageOn(birth, on) < condition.ageUnder;
	}
	if ('daysSince' in condition) {
		const from = dateAt(answers, condition.daysSince);
		const today = dateAt({ today: pinned.today ?? todayInBalikpapan() }, 'today');
		const settings = pinned.settings ?? currentSettings();
		const days = typeof condition.atLeastDays === 'number' ? condition.atLeastDays : settings[condition.atLeastDays];
		return !!from && !!today && typeof days === 'number' && dayNumber(today) - dayNumber(from) >= days;
	}
	if ('any' in condition) return condition.any.some((item) => conditionHolds(item, answers));
	if ('all' in condition) return condition.all.every((item) => conditionHolds(item, answers));
	return false;
}
