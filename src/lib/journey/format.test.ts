import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('formatBytes', () => {
	it('writes sizes in the resident language', () => {
		expect(formatBytes(512, 'id')).toBe('512 B');
		expect(formatBytes(320 * 1024, 'id')).toBe('320 KB');
		expect(formatBytes(1.4 * 1024 * 1024, 'id')).toBe('1,4 MB');
		expect(formatBytes(1.4 * 1024 * 1024, 'en')).toBe('1.4 MB');
	});
});
