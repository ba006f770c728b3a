import { describe, expect, it } from 'vitest';
import vectors from '../../../tests/fixtures/office-calendar.json';
import {
	DEFAULT_INTAKE_TIME,
	OFFICE_TIME_ZONE,
	expectedProcessingMorning,
	isWorkingDay,
	nextProcessingMorning,
	processingMorningParts,
	type OfficeDay,
	type ProcessingMorning
} from './calendar';
import { m } from '$lib/i18n';

/** The sentence the app shows: the parts of the morning through the messages. */
const formatProcessingMorning = (morning: ProcessingMorning, locale: 'id' | 'en') => m.processing_morning(processingMorningParts(morning, locale), { locale });

const KINDS: readonly string[] = ['holiday', 'cuti_bersama', 'extra_working_day'] satisfies OfficeDay['kind'][];

// The JSON import types `kind` as a plain string: check it instead of casting blindly.
const officeDays: OfficeDay[] = vectors.officeDays.map(({ date, kind, name }) => {
	if (!KINDS.includes(kind)) throw new Error(`office-calendar.json: unknown kind ${kind} on ${date}`);
	return { date, kind: kind as OfficeDay['kind'], name };
});

describe('office-calendar vectors shared with the Go server', () => {
	it('describe the office this module defaults to', () => {
		expect(vectors.timeZone).toBe(OFFICE_TIME_ZONE);
		expect(vectors.intakeTime).toBe(DEFAULT_INTAKE_TIME);
		expect(vectors.cases.length).toBeGreaterThanOrEqual(30);
	});

	for (const v of vectors.cases) {
		const intakeTime = 'intakeTime' in v ? v.intakeTime : vectors.intakeTime;
		it(`${v.submitted} with intake ${intakeTime} → ${v.processDate} (${v.note})`, () => {
			const result = nextProcessingMorning(new Date(v.submitted), officeDays, {
				intakeTime,
				timeZone: vectors.timeZone
			});
			expect(result.processDate).toBe(v.processDate);
			expect(result.intakeAt.toISOString()).toBe(new Date(v.intakeAt).toISOString());
		});
	}

	it('use the default intake time and time zone when none or an empty one is given', () => {
		for (const v of vectors.cases.filter((c) => !('intakeTime' in c))) {
			const submitted = new Date(v.submitted);
			expect(nextProcessingMorning(submitted, officeDays).processDate, v.note).toBe(v.processDate);
			expect(nextProcessingMorning(submitted, officeDays, { intakeTime: '' }).processDate, v.note).toBe(v.processDate);
		}
	});

	for (const v of vectors.workingDays) {
		it(`${v.date} is ${v.working ? 'a working day' : 'closed'} (${v.note})`, () => {
			expect(isWorkingDay(v.date, officeDays)).toBe(v.working);
		});
	}

	for (const date of vectors.invalidDates) {
		it(`isWorkingDay refuses the date "${date}"`, () => {
			expect(() => isWorkingDay(date, officeDays)).toThrow(RangeError);
		});
	}

	for (const intakeTime of vectors.invalidIntakeTimes) {
		it(`nextProcessingMorning refuses the intake time "${intakeTime}"`, () => {
			expect(() => nextProcessingMorning(new Date(), officeDays, { intakeTime })).toThrow(RangeError);
		});
	}
});

describe('nextProcessingMorning', () => {
	it('refuses an invalid date and an unknown time zone', () => {
		expect(() => nextProcessingMorning(new Date('not a date'), officeDays)).toThrow(RangeError);
		expect(() => nextProcessingMorning(new Date(), officeDays, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
	});

	it('lets a closing entry win over an extra working day on the same date', () => {
		const days: OfficeDay[] = [
			{ date: '2026-10-31', kind: 'extra_working_day', name: 'extra' },
			{ date: '2026-10-31', kind: 'holiday', name: 'holiday' }
		];
		expect(isWorkingDay('2026-10-31', days)).toBe(false);
		expect(isWorkingDay('2026-10-31', days.toReversed())).toBe(false);
	});

	it('gives up when no working day follows within a year', () => {
		const closed: OfficeDay[] = [];
		for (let day = new Date('2026-01-01T00:00:00Z'); day.getUTCFullYear() < 2028; day.setUTCDate(day.getUTCDate() + 1)) {
			closed.push({ date: day.toISOString().slice(0, 10), kind: 'holiday', name: 'closed' });
		}
		expect(() => nextProcessingMorning(new Date('2026-01-01T00:00:00Z'), closed)).toThrow(RangeError);
	});
});

describe('expectedProcessingMorning', () => {
	// Friday 27 November 2026, 22:00 WITA: "send" pressed offline; the estimate is Monday 30 November.
	const estimate = { processDate: '2026-11-30', intakeAt: Date.parse('2026-11-29T23:30:00Z') };
	const tuesdayNight = new Date('2026-12-01T14:30:00Z'); // 22:30 WITA

	it('goes by the server\'s submission time once the office has the application, not the stale estimate', () => {
		const received = { state: 'sent', remote: { status: 'submitted', submitted: '2026-12-01 14:29:00.000Z' }, ...estimate };
		expect(expectedProcessingMorning(received, [], tuesdayNight)?.processDate).toBe('2026-12-02');
	});

	it('has no morning to wait for once the office has queued or answered it', () => {
		const queued = { state: 'sent', remote: { status: 'queued', submitted: '2026-12-01 14:29:00.000Z' }, ...estimate };
		expect(expectedProcessingMorning(queued, [], tuesdayNight)).toBeNull();
	});

	it('keeps the estimate of an application still on the phone until that morning has passed, then counts from now', () => {
		const outbox = { state: 'outbox', ...estimate };
		expect(expectedProcessingMorning(outbox, [], new Date('2026-11-28T02:00:00Z'))).toEqual({ processDate: '2026-11-30', intakeAt: new Date(estimate.intakeAt) });
		expect(expectedProcessingMorning(outbox, [], tuesdayNight)?.processDate).toBe('2026-12-02');
		// a correction waiting to be sent counts from now too, not from the first submission
		const correcting = { state: 'outbox', remote: { status: 'needs_revision', submitted: '2026-11-27 14:00:00.000Z' } };
		expect(expectedProcessingMorning(correcting, [], tuesdayNight)?.processDate).toBe('2026-12-02');
	});
});

describe('the processing morning sentence', () => {
	const monday = nextProcessingMorning(new Date('2026-11-27T23:10:00Z'), officeDays);

	it('reads in Indonesian', () => {
		expect(formatProcessingMorning(monday, 'id')).toBe('Senin, 30 November 2026, mulai pukul 07.30 WITA');
	});

	it('reads in English', () => {
		expect(formatProcessingMorning(monday, 'en')).toBe('Monday 30 November 2026, from 07:30 WITA');
	});

	it('shows another intake time and month names in both languages', () => {
		const morning = nextProcessingMorning(new Date('2026-03-17T11:00:00Z'), officeDays, { intakeTime: '08:00' });
		expect(formatProcessingMorning(morning, 'id')).toBe('Rabu, 25 Maret 2026, mulai pukul 08.00 WITA');
		expect(formatProcessingMorning(morning, 'en')).toBe('Wednesday 25 March 2026, from 08:00 WITA');
	});

	it('names the day in the office time zone, not the device one', () => {
		// 23:30 UTC on Sunday is Monday morning in Balikpapan.
		const result = { processDate: '2026-11-30', intakeAt: new Date('2026-11-29T23:30:00Z') };
		expect(formatProcessingMorning(result, 'en')).toMatch(/^Monday 30 November/);
	});
});
