import { describe, expect, it } from 'vitest';
import {
	firstSlotMismatch,
	fitSort,
	GRID_MAX,
	GRID_MIN,
	GRID_SLOTS,
	isGridValue,
	mismatchedColumns,
	placementsOf,
	slotCounts
} from '../../../src/lib/rules/grid.js';

// −1 (1 place), 0 (2 places), +1 (1 place) for four statements.
const grid = [
	{ value: -1, capacity: 1 },
	{ value: 0, capacity: 2 },
	{ value: 1, capacity: 1 }
];
const qset = ['A', 'B', 'C', 'D'];
const fit = (forced: boolean, record: Record<string, number | null | undefined>) =>
	fitSort(grid, forced, qset, placementsOf(record));

describe('the grid range', () => {
	it('is −6…+13, twenty columns', () => {
		expect([GRID_MIN, GRID_MAX, GRID_SLOTS]).toEqual([-6, 13, 20]);
		expect([-7, -6, 0, 13, 14, 0.5, Number.NaN].map(isGridValue)).toEqual([
			false,
			true,
			true,
			true,
			false,
			false,
			false
		]);
	});
});

describe('fitSort', () => {
	it('accepts a sort that follows the forced distribution, and counts every column', () => {
		const result = fit(true, { A: -1, B: 0, C: 0, D: 1 });
		expect(result.fits).toBe(true);
		expect(result.problems).toEqual([]);
		expect([...result.counts]).toEqual([
			[-1, 1],
			[0, 2],
			[1, 1]
		]);
	});

	it('on a forced grid refuses an over-full column and names the short one', () => {
		const result = fit(true, { A: -1, B: 0, C: 1, D: 1 });
		expect(result.problems).toEqual(['DISTRIBUTION_MISMATCH']);
		expect(result.overfull).toEqual([{ value: 1, count: 2, capacity: 1 }]);
		expect(result.underfull).toEqual([{ value: 0, count: 1, capacity: 2 }]);
		expect(mismatchedColumns(result).map((c) => c.value)).toEqual([0, 1]);
	});

	it('on a free grid takes the capacities as a guide: over- and under-full columns fit', () => {
		const result = fit(false, { A: 1, B: 1, C: 1, D: 0 });
		expect(result.fits).toBe(true);
		expect(result.overfull).toEqual([]);
		expect(result.underfull).toEqual([]);
		expect(result.counts.get(1)).toBe(3);
	});

	it('on a forced grid whose places do not add up to the Q-set, no sort fits', () => {
		const roomy = grid.map((c) => ({ ...c, capacity: 3 }));
		const result = fitSort(roomy, true, qset, placementsOf({ A: -1, B: 0, C: 0, D: 1 }));
		expect(result.problems).toEqual(['DISTRIBUTION_MISMATCH']);
		expect(fitSort(roomy, false, qset, placementsOf({ A: -1, B: 0, C: 0, D: 1 })).fits).toBe(true);
	});

	it('finds an empty sort: every statement missing, no column blamed', () => {
		for (const forced of [true, false]) {
			const result = fitSort(grid, forced, qset, []);
			expect(result.problems).toEqual(['MISSING_STATEMENTS']);
			expect(result.missing).toEqual(qset);
			expect(result.underfull).toEqual([]);
		}
	});

	it('takes null, undefined and NaN as not placed', () => {
		const result = fit(true, { A: -1, B: null, C: undefined, D: Number.NaN });
		expect(result.missing).toEqual(['B', 'C', 'D']);
		expect(result.problems).toEqual(['MISSING_STATEMENTS']);
	});

	it('finds unknown and duplicate statements (each named once)', () => {
		const result = fitSort(grid, false, qset, [
			{ statement: 'A', value: -1 },
			{ statement: 'B', value: 0 },
			{ statement: 'B', value: 1 },
			{ statement: 'B', value: 0 },
			{ statement: 'C', value: 0 },
			{ statement: 'D', value: 1 },
			{ statement: 'X', value: 0 }
		]);
		expect(result.problems).toEqual(['UNKNOWN_STATEMENTS', 'DUPLICATE_STATEMENTS']);
		expect(result.unknown).toEqual(['X']);
		expect(result.duplicate).toEqual(['B']);
		// Only the first place of a statement counts.
		expect(result.counts.get(0)).toBe(2);
	});

	it('finds values that are not columns of the grid (also inside −6…+13, and fractions)', () => {
		const result = fit(true, { A: -1, B: 0, C: 5, D: 0.5 });
		expect(result.problems).toEqual(['VALUE_OUTSIDE_GRID']);
		expect(result.outside).toEqual([
			{ statement: 'C', value: 5 },
			{ statement: 'D', value: 0.5 }
		]);
		// While statements are outside the grid, the columns they left short are not blamed as well.
		expect(result.underfull).toEqual([]);
	});

	it('lists every problem in a fixed order', () => {
		const result = fitSort(grid, true, qset, [
			{ statement: 'A', value: 1 },
			{ statement: 'A', value: 1 },
			{ statement: 'B', value: 1 },
			{ statement: 'C', value: 9 },
			{ statement: 'Z', value: 0 }
		]);
		expect(result.problems).toEqual([
			'UNKNOWN_STATEMENTS',
			'DUPLICATE_STATEMENTS',
			'MISSING_STATEMENTS',
			'VALUE_OUTSIDE_GRID',
			'DISTRIBUTION_MISMATCH'
		]);
		expect(result.overfull).toEqual([{ value: 1, count: 2, capacity: 1 }]);
	});
});

describe('slot counts (the forced rule on arrays of values, for the engine)', () => {
	it('counts per grid value and finds the first column that differs', () => {
		const expected = slotCounts([-1, 0, 0, 1]);
		expect(expected).toHaveLength(GRID_SLOTS);
		expect(expected[0 - GRID_MIN]).toBe(2);
		expect(firstSlotMismatch(slotCounts([0, 1, -1, 0]), expected)).toBeUndefined();
		expect(firstSlotMismatch(slotCounts([-1, 0, 1, 1]), expected)).toBe(0);
	});
});
