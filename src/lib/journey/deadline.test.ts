import { describe, expect, it } from 'vitest';
import { aktaKelahiran } from '$lib/catalog/services/akta-kelahiran';
import { pastDeadline } from './deadline';

describe('pastDeadline', () => {
	const now = new Date('2026-11-28T02:00:00Z'); // 10:00 WITA

	it('is false within the deadline and true after it', () => {
		expect(pastDeadline(aktaKelahiran, { birth_date: '2026-09-29' }, now)).toBe(false); // 60 days
		expect(pastDeadline(aktaKelahiran, { birth_date: '2026-09-28' }, now)).toBe(true); // 61 days
	});

	it('counts days in Balikpapan, not UTC', () => {
		// 2026-11-27 20:00 UTC is already 28 November in WITA.
		expect(pastDeadline(aktaKelahiran, { birth_date: '2026-09-29' }, new Date('2026-11-27T20:00:00Z'))).toBe(false);
		expect(pastDeadline(aktaKelahiran, { birth_date: '2026-09-28' }, new Date('2026-11-27T16:30:00Z'))).toBe(true);
	});

	it('is false without a valid date', () => {
		expect(pastDeadline(aktaKelahiran, { birth_date: '' }, now)).toBe(false);
		expect(pastDeadline(aktaKelahiran, { birth_date: '2026-02-30' }, now)).toBe(false);
	});
});
