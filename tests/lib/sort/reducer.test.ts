import { describe, expect, it } from 'vitest';
import { fitSort } from '../../../src/lib/rules/grid.js';
import {
	cardsIn,
	columnCount,
	extremeCards,
	freePlaces,
	initialSortState,
	isComplete,
	nextToPlace,
	nextToRoughSort,
	openColumns,
	pileCount,
	restoreSortState,
	sortReducer,
	unplaced,
	type SortAction,
	type SortConfig,
	type SortState
} from '../../../src/lib/sort/index.js';

// A small forced grid: −1 (1 place), 0 (2 places), +1 (1 place) for four cards.
const config: SortConfig = {
	grid: [
		{ value: -1, capacity: 1 },
		{ value: 0, capacity: 2 },
		{ value: 1, capacity: 1 }
	],
	forced: true
};
const cards = ['A', 'B', 'C', 'D'];

function run(actions: SortAction[], start: SortState = initialSortState(cards), cfg = config): SortState {
	return actions.reduce((state, action) => sortReducer(state, action, cfg), start);
}

describe('roughSort', () => {
	it('puts a card in a pile and deals the next card', () => {
		const state = run([{ type: 'roughSort', card: 'A', pile: 'agree' }]);
		expect(state.piles).toEqual({ A: 'agree' });
		expect(nextToRoughSort(state)).toBe('B');
		expect(state.last).toEqual({ kind: 'roughSorted', card: 'A', pile: 'agree' });
	});

	it('lets a card move to another pile (revising) and counts piles', () => {
		const state = run([
			{ type: 'roughSort', card: 'A', pile: 'agree' },
			{ type: 'roughSort', card: 'B', pile: 'agree' },
			{ type: 'roughSort', card: 'A', pile: 'disagree' }
		]);
		expect(pileCount(state, 'agree')).toBe(1);
		expect(pileCount(state, 'disagree')).toBe(1);
		expect(unplaced(state, 'disagree')).toEqual(['A']);
	});

	it('reports nothing for an unknown card', () => {
		const state = run([{ type: 'roughSort', card: 'Z', pile: 'agree' }]);
		expect(state.piles).toEqual({});
		expect(state.last.kind).toBe('nothing');
	});

	it('ends with undefined once every card is in a pile', () => {
		const state = run(cards.map((card) => ({ type: 'roughSort', card, pile: 'neutral' }) as const));
		expect(nextToRoughSort(state)).toBeUndefined();
	});
});

describe('select', () => {
	it('selects a card, and selecting it again deselects it', () => {
		const once = run([{ type: 'select', card: 'B' }]);
		expect(once.selected).toBe('B');
		expect(run([{ type: 'select', card: 'B' }], once).selected).toBeNull();
	});

	it('does not add an undo step', () => {
		expect(run([{ type: 'select', card: 'B' }]).history).toHaveLength(0);
	});

	it('ignores unknown cards', () => {
		expect(run([{ type: 'select', card: 'Q' }]).selected).toBeNull();
	});
});

describe('place', () => {
	it('places a card in a column with free places and clears the selection', () => {
		const state = run([
			{ type: 'select', card: 'A' },
			{ type: 'place', card: 'A', column: 0 }
		]);
		expect(state.placements).toEqual({ A: 0 });
		expect(state.selected).toBeNull();
		expect(state.last).toEqual({ kind: 'placed', card: 'A', column: 0, count: 1, capacity: 2 });
		expect(freePlaces(state, config, 0)).toBe(1);
	});

	it('refuses a full column in a forced grid and keeps the card selected for a swap', () => {
		const state = run([
			{ type: 'place', card: 'A', column: 1 },
			{ type: 'select', card: 'B' },
			{ type: 'place', card: 'B', column: 1 }
		]);
		expect(state.placements).toEqual({ A: 1 });
		expect(state.selected).toBe('B');
		expect(state.last).toEqual({ kind: 'full', card: 'B', column: 1, capacity: 1 });
	});

	it('lets a column take more than its capacity when the grid is not forced', () => {
		const free = { ...config, forced: false };
		const state = run(
			[
				{ type: 'place', card: 'A', column: 1 },
				{ type: 'place', card: 'B', column: 1 }
			],
			initialSortState(cards),
			free
		);
		expect(columnCount(state, 1)).toBe(2);
		expect(openColumns(state, free)).toEqual([-1, 0, 1]);
	});

	it('moves a placed card to another column', () => {
		const state = run([
			{ type: 'place', card: 'A', column: -1 },
			{ type: 'place', card: 'A', column: 0 }
		]);
		expect(state.placements).toEqual({ A: 0 });
		expect(columnCount(state, -1)).toBe(0);
	});

	it('treats placing a card in its own column as a no-op without an undo step', () => {
		const placed = run([{ type: 'place', card: 'A', column: 1 }]);
		const again = run([{ type: 'place', card: 'A', column: 1 }], placed);
		expect(again.history).toHaveLength(placed.history.length);
		expect(again.last).toMatchObject({ kind: 'placed', count: 1 });
	});

	it('ignores a column that is not in the grid and an unknown card', () => {
		expect(run([{ type: 'place', card: 'A', column: 4 }]).placements).toEqual({});
		expect(run([{ type: 'place', card: 'X', column: 0 }]).placements).toEqual({});
	});

	it('never mutates the previous state', () => {
		const before = run([{ type: 'place', card: 'A', column: 0 }]);
		const frozen = JSON.stringify(before);
		run([{ type: 'place', card: 'B', column: 0 }, { type: 'unplace', card: 'A' }, { type: 'undo' }], before);
		expect(JSON.stringify(before)).toBe(frozen);
	});
});

describe('swap', () => {
	it('swaps a placed card with a card in a full column', () => {
		const state = run([
			{ type: 'place', card: 'A', column: 1 },
			{ type: 'place', card: 'B', column: -1 },
			{ type: 'swap', card: 'B', other: 'A' }
		]);
		expect(state.placements).toEqual({ A: -1, B: 1 });
		expect(state.last).toEqual({ kind: 'swapped', card: 'B', other: 'A', column: 1, otherColumn: -1 });
	});

	it('puts the displaced card back among the unplaced cards when the incoming card was not placed', () => {
		const state = run([
			{ type: 'roughSort', card: 'A', pile: 'agree' },
			{ type: 'place', card: 'A', column: 1 },
			{ type: 'swap', card: 'C', other: 'A' }
		]);
		expect(state.placements).toEqual({ C: 1 });
		expect(unplaced(state, 'agree')).toEqual(['A']);
		expect(state.last).toMatchObject({ otherColumn: null });
	});

	it('ignores a swap with a card that is not placed, or with itself', () => {
		expect(run([{ type: 'swap', card: 'A', other: 'B' }]).last.kind).toBe('nothing');
		expect(
			run([
				{ type: 'place', card: 'A', column: 1 },
				{ type: 'swap', card: 'A', other: 'A' }
			]).placements
		).toEqual({ A: 1 });
	});
});

describe('unplace and undo', () => {
	it('takes a card out of the grid', () => {
		const state = run([
			{ type: 'place', card: 'A', column: 0 },
			{ type: 'unplace', card: 'A' }
		]);
		expect(state.placements).toEqual({});
		expect(state.last).toEqual({ kind: 'unplaced', card: 'A' });
		expect(run([{ type: 'unplace', card: 'B' }]).last.kind).toBe('nothing');
	});

	it('undoes placements, swaps, unplacements and rough sorting one step at a time', () => {
		const steps: SortAction[] = [
			{ type: 'roughSort', card: 'A', pile: 'agree' },
			{ type: 'place', card: 'A', column: 1 },
			{ type: 'place', card: 'B', column: -1 },
			{ type: 'swap', card: 'B', other: 'A' },
			{ type: 'unplace', card: 'B' }
		];
		let state = run(steps);
		const expected = [{ A: -1, B: 1 }, { A: 1, B: -1 }, { A: 1 }, {}, {}];
		for (const placements of expected) {
			state = run([{ type: 'undo' }], state);
			expect(state.placements).toEqual(placements);
			expect(state.last.kind).toBe('undone');
		}
		expect(state.piles).toEqual({});
		expect(run([{ type: 'undo' }], state).last.kind).toBe('nothing');
	});

	it('clears the selection on undo', () => {
		const state = run([{ type: 'place', card: 'A', column: 0 }, { type: 'select', card: 'B' }, { type: 'undo' }]);
		expect(state.selected).toBeNull();
	});

	it('keeps at most HISTORY_LIMIT undo steps', async () => {
		const { HISTORY_LIMIT } = await import('../../../src/lib/sort/index.js');
		let state = initialSortState(cards);
		for (let i = 0; i < HISTORY_LIMIT + 20; i++)
			state = sortReducer(state, { type: 'place', card: 'A', column: i % 2 === 0 ? 0 : -1 }, config);
		expect(state.history).toHaveLength(HISTORY_LIMIT);
	});
});

describe('selectors', () => {
	const full = run([
		{ type: 'place', card: 'A', column: -1 },
		{ type: 'place', card: 'B', column: 0 },
		{ type: 'place', card: 'C', column: 0 },
		{ type: 'place', card: 'D', column: 1 }
	]);

	it('isComplete needs every card placed', () => {
		expect(isComplete(full, config)).toBe(true);
		expect(isComplete(run([{ type: 'unplace', card: 'D' }], full), config)).toBe(false);
	});

	it('isComplete refuses an overfull column in a forced grid (e.g. a restored draft of another grid)', () => {
		const overfull = { ...full, placements: { A: 0, B: 0, C: 0, D: 1 } };
		expect(isComplete(overfull, config)).toBe(false);
		expect(isComplete(overfull, { ...config, forced: false })).toBe(true);
	});
	it('isComplete asks the one grid rule: a value that is not a column of this grid is not complete', () => {
		const elsewhere = { ...full, placements: { A: -1, B: 0, C: 0, D: 4 } as Record<string, number> };
		expect(isComplete(elsewhere, config)).toBe(false);
		expect(isComplete(elsewhere, { ...config, forced: false })).toBe(false);
		const placements = full.order.map((card) => ({ statement: card, value: elsewhere.placements[card] }));
		expect(fitSort(config.grid, false, full.order, placements).problems).toEqual(['VALUE_OUTSIDE_GRID']);
	});

	it('offers the next card to place pile by pile, as the grid lists them', () => {
		const state = run([
			{ type: 'roughSort', card: 'A', pile: 'agree' },
			{ type: 'roughSort', card: 'B', pile: 'neutral' },
			{ type: 'roughSort', card: 'C', pile: 'disagree' }
		]);
		expect(nextToPlace(state)).toBe('C');
		expect(nextToPlace(run([{ type: 'place', card: 'C', column: -1 }], state))).toBe('B');
		expect(
			nextToPlace(
				run(
					[
						{ type: 'place', card: 'A', column: 1 },
						{ type: 'place', card: 'B', column: 0 },
						{ type: 'place', card: 'C', column: -1 }
					],
					state
				)
			)
		).toBe('D');
		expect(nextToPlace(full)).toBeUndefined();
	});

	it('lists cards per column in presentation order, open columns and the extremes (+ first)', () => {
		expect(cardsIn(full, 0)).toEqual(['B', 'C']);
		expect(openColumns(run([{ type: 'unplace', card: 'B' }], full), config)).toEqual([0]);
		expect(extremeCards(full, config)).toEqual([
			{ column: 1, cards: ['D'] },
			{ column: -1, cards: ['A'] }
		]);
	});
});

describe('restoreSortState', () => {
	it('restores piles and placements and drops what does not fit the study', () => {
		const state = restoreSortState(cards, config, {
			piles: { A: 'agree', B: 'sideways' as never, Z: 'agree' },
			placements: { A: 1, B: 1, C: 7, Y: 0 }
		});
		expect(state.piles).toEqual({ A: 'agree' });
		expect(state.placements).toEqual({ A: 1 });
		expect(state.history).toEqual([]);
	});

	it('starts empty without a saved state', () => {
		expect(restoreSortState(cards, config, undefined)).toEqual(initialSortState(cards));
	});
});
