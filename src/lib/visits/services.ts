/**
 * Facts of visits without the catalog (the sync engine, also in the service worker, imports this).
 */

/** The in-person services a resident books a visit for (appointments.service on the server). */
export const VISIT_SERVICES = ['ktp-rekam', 'pengaduan', 'ktp-ambil'] as const;
export type VisitService = (typeof VISIT_SERVICES)[number];

/** How many working days from the preferred day the server searches (visits.SearchWorkingDays). */
export const SEARCH_WORKING_DAYS = 10;
/** How far ahead a visit may be asked for (visits.MaxDaysAhead). */
export const MAX_DAYS_AHEAD = 60;

/**
 * The office where visits take place. Its address is a catalog setting the office confirms
 * (visit_place_address, src/lib/catalog/settings.ts; README "For the office to confirm"): see
 * visitPlace in ./catalog.
 */
export const OFFICE_NAME = 'Kantor Disdukcapil Kota Balikpapan';

export function isVisitService(code: string): code is VisitService {
	return (VISIT_SERVICES as readonly string[]).includes(code);
}

/** officeToday is today's date at the office (WITA), YYYY-MM-DD. */
export function officeToday(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** addDaysTo adds days to a YYYY-MM-DD date. */
export function addDaysTo(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
