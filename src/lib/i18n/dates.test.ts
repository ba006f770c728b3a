import { describe, expect, it } from 'vitest';
import { longDate, plainDate } from './dates';

describe('longDate', () => {
	it('writes dates as people write them, never 2026-12-02', () => {
		expect(longDate('2026-12-02 00:00:00.000Z', 'id')).toBe('Rabu, 2 Desember 2026');
		expect(longDate('2026-12-02', 'en')).toBe('Wednesday 2 December 2026');
		expect(longDate('', 'id')).toBe('');
	});
});

describe('plainDate', () => {
	it('writes a day without its weekday, and nothing for what is not a day', () => {
		expect(plainDate('2026-12-02', 'id')).toBe('2 Desember 2026');
		expect(plainDate('2026-12-02', 'en')).toBe('2 December 2026');
		expect(plainDate('kemarin', 'id')).toBe('');
	});
});
