/**
 * Dates and times as people write them, in one place for every page: "Rabu, 2 Desember 2026" /
 * "Wednesday 2 December 2026", "2 Desember 2026", "08.00" / "08:00". The names of
 * days and months come from Intl.DateTimeFormat; the punctuation is fixed here so that it reads
 * the same in every browser. Never 2026-12-02.
 */

export type DateLocale = 'id' | 'en';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** localeTag is the BCP 47 tag of the app's language for Intl: id-ID or en-GB. */
export function localeTag(locale: DateLocale): string {
	return locale === 'id' ? 'id-ID' : 'en-GB';
}

/** dayOf reads a calendar day (YYYY-MM-DD, or a server date-time that starts with one) as midnight UTC. */
function dayOf(value: string): Date | null {
	const day = value.slice(0, 10);
	return ISO_DAY.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

/** The parts of a long date (and its time) of an instant in a time zone. */
export interface LongDateParts {
	/** "Rabu, 2 Desember 2026" / "Wednesday 2 December 2026" */
	date: string;
	/** "07.30" / "07:30" */
	time: string;
}

/** longDateAt writes an instant, as seen in a time zone, as a long date with the weekday and its time. */
export function longDateAt(at: Date, locale: DateLocale, timeZone: string): LongDateParts {
	const parts = new Intl.DateTimeFormat(localeTag(locale), { weekday: 'long', ...DAY, ...TIME, timeZone }).formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	const day = `${part('day')} ${part('month')} ${part('year')}`;
	return {
		date: locale === 'id' ? `${part('weekday')}, ${day}` : `${part('weekday')} ${day}`,
		time: clock(`${part('hour')}:${part('minute')}`, locale)
	};
}

/** longDate writes a day (YYYY-MM-DD, or a server date-time) with its weekday: "Rabu, 2 Desember 2026"; '' when it is none. */
export function longDate(value: string, locale: DateLocale): string {
	const day = dayOf(value);
	return day ? longDateAt(day, locale, 'UTC').date : '';
}

/** plainDate writes a day (YYYY-MM-DD) without its weekday: "2 Desember 2026"; '' when it is none. */
export function plainDate(value: string, locale: DateLocale): string {
	const day = dayOf(value);
	return day ? new Intl.DateTimeFormat(localeTag(locale), { ...DAY, timeZone: 'UTC' }).format(day) : '';
}

/** dateTimeAt writes an instant, as seen in a time zone, as a date and time: "28 November 2026 pukul 07.30". */
export function dateTimeAt(at: number | Date, locale: DateLocale, timeZone: string): string {
	return new Intl.DateTimeFormat(localeTag(locale), { ...DAY, ...TIME, timeZone }).format(at);
}

/** clock writes HH:MM as residents read it: "08.00" in Indonesian, "08:00" in English. */
export function clock(time: string, locale: DateLocale): string {
	return locale === 'id' ? time.replace(':', '.') : time;
}
