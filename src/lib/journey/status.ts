import { m } from '$lib/i18n';
import type { StatusEvent } from '$lib/local/db';
import { dateTimeAt, longDate } from '$lib/i18n/dates';
import { OFFICE_TIME_ZONE } from '$lib/office/calendar';

const STATUS_TEXT: Record<string, () => string> = {
	uploading: m.status_uploading,
	submitted: m.status_submitted,
	queued: m.status_queued,
	in_process: m.status_in_process,
	completed: m.status_completed,
	needs_revision: m.status_needs_revision,
	rejected: m.status_rejected,
	cancelled: m.status_cancelled
};

/** statusText names an application status for residents. */
export function statusText(status: string): string {
	return (STATUS_TEXT[status] ?? m.status_saved_on_phone)();
}

/**
 * formatWita writes a server time ("2026-11-28 02:37:42.123Z") as a date and time in Balikpapan,
 * always with the time: residents complained of statuses that showed only a date.
 */
export function formatWita(serverTime: string | number, locale: 'id' | 'en'): string {
	const time = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime.replace(' ', 'T'));
	if (Number.isNaN(time)) return '';
	return `${dateTimeAt(time, locale, OFFICE_TIME_ZONE)} WITA`;
}

/**
 * eventNote is the note of a status event as the resident reads it, in the chosen language: the
 * office's own words for a decision (the staff note), the app's words with the date as people
 * write it for the morning queue and for a resubmitted correction.
 */
export function eventNote(event: Pick<StatusEvent, 'from' | 'to' | 'note'>, locale: 'id' | 'en'): string {
	if (event.to === 'queued') {
		const queued = /(\d{4}-\d{2}-\d{2}), nomor (\d+)/.exec(event.note);
		if (queued) return m.timeline_queued({ date: longDate(queued[1], locale), number: queued[2] });
	}
	if (event.from === 'needs_revision' && event.to === 'submitted') return m.timeline_resubmitted();
	return event.note;
}
