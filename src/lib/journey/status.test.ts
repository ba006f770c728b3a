import { describe, expect, it } from 'vitest';
import { formatWita, statusText } from './status';

describe('status texts', () => {
	it('names every status, and falls back to "saved on this phone"', () => {
		expect(statusText('submitted')).toBe('Diterima kantor');
		expect(statusText('needs_revision')).toBe('Perlu perbaikan');
		expect(statusText('')).toBe('Tersimpan di ponsel ini');
	});

	it('writes server times in WITA with the time of day', () => {
		expect(formatWita('2026-11-27 23:30:00.000Z', 'id')).toMatch(/28 November 2026.*07[.:]30 WITA/);
		expect(formatWita('2026-11-27 23:30:00.000Z', 'en')).toMatch(/28 November 2026.*07:30 WITA/);
		expect(formatWita('not a time', 'id')).toBe('');
	});
});
