import { describe, expect, it } from 'vitest';
import { fitWithin } from './geometry';

describe('fitWithin', () => {
	it('brings the long edge down to the limit, keeping the aspect ratio', () => {
		expect(fitWithin(4000, 3000, 2000)).toEqual({ width: 2000, height: 1500 });
		expect(fitWithin(3024, 4032, 2000)).toEqual({ width: 1500, height: 2000 });
		expect(fitWithin(4624, 3472, 2000)).toEqual({ width: 2000, height: 1502 });
		expect(fitWithin(2000, 1500, 512)).toEqual({ width: 512, height: 384 });
	});

	it('never enlarges', () => {
		expect(fitWithin(1200, 900, 2000)).toEqual({ width: 1200, height: 900 });
		expect(fitWithin(2000, 2000, 2000)).toEqual({ width: 2000, height: 2000 });
	});

	it('keeps at least one pixel on a very thin picture', () => {
		expect(fitWithin(10000, 3, 240)).toEqual({ width: 240, height: 1 });
	});

	it('refuses a size without pixels', () => {
		expect(() => fitWithin(0, 100, 2000)).toThrow(RangeError);
		expect(() => fitWithin(Number.NaN, 100, 2000)).toThrow(RangeError);
	});
});
