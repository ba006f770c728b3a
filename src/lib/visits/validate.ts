import { addDaysTo, MAX_DAYS_AHEAD } from './services';

/** checkPreferredDate tells whether a preferred day can be asked for today (the server checks it too). */
export function checkPreferredDate(date: string, today: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return false;
	return date >= today && date <= addDaysTo(today, MAX_DAYS_AHEAD);
}
