import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import type { LocalSlot } from '$lib/local/db';
import { nextFreeDays, placesLeft } from './availability';
import { clock, longDate } from '$lib/i18n/dates';
import { visitIcs } from './ics';
import { qrDrawing, ticketQrText } from './qr';
import { addDaysTo, officeToday } from './services';
import { checkPreferredDate } from './validate';

const slot = (date: string, start: string, capacity: number, booked: number, closed = false): LocalSlot => ({
	id: `${date}${start}`,
	service: 'ktp-rekam',
	date,
	start,
	end: start,
	capacity,
	booked,
	closed
});

describe('free days', () => {
	it('counts places left per day and part of day, skipping full, closed and past slots', () => {
		const slots = [
			slot('2026-12-02', '08:00', 10, 4),
			slot('2026-12-02', '13:00', 5, 5),
			slot('2026-12-03', '08:00', 10, 0, true),
			slot('2026-12-04', '13:00', 3, 1),
			slot('2026-11-30', '08:00', 10, 0)
		];
		expect(nextFreeDays(slots, '2026-12-01')).toEqual([
			{ date: '2026-12-02', pagi: 6, siang: 0 },
			{ date: '2026-12-04', pagi: 0, siang: 2 }
		]);
		expect(placesLeft(slot('2026-12-02', '08:00', 2, 5))).toBe(0);
	});
});

describe('the office day', () => {
	it('is the date in WITA', () => {
		expect(officeToday(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
		expect(officeToday(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
		expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('takes a preferred day from today to 60 days ahead', () => {
		expect(checkPreferredDate('2026-12-01', '2026-12-01')).toBe(true);
		expect(checkPreferredDate('2026-11-30', '2026-12-01')).toBe(false);
		expect(checkPreferredDate('2027-01-30', '2026-12-01')).toBe(true);
		expect(checkPreferredDate('2027-01-31', '2026-12-01')).toBe(false);
		expect(checkPreferredDate('2026-13-01', '2026-12-01')).toBe(false);
		expect(checkPreferredDate('', '2026-12-01')).toBe(false);
	});

	it('writes dates and times as people write them', () => {
		expect(longDate('2026-12-02', 'id')).toBe('Rabu, 2 Desember 2026');
		expect(longDate('2026-12-02', 'en')).toBe('Wednesday 2 December 2026');
		expect(clock('08:00', 'id')).toBe('08.00');
		expect(clock('08:00', 'en')).toBe('08:00');
	});
});

describe('the calendar file', () => {
	const ics = visitIcs(
		{
			id: 'abc123',
			date: '2026-12-02',
			start: '08:00',
			end: '10:00',
			title: 'Perekaman KTP-el — R-7KQ3',
			location: 'Kantor Disdukcapil Kota Balikpapan, Jl. MT Haryono',
			description: 'Kode tiket: R-7KQ3\nYang perlu dibawa: KK; buku nikah'
		},
		new Date('2026-12-01T10:00:00Z')
	);

	it('holds one event in UTC with escaped texts and CRLF lines of at most 75 octets', () => {
		expect(ics).toContain('DTSTART:20261202T000000Z\r\n');
		expect(ics).toContain('DTEND:20261202T020000Z\r\n');
		expect(ics).toContain('DTSTAMP:20261201T100000Z\r\n');
		expect(ics).toContain('LOCATION:Kantor Disdukcapil Kota Balikpapan\\, Jl. MT Haryono\r\n');
		expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:Kode tiket: R-7KQ3\\nYang perlu dibawa: KK\\; buku nikah');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	});
});

describe('the ticket QR code', () => {
	it('draws exactly the dark modules of the encoded ticket', () => {
		const text = ticketQrText('abc123def456ghi', 'R-7KQ3');
		const drawing = qrDrawing(text);
		const { data, size } = encode(text, { ecc: 'M', border: 4 });
		expect(drawing.size).toBe(size);
		const dark = data.flat().filter(Boolean).length;
		expect(drawing.path.match(/M/g)?.length).toBe(dark);
		expect(dark).toBeGreaterThan(50);
	});
});
