import { describe, expect, it } from 'vitest';
import { notificationOptions, notificationTarget, parsePayload } from './notify';

describe('push notifications', () => {
	it('opens the application page, or the inbox, and never another origin', () => {
		expect(notificationTarget({ url: '/permohonan/abcdefghijklmno' })).toBe('/permohonan/abcdefghijklmno');
		expect(notificationTarget({ application: 'abcdefghijklmno' })).toBe('/permohonan/abcdefghijklmno');
		expect(notificationTarget({ url: 'https://evil.example/', application: 'abcdefghijklmno' })).toBe('/permohonan/abcdefghijklmno');
		expect(notificationTarget({ url: '//evil.example/x' })).toBe('/notifikasi');
		expect(notificationTarget({})).toBe('/notifikasi');
	});

	it('shows what happened with the receipt number, one notification per application', () => {
		const { title, options } = notificationOptions({
			title: 'Akta kelahiran siap diunduh',
			body: 'Buka aplikasi untuk mengunduh akta.',
			reference: 'BPN-20261130-0007',
			application: 'abcdefghijklmno'
		});
		expect(title).toBe('Akta kelahiran siap diunduh');
		expect(options.body).toBe('Buka aplikasi untuk mengunduh akta.\nBPN-20261130-0007');
		expect(options.tag).toBe('app-abcdefghijklmno');
		expect((options.data as { url: string }).url).toBe('/permohonan/abcdefghijklmno');
	});

	it('survives a malformed push', () => {
		expect(parsePayload('not json')).toEqual({});
		expect(parsePayload(null)).toEqual({});
		expect(notificationOptions({}).title).toBe('Dukcapil Daring');
	});
});
