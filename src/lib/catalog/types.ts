/**
 * The service catalog as data. Everything here is plain JSON-able data (no functions), so the
 * same definitions can be exported for the server's validation (DESIGN.md "Validation: one source").
 */

import type { AnswerCode } from './codes';

/** A text in Indonesian and English; the catalog's own i18n (messages/ holds the app's UI texts). */
export interface Localized {
	id: string;
	en: string;
}

/**
 * A field is shown (or a document asked for) only when its condition holds. The kinds
 * (src/lib/catalog/conditions.ts, and the same in the Go server):
 * - an answer: the answer at `field` (a field name of the same service, or `group.field` inside a
 *   repeatable group item) is one of `in`;
 * - an age: someone born on the date at `birth` is younger than `ageUnder` whole years on the date
 *   at `on` (both valid dates; otherwise the condition does not hold);
 * - days since: at least `atLeastDays` days (a number, or the name of a number setting) lie between
 *   the date at `daysSince` and today in Balikpapan;
 * - a setting of the office (settings.ts) has one of the values `in`;
 * - `any` of some conditions, or `all` of them.
 */
export type Condition = AnswerCondition | AgeCondition | DaysSinceCondition | SettingCondition | AnyCondition | AllCondition;

export interface AnswerCondition {
	field: string;
	in: (string | boolean)[];
}

export interface AgeCondition {
	birth: string;
	on: string;
	ageUnder: number;
}

export interface DaysSinceCondition {
	daysSince: string;
	atLeastDays: number | string;
}

export interface SettingCondition {
	setting: string;
	in: (string | number | boolean)[];
}

export interface AnyCondition {
	any: Condition[];
}

export interface AllCondition {
	all: Condition[];
}

export interface ChoiceOption {
	value: string;
	label: Localized;
}

interface FieldCommon {
	/** Key in the answers object: lower_snake_case, unique within the service. */
	name: string;
	label: Localized;
	hint?: Localized;
	/** Required unless false. A hidden (conditional) field is never required. */
	required?: boolean;
	when?: Condition;
}

export interface TextField extends FieldCommon {
	type: 'text' | 'textarea';
	maxLength?: number;
	/** A regular expression the answer must match (JSON-able; the server uses it too). */
	pattern?: string;
	/** The code (from codes.ts) when the pattern does not match, if more precise than `pattern`. */
	patternCode?: AnswerCode;
}

export interface SimpleField extends FieldCommon {
	type: 'nik' | 'kk' | 'phone';
}

export interface DateField extends FieldCommon {
	type: 'date';
	/** Dates after today are refused (a birth, a death, a court decision). */
	past?: boolean;
}

export interface TimeField extends FieldCommon {
	type: 'time';
}

export interface NumberField extends FieldCommon {
	type: 'number';
	min?: number;
	max?: number;
	/** Whole numbers only unless set. */
	decimals?: boolean;
	unit?: Localized;
}

export interface ChoiceField extends FieldCommon {
	type: 'choice';
	options: ChoiceOption[];
}

/** yes or no, stored as the string 'yes' or 'no' (conditions name those values). */
export interface YesNoField extends FieldCommon {
	type: 'yesno';
}

/** A person: NIK, name, date of birth and sex (the parts can be limited with `parts`). */
export interface PersonField extends FieldCommon {
	type: 'person';
	parts?: PersonPart[];
}
export type PersonPart = 'nik' | 'name' | 'birth_date' | 'sex';

/** An address in Kota Balikpapan: kecamatan, kelurahan, RT, RW, street. */
export interface AddressField extends FieldCommon {
	type: 'address';
}

/** A repeatable group (witnesses, family members): each item answers the same fields. */
export interface GroupField extends FieldCommon {
	type: 'group';
	fields: Field[];
	min: number;
	max: number;
	itemLabel: Localized;
}

export type Field =
	| TextField
	| SimpleField
	| DateField
	| TimeField
	| NumberField
	| ChoiceField
	| YesNoField
	| PersonField
	| AddressField
	| GroupField;

export type FieldType = Field['type'];

/** One topic per page (GOV.UK): a step of the form. */
export interface Step {
	id: string;
	title: Localized;
	hint?: Localized;
	fields: Field[];
}

/** A document the office needs, photographed or picked as a PDF. */
export interface DocumentRequirement {
	/** Requirement code, stored as `documents.kind`. */
	code: string;
	name: Localized;
	/** What a good photo of it looks like. */
	photoHint: Localized;
	required?: boolean;
	/** Asked for only when the condition holds (then it is required unless required is false). */
	when?: Condition;
	/** How many files (pages, sides) it may have: the server refuses more. 1 when unset. */
	maxFiles?: number;
	/** When a conditional document is asked for, in the resident's words ("if you rent"), for the service page. */
	asked?: Localized;
}

/** A deadline from the date of the event: late applications get a notice, never a refusal. */
export interface Deadline {
	days: number;
	/** A number setting of the office that replaces `days` (settings.ts), for a deadline still to confirm. */
	daysSetting?: string;
	/** The date field the deadline counts from. */
	from: string;
	notice: Localized;
}

interface ServiceCommon {
	code: string;
	name: Localized;
	description: Localized;
	/** Who may apply. */
	eligibility: Localized;
	/** What helps residents of this service (shared/DOMAIN.md "What residents should be told"). */
	notes?: Localized[];
}

export interface OnlineService extends ServiceCommon {
	mode: 'online';
	steps: Step[];
	documents: DocumentRequirement[];
	deadline?: Deadline;
	/**
	 * The field holding the subject of the application (copied to subject_nik / subject_name);
	 * `nikWhenHidden` is the NIK read when the field of `nik` is hidden (a foundling has no known mother).
	 */
	subject: { nik: string; name: string; nikWhenHidden?: string };
	/** A person field (with nik and name parts) prefilled from the signed-in resident's profile. */
	applicant?: string;
}

export interface InPersonService extends ServiceCommon {
	mode: 'in_person';
	why: Localized;
	bring: Localized[];
}

export type Service = OnlineService | InPersonService;

/** Answers of one application: field name → value (objects for person/address, arrays for groups). */
export type Answers = Record<string, unknown>;
