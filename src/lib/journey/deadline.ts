import type { Answers, OnlineService } from '$lib/catalog';
import { isValidIsoDate, todayInBalikpapan } from '$lib/catalog/registry';
import { deadlineDays } from '$lib/catalog/settings';

/**
 * pastDeadline tells whether the event date of an application is older than the service's
 * deadline (e.g. a birth reported after 60 days). Late applications get a notice, never a refusal.
 */
export function pastDeadline(service: OnlineService, answers: Answers, now: Date = new Date()): boolean {
	if (!service.deadline) return false;
	const value = service.deadline.from.split('.').reduce<unknown>((node, key) => (node as Answers | undefined)?.[key], answers);
	if (typeof value !== 'string' || !isValidIsoDate(value)) return false;
	const eventDay = Date.parse(`${value}T00:00:00Z`);
	const today = Date.parse(`${todayInBalikpapan(now)}T00:00:00Z`);
	return (today - eventDay) / 86_400_000 > deadlineDays(service.deadline);
}
