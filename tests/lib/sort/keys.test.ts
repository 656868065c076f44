import { describe, expect, it } from 'vitest';
import { columnForKey, columnsInOrder, suggestedColumn } from '../../../src/lib/sort/keys.js';
import type { SortConfig } from '../../../src/lib/sort/types.js';
import { DEMO_GRID } from '../../../server/demo/study.js';

const demo: SortConfig = { grid: [...DEMO_GRID].reverse(), forced: true };

describe('keyboard helpers for the grid', () => {
	it('orders the columns as the pyramid does, −4 first, whatever order the grid is stored in', () => {
		expect(columnsInOrder(demo)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
	});

	it('maps the digits 1–9 to the columns from left to right, and nothing else', () => {
		expect(columnForKey(demo, '1')).toBe(-4);
		expect(columnForKey(demo, '5')).toBe(0);
		expect(columnForKey(demo, '9')).toBe(4);
		for (const key of ['0', 'a', 'Enter', '10', '']) expect(columnForKey(demo, key)).toBeUndefined();
		const three: SortConfig = {
			grid: [
				{ value: -1, capacity: 1 },
				{ value: 0, capacity: 1 },
				{ value: 1, capacity: 1 }
			],
			forced: true
		};
		expect(columnForKey(three, '3')).toBe(1);
		expect(columnForKey(three, '4')).toBeUndefined();
	});

	it('gives no digit keys to a grid of more than nine columns (−5…+5)', () => {
		const wide: SortConfig = {
			grid: Array.from({ length: 11 }, (_, i) => ({ value: i - 5, capacity: 2 })),
			forced: true
		};
		expect(columnForKey(wide, '1')).toBeUndefined();
	});

	it('suggests the column by pile: leftmost free for disagree, rightmost free for agree, nearest the middle otherwise', () => {
		const state = {
			placements: { a: -4, b: -4, c: 4 } as Record<string, number>,
			piles: { x: 'disagree', y: 'agree', z: 'neutral' } as const
		};
		expect(suggestedColumn(state, demo, 'x')).toBe(-3); // −4 is full (2 of 2)
		expect(suggestedColumn(state, demo, 'y')).toBe(4); // +4 has one place left
		expect(suggestedColumn(state, demo, 'z')).toBe(0);
		expect(suggestedColumn(state, demo, 'nopile')).toBe(0);
		expect(suggestedColumn(state, demo, 'c')).toBe(4); // a placed card: where it is
	});

	it('falls back to the nearest column to the middle when the middle is full, and to any column when all are full', () => {
		const placements: Record<string, number> = {};
		for (let i = 0; i < 10; i++) placements[`n${i}`] = 0;
		expect(suggestedColumn({ placements, piles: {} }, demo, 'q')).toBe(-1);
		const tiny: SortConfig = { grid: [{ value: 0, capacity: 1 }], forced: true };
		expect(suggestedColumn({ placements: { a: 0 }, piles: {} }, tiny, 'b')).toBe(0);
		expect(suggestedColumn({ placements: {}, piles: {} }, { grid: [], forced: true }, 'b')).toBeUndefined();
	});
});
