/**
 * The office calendar: on which morning the office will process an application.
 *
 * Applications are accepted 24 hours a day. The morning intake runs at the office's intake time
 * (default 07:30 Asia/Makassar, WITA) on every working day and moves every `submitted` application
 * to `queued`. A working day is Monday to Friday, minus the dates that `office_days` marks as
 * `holiday` or `cuti_bersama`, plus the dates it marks as `extra_working_day`.
 *
 * The rule: an application submitted at instant T is processed at the first intake instant strictly
 * after T. So T before the intake time (e.g. 07:29:59.999) on a working day makes that same
 * morning's intake, while T at the intake time exactly (07:30:00.000) or later goes to the next
 * working day's intake.
 *
 * Only the dates that staff entered in `office_days` are known: a year whose holidays are not
 * entered yet (2027 when this was written) is treated as plain Monday to Friday.
 *
 * The same rule is implemented in Go (pocketbase/internal/office); the shared vectors in
 * tests/fixtures/office-calendar.json keep the two identical.
 */
import { TZDateMini } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { longDateAt } from '../i18n/dates';

/** The office's time zone (WITA, UTC+8, no daylight saving time). */
export const OFFICE_TIME_ZONE = 'Asia/Makassar';

/** The default time of the morning intake, as HH:MM in the office's time zone. */
export const DEFAULT_INTAKE_TIME = '07:30';

/** One exception to "Monday to Friday", as stored in the `office_days` collection. */
export interface OfficeDay {
	/** The day in the office's time zone, YYYY-MM-DD. */
	date: string;
	kind: 'holiday' | 'cuti_bersama' | 'extra_working_day';
	name: string;
}

/** Options of nextProcessingMorning. */
export interface CalendarOptions {
	/** The time of the morning intake, HH:MM (24-hour clock); empty or absent means DEFAULT_INTAKE_TIME. */
	intakeTime?: string;
	/** The IANA time zone of the office; default OFFICE_TIME_ZONE. */
	timeZone?: string;
}

/** The morning on which an application will be processed. */
export interface ProcessingMorning {
	/** The working day, YYYY-MM-DD in the office's time zone. */
	processDate: string;
	/** The instant of that day's intake. */
	intakeAt: Date;
}

// An office closes on any date with a closing entry, even if another entry for the same date
// declares it a working day (the collection's unique index on `date` prevents that anyway).
// Entries of an unknown kind change nothing.
type DayKinds = Map<string, OfficeDay['kind']>;

// No realistic calendar closes the office for a whole year; past that the data must be wrong.
const MAX_DAYS_AHEAD = 366;

const INTAKE_TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * nextProcessingMorning returns the working morning whose intake will process an application
 * submitted at `submitted`: the first intake instant strictly after it. It throws a RangeError for
 * an invalid date, intake time ("HH:MM", 00:00 to 23:59) or time zone, or when no working day
 * follows within a year.
 */
export function nextProcessingMorning(
	submitted: Date,
	officeDays: readonly OfficeDay[],
	options: CalendarOptions = {}
): ProcessingMorning {
	const timeZone = options.timeZone ?? OFFICE_TIME_ZONE;
	const [hours, minutes] = parseIntakeTime(options.intakeTime || DEFAULT_INTAKE_TIME);
	if (Number.isNaN(submitted.getTime())) {
		throw new RangeError('nextProcessingMorning: invalid submission date');
	}

	const local = new TZDateMini(submitted.getTime(), timeZone);
	if (Number.isNaN(local.getTime())) {
		throw new RangeError(`nextProcessingMorning: unknown time zone "${timeZone}"`);
	}

	const kinds = kindsByDate(officeDays);
	let intake = new TZDateMini(local.getFullYear(), local.getMonth(), local.getDate(), hours, minutes, timeZone);
	for (let i = 0; i <= MAX_DAYS_AHEAD; i++) {
		const date = isoDate(intake);
		if (intake.getTime() > submitted.getTime() && workingDay(date, intake.getDay(), kinds)) {
			return { processDate: date, intakeAt: new Date(intake.getTime()) };
		}
		intake = addDays(intake, 1);
	}
	throw new RangeError(`nextProcessingMorning: no working day within ${MAX_DAYS_AHEAD} days`);
}

/**
 * isWorkingDay tells whether the office holds its morning intake on `date` (YYYY-MM-DD): Monday to
 * Friday unless `officeDays` closes it, or a Saturday or Sunday that `officeDays` opens. It throws a
 * RangeError for a malformed or impossible date.
 */
export function isWorkingDay(date: string, officeDays: readonly OfficeDay[]): boolean {
	return workingDay(date, weekdayOf(date), kindsByDate(officeDays));
}

/** The pieces of a processing morning as a resident reads them, in their language. */
export interface ProcessingMorningParts {
	/** "Senin, 30 November 2026" / "Monday 30 November 2026" */
	date: string;
	/** "07.30" / "07:30" */
	time: string;
	/** "WITA" */
	zone: string;
}

/**
 * processingMorningParts gives the date, time and zone of a processing morning for a sentence of
 * the app's messages. The names of days and months come from Intl.DateTimeFormat; the punctuation
 * is fixed here so that it reads the same in every browser.
 */
export function processingMorningParts(
	result: ProcessingMorning,
	locale: 'id' | 'en',
	timeZone: string = OFFICE_TIME_ZONE
): ProcessingMorningParts {
	return { ...longDateAt(result.intakeAt, locale, timeZone), zone: zoneLabel(timeZone, result.intakeAt) };
}

// Indonesia's legal zone names (WIB, WITA, WIT), the same in both languages; browsers spell
// them out only for Indonesian, so they are fixed here.
const INDONESIAN_ZONES: Record<string, string> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Pontianak': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Jayapura': 'WIT'
};

function zoneLabel(timeZone: string, at: Date): string {
	const known = INDONESIAN_ZONES[timeZone];
	if (known) return known;
	return (
		new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value ?? timeZone
	);
}

function parseIntakeTime(intakeTime: string): [number, number] {
	const match = INTAKE_TIME.exec(intakeTime);
	if (!match) {
		throw new RangeError(`nextProcessingMorning: intake time "${intakeTime}" is not HH:MM`);
	}
	return [Number(match[1]), Number(match[2])];
}

function kindsByDate(officeDays: readonly OfficeDay[]): DayKinds {
	const kinds: DayKinds = new Map();
	for (const day of officeDays) {
		if (day.kind === 'extra_working_day') {
			if (!kinds.has(day.date)) kinds.set(day.date, day.kind);
		} else if (day.kind === 'holiday' || day.kind === 'cuti_bersama') {
			kinds.set(day.date, day.kind);
		}
	}
	return kinds;
}

function workingDay(date: string, weekday: number, kinds: DayKinds): boolean {
	const kind = kinds.get(date);
	if (kind === 'holiday' || kind === 'cuti_bersama') return false;
	if (kind === 'extra_working_day') return true;
	return weekday !== 0 && weekday !== 6;
}

// The day of the week (0 = Sunday) of a calendar date; the same in every time zone.
function weekdayOf(date: string): number {
	const match = ISO_DATE.exec(date);
	if (match) {
		const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
		const midday = new TZDateMini(year, month, day, 12, OFFICE_TIME_ZONE);
		// Date rolls 2026-02-30 over to March: such a date is impossible, not a March day.
		if (midday.getFullYear() === year && midday.getMonth() === month && midday.getDate() === day) {
			return midday.getDay();
		}
	}
	throw new RangeError(`isWorkingDay: "${date}" is not a YYYY-MM-DD date`);
}

function isoDate(date: Date): string {
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What expectedProcessingMorning reads of an application on the phone. */
export interface ApplicationTimes {
	state: string;
	/** The office's copy: `submitted` is when the server received the application. */
	remote?: { status: string; submitted: string };
	/** The estimate made when "send" was pressed. */
	processDate?: string;
	intakeAt?: number;
}

/**
 * expectedProcessingMorning tells the morning on which the office will process an application, or
 * null when it is not waiting for one. One the office received (and has not queued) goes to the
 * first intake after the server's submission time, whatever the phone estimated; one still on the
 * phone keeps the estimate made at "send" until that morning has passed, then the first intake
 * after now (it cannot be processed before it arrives).
 */
export function expectedProcessingMorning(
	application: ApplicationTimes,
	officeDays: readonly OfficeDay[],
	now: Date,
	options: CalendarOptions = {}
): ProcessingMorning | null {
	const received = application.state === 'sent' ? application.remote : undefined;
	if (received) {
		if (received.status !== 'submitted') return null;
		const submitted = new Date(received.submitted.replace(' ', 'T'));
		return nextProcessingMorning(Number.isNaN(submitted.getTime()) ? now : submitted, officeDays, options);
	}
	if (application.processDate && application.intakeAt !== undefined && application.intakeAt > now.getTime()) {
		return { processDate: application.processDate, intakeAt: new Date(application.intakeAt) };
	}
	return nextProcessingMorning(now, officeDays, options);
}
