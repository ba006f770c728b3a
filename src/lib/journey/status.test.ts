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

describe('eventNote', () => {
	it('writes the queue date as people write it, in the chosen language', async () => {
		const { eventNote } = await import('./status');
		const { setLocale } = await import('$lib/paraglide/runtime');
		setLocale('en', { reload: false });
		expect(eventNote({ from: 'submitted', to: 'queued', note: 'Antrean pagi 2026-12-02, nomor 3' }, 'en')).toBe('Morning queue of Wednesday 2 December 2026, number 3');
		expect(eventNote({ from: 'needs_revision', to: 'submitted', note: 'Jawaban diubah: Nama bayi.' }, 'en')).toBe('Correction received by the office');
		expect(eventNote({ from: 'queued', to: 'rejected', note: 'Bukan warga Balikpapan.' }, 'en')).toBe('Bukan warga Balikpapan.');
		setLocale('id', { reload: false });
	});
});
