/** An "add to calendar" file (RFC 5545) for a booked visit. */

export interface CalendarVisit {
	id: string;
	date: string;
	start: string;
	end: string;
	title: string;
	location: string;
	description: string;
}

/** escapeText escapes a TEXT value (RFC 5545 3.3.11). */
function escapeText(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** fold cuts a content line into lines of at most 75 octets (RFC 5545 3.1). */
function fold(line: string): string {
	const bytes = new TextEncoder().encode(line);
	if (bytes.length <= 75) return line;
	const out: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const n = new TextEncoder().encode(char).length;
		if (size + n > (out.length === 0 ? 75 : 74)) {
			out.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += n;
	}
	out.push(current);
	return out.join('\r\n ');
}

/** witaToUtc turns a WITA (UTC+8) day and HH:MM into an iCalendar UTC date-time. */
function witaToUtc(date: string, time: string): string {
	const instant = new Date(`${date}T${time}:00+08:00`);
	return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** visitIcs writes the calendar file of a visit; `stamp` is when it was made. */
export function visitIcs(visit: CalendarVisit, stamp: Date = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Disdukcapil Kota Balikpapan//Dukcapil Daring//ID',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${visit.id}@dukcapil-daring`,
		`DTSTAMP:${stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`,
		`DTSTART:${witaToUtc(visit.date, visit.start)}`,
		`DTEND:${witaToUtc(visit.date, visit.end)}`,
		`SUMMARY:${escapeText(visit.title)}`,
		`LOCATION:${escapeText(visit.location)}`,
		`DESCRIPTION:${escapeText(visit.description)}`,
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(visit.title)}`,
		'TRIGGER:-PT1H',
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}
