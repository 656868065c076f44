import { describe, expect, it } from 'vitest';
import {
	checkCapacity,
	columnsForRange,
	formatGridValue,
	suggestedHalfWidth,
	suggestQuasiNormal,
	totalCapacity
} from '../../../src/lib/researcher/distribution.js';

describe('suggestQuasiNormal', () => {
	it.each([1, 2, 3, 5, 9, 12, 16, 20, 24, 25, 33, 40, 41, 48, 49, 60, 72, 80, 100])(
		'for %i statements: sums to the Q-set, symmetric, never rising outwards, extremes filled',
		(size) => {
			const columns = suggestQuasiNormal(size);
			expect(totalCapacity(columns)).toBe(size);
			const capacities = columns.map((column) => column.capacity);
			expect(capacities).toEqual([...capacities].reverse());
			const middle = Math.floor(capacities.length / 2);
			for (let i = 0; i < middle; i++) expect(capacities[i]).toBeLessThanOrEqual(capacities[i + 1]);
			expect(capacities[0]).toBeGreaterThanOrEqual(size >= 20 ? 2 : 1);
			expect(columns.map((column) => column.value)).toEqual(columns.map((_, i) => i - middle));
		}
	);

	it('gives 40 statements the familiar −4…+4 shape', () => {
		// Shape checked by hand against the normal density with ±4 at ±1.5 SD, then rounded to whole cards.
		expect(suggestQuasiNormal(40).map((column) => column.capacity)).toEqual([2, 3, 5, 6, 8, 6, 5, 3, 2]);
	});

	it('is not more peaked than two cards above its neighbours in the middle', () => {
		for (const size of [20, 33, 40, 60]) {
			const capacities = suggestQuasiNormal(size).map((column) => column.capacity);
			const middle = Math.floor(capacities.length / 2);
			expect(capacities[middle] - capacities[middle - 1]).toBeLessThanOrEqual(2);
		}
	});

	it('narrows the range when there are too few statements for it', () => {
		expect(suggestQuasiNormal(3, 4)).toEqual([
			{ value: -1, capacity: 1 },
			{ value: 0, capacity: 1 },
			{ value: 1, capacity: 1 }
		]);
	});

	it('rejects an empty Q-set and a negative range', () => {
		expect(() => suggestQuasiNormal(0)).toThrow(RangeError);
		expect(() => suggestQuasiNormal(10, -1)).toThrow(RangeError);
	});
});

describe('suggestedHalfWidth', () => {
	it.each([
		[10, 2],
		[20, 3],
		[40, 4],
		[60, 5],
		[90, 6]
	])('%i statements → ±%i', (size, half) => expect(suggestedHalfWidth(size)).toBe(half));
});

describe('checkCapacity', () => {
	const grid = [
		{ value: -1, capacity: 2 },
		{ value: 0, capacity: 3 },
		{ value: 1, capacity: 2 }
	];
	it('matches when capacities sum to the statement count', () => {
		expect(checkCapacity(grid, 7, true)).toEqual({ kind: 'match', capacity: 7, statements: 7 });
	});
	it('reports how many places are missing', () => {
		expect(checkCapacity(grid, 9, true)).toEqual({
			kind: 'too-few-places',
			capacity: 7,
			statements: 9,
			difference: 2,
			problem: 'GRID_MISMATCH'
		});
	});
	it('reports how many places are left over in a forced grid', () => {
		expect(checkCapacity(grid, 4, true)).toEqual({
			kind: 'too-many-places',
			capacity: 7,
			statements: 4,
			difference: 3,
			problem: 'GRID_MISMATCH'
		});
	});
	it('accepts any total on a free grid: spare places, and too few only as a hint', () => {
		expect(checkCapacity(grid, 4, false)).toEqual({ kind: 'free', capacity: 7, statements: 4 });
		expect(checkCapacity(grid, 7, false)).toEqual({ kind: 'free', capacity: 7, statements: 7 });
		expect(checkCapacity(grid, 8, false)).toEqual({
			kind: 'free-few-places',
			capacity: 7,
			statements: 8,
			difference: 1
		});
		expect(checkCapacity(grid, 8, false).problem).toBeUndefined();
	});
});

describe('columnsForRange', () => {
	it('keeps the capacities of columns that stay', () => {
		expect(
			columnsForRange(-1, 2, [
				{ value: 0, capacity: 4 },
				{ value: 3, capacity: 1 }
			])
		).toEqual([
			{ value: -1, capacity: 0 },
			{ value: 0, capacity: 4 },
			{ value: 1, capacity: 0 },
			{ value: 2, capacity: 0 }
		]);
	});
});

describe('formatGridValue', () => {
	it.each([
		[-4, '\u22124'],
		[0, '0'],
		[3, '+3']
	])('%i → %s', (value, text) => expect(formatGridValue(value)).toBe(text));
});
