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
 * Where visits take place. The street is as a local news report gives it (cnbtv.co.id: "Jl MT
 * Haryono, Kelurahan Damai Baru, Balikpapan Selatan"); the office should confirm it before this goes
 * live. It is written in one place so it changes in one place.
 */
export const OFFICE_PLACE = {
	name: 'Kantor Disdukcapil Kota Balikpapan',
	address: 'Jl. MT Haryono, Damai Baru, Balikpapan Selatan, Kota Balikpapan'
} as const;

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
