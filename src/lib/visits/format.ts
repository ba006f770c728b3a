/** Dates and times of a visit as people write them: "2 Desember 2026", "Rabu, 2 Desember 2026", "08.00". */

const localeTag = (locale: 'id' | 'en') => (locale === 'id' ? 'id-ID' : 'en-GB');

/** longDate writes YYYY-MM-DD with the weekday: "Rabu, 2 Desember 2026" / "Wednesday 2 December 2026". */
export function longDate(date: string, locale: 'id' | 'en'): string {
	const parts = new Intl.DateTimeFormat(localeTag(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).formatToParts(new Date(`${date}T00:00:00Z`));
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	const day = `${part('day')} ${part('month')} ${part('year')}`;
	return locale === 'id' ? `${part('weekday')}, ${day}` : `${part('weekday')} ${day}`;
}

/** shortDate writes YYYY-MM-DD as "2 Des" / "2 Dec" with the weekday: "Rab 2 Des". */
export function shortDate(date: string, locale: 'id' | 'en'): string {
	return new Intl.DateTimeFormat(localeTag(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		new Date(`${date}T00:00:00Z`)
	);
}

/** clock writes HH:MM as residents read it: "08.00" in Indonesian, "08:00" in English. */
export function clock(time: string, locale: 'id' | 'en'): string {
	return locale === 'id' ? time.replace(':', '.') : time;
}
