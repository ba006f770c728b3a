import type { LocalSlot } from '$lib/local/db';

/** A day with free places, as the service page lists it. */
export interface FreeDay {
	date: string;
	/** Places left that day, in the morning (before 12:00) and the afternoon. */
	pagi: number;
	siang: number;
}

/** placesLeft is what a slot still takes (0 when closed or full). */
export function placesLeft(slot: LocalSlot): number {
	return slot.closed ? 0 : Math.max(0, slot.capacity - slot.booked);
}

/**
 * nextFreeDays lists the first `count` days from `today` on that have a free place, from the slots
 * last seen. It is a hint for choosing a day: the server decides when the request arrives.
 */
export function nextFreeDays(slots: readonly LocalSlot[], today: string, count = 5): FreeDay[] {
	const days = new Map<string, FreeDay>();
	for (const slot of slots) {
		const left = placesLeft(slot);
		if (slot.date < today || left === 0) continue;
		const day = days.get(slot.date) ?? { date: slot.date, pagi: 0, siang: 0 };
		if (slot.start < '12:00') day.pagi += left;
		else day.siang += left;
		days.set(slot.date, day);
	}
	return [...days.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(0, count);
}
