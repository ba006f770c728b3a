import { describe, expect, it } from 'vitest';
import { pagesReordered } from './summary';

const files = (...ids: string[]) => ids.map((id) => ({ id }));

describe('pagesReordered', () => {
	it('tells a move among the files the office has', () => {
		expect(pagesReordered(['a', 'b'], files('b', 'a'))).toBe(true);
		expect(pagesReordered(['a', 'b', 'c'], files('a', 'c', 'b'))).toBe(true);
	});
	it('does not count new, replaced or removed files, nor files of other documents', () => {
		expect(pagesReordered(['a', 'b'], files('a', 'b'))).toBe(false);
		expect(pagesReordered(['a', 'b'], files('a', 'b', 'new'))).toBe(false);
		expect(pagesReordered(['a', 'b'], files('new', 'b'))).toBe(false);
		expect(pagesReordered(['a', 'x', 'b'], files('a', 'b'))).toBe(false);
		expect(pagesReordered([], files('a', 'b'))).toBe(false);
	});
});
