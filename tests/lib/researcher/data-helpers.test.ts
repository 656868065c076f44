import { describe, expect, it } from 'vitest';
import {
	barLayout,
	checkPlacements,
	countTicks,
	fillDays,
	formatDuration,
	codeEntryLink,
	openLink,
	personalLink
} from '../../../src/lib/researcher/data-helpers.js';
import { fitSort, placementsOf } from '../../../src/lib/rules/grid.js';

const grid = [
	{ value: -1, capacity: 1 },
	{ value: 0, capacity: 2 },
	{ value: 1, capacity: 1 }
];
const codes = ['1', '2', '3', '4'];

describe('checkPlacements (the manual-entry form)', () => {
	it('accepts a complete forced sort', () => {
		const check = checkPlacements(grid, codes, { '1': -1, '2': 0, '3': 0, '4': 1 }, true);
		expect(check.fits).toBe(true);
		expect([...check.counts]).toEqual([
			[-1, 1],
			[0, 2],
			[1, 1]
		]);
	});
	it('lists unplaced statements, values outside the grid and over-full columns', () => {
		const check = checkPlacements(grid, codes, { '1': 1, '2': 1, '3': 5, '4': null }, true);
		expect(check.fits).toBe(false);
		expect(check.missing).toEqual(['4']);
		expect(check.outside).toEqual([{ statement: '3', value: 5 }]);
		expect(check.overfull).toEqual([{ value: 1, count: 2, capacity: 1 }]);
		expect(check.problems).toEqual(['MISSING_STATEMENTS', 'VALUE_OUTSIDE_GRID', 'DISTRIBUTION_MISMATCH']);
	});
	it('names the short columns of a forced sort once every statement is placed', () => {
		const check = checkPlacements(grid, codes, { '1': 1, '2': 1, '3': 0, '4': 1 }, true);
		expect(check.underfull).toEqual([
			{ value: -1, count: 0, capacity: 1 },
			{ value: 0, count: 1, capacity: 2 }
		]);
	});
	it('follows the one grid rule: on a free grid a column may hold more than its capacity', () => {
		const sort = { '1': 0, '2': 0, '3': 0, '4': 1 };
		expect(checkPlacements(grid, codes, sort, false)).toEqual(fitSort(grid, false, codes, placementsOf(sort)));
		expect(checkPlacements(grid, codes, sort, false).fits).toBe(true);
		expect(checkPlacements(grid, codes, sort, true).problems).toEqual(['DISTRIBUTION_MISMATCH']);
	});
});

describe('openLink and personalLink', () => {
	it('builds the open study link and the personal code link', () => {
		expect(openLink('https://x.nl', 'mijn-studie')).toBe('https://x.nl/s/mijn-studie');
		// A printed slip's typed address is the code page, never the open link (which would enrol someone new).
		expect(codeEntryLink('https://x.nl')).toBe('https://x.nl/code');
		expect(personalLink('https://x.nl', 'ABCD-EFGH')).toBe('https://x.nl/p/ABCD-EFGH');
	});
});

describe('formatDuration', () => {
	it.each([
		[42, '42 s'],
		[600, '10 min'],
		[3900, '1 h 05 min'],
		[-1, '–']
	])('%i s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('fillDays, countTicks and barLayout', () => {
	it('scales the tallest bar to the full height', () => {
		const bars = barLayout(
			[
				{ day: 'a', count: 2 },
				{ day: 'b', count: 4 }
			],
			100,
			50,
			0
		);
		expect(bars.map((bar) => [bar.x, bar.y, bar.width, bar.height])).toEqual([
			[0, 25, 48, 25],
			[48, 0, 48, 50]
		]);
	});
	it("fills the empty days of the server's per-day counts, across a month end, in date order", () => {
		expect(
			fillDays([
				{ day: '2026-03-02', count: 1 },
				{ day: '2026-02-27', count: 3 }
			])
		).toEqual([
			{ day: '2026-02-27', count: 3 },
			{ day: '2026-02-28', count: 0 },
			{ day: '2026-03-01', count: 0 },
			{ day: '2026-03-02', count: 1 }
		]);
		expect(fillDays([])).toEqual([]);
	});
	it('gives the count axis whole, round steps from 0 to at least the highest count', () => {
		expect(countTicks(0)).toEqual([0, 1]);
		expect(countTicks(1)).toEqual([0, 1]);
		expect(countTicks(3)).toEqual([0, 1, 2, 3]);
		expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
		expect(countTicks(70)).toEqual([0, 20, 40, 60, 80]);
	});
	it('scales the bars to the axis top when one is given', () => {
		expect(barLayout([{ day: 'a', count: 6 }], 600, 100, 0, 48, 8)[0]).toMatchObject({ height: 75, y: 25 });
	});
	it('keeps a single day a narrow bar', () => {
		expect(barLayout([{ day: 'a', count: 3 }], 600, 100)[0]).toMatchObject({ x: 1, width: 46, height: 100 });
	});
});
