import { fitSort } from '../rules/grid.js';
import { PILES, type Pile, type SortConfig, type SortSnapshot, type SortState } from './types.js';

type Sorted = Pick<SortState, 'placements'>;

/** The column a card is in, or undefined when it is not placed. */
export function columnOf(state: Sorted, card: string): number | undefined {
	return Object.hasOwn(state.placements, card) ? state.placements[card] : undefined;
}

/** How many cards a column holds now. */
export function columnCount(state: Sorted, column: number): number {
	let count = 0;
	for (const value of Object.values(state.placements)) if (value === column) count++;
	return count;
}

/** The cards in a column, in presentation order. */
export function cardsIn(state: Pick<SortState, 'order' | 'placements'>, column: number): string[] {
	return state.order.filter((card) => state.placements[card] === column);
}

/** Places still free in a column (never negative). */
export function freePlaces(state: Sorted, config: SortConfig, column: number): number {
	const grid = config.grid.find((c) => c.value === column);
	return grid ? Math.max(0, grid.capacity - columnCount(state, column)) : 0;
}

/** Cards not yet in the grid, optionally only those of one rough-sort pile, in presentation order. */
export function unplaced(state: Pick<SortState, 'order' | 'placements' | 'piles'>, pile?: Pile): string[] {
	return state.order.filter(
		(card) => columnOf(state, card) === undefined && (pile === undefined || state.piles[card] === pile)
	);
}

/** The first card still to place in the order the grid lists them: pile by pile (oneens, neutraal, eens), then any without a pile. */
export function nextToPlace(state: Pick<SortState, 'order' | 'placements' | 'piles'>): string | undefined {
	const waiting = unplaced(state);
	for (const pile of PILES) {
		const card = waiting.find((c) => state.piles[c] === pile);
		if (card) return card;
	}
	return waiting[0];
}

/** The next card the rough sort should show, or undefined when every card is in a pile. */
export function nextToRoughSort(state: Pick<SortState, 'order' | 'piles'>): string | undefined {
	return state.order.find((card) => !state.piles[card]);
}

/** How many cards are in a rough-sort pile. */
export function pileCount(state: Pick<SortState, 'piles'>, pile: Pile): number {
	return Object.values(state.piles).filter((p) => p === pile).length;
}

/**
 * The sort can be submitted: it fits the grid by the one rule the server applies (src/lib/rules/grid.ts): every
 * card placed in a column of the grid, and in a forced grid every column exactly full; in a free grid the
 * capacities are a guide. A restored draft of another grid fails here rather than at the server.
 */
export function isComplete(state: Pick<SortState, 'order' | 'placements'>, config: SortConfig): boolean {
	const placements = state.order.map((card) => ({ statement: card, value: columnOf(state, card) }));
	return fitSort(config.grid, config.forced, state.order, placements).fits;
}

/** The columns that take the card now (free places, or any column when the grid is not forced). */
export function openColumns(state: Sorted, config: SortConfig): number[] {
	return config.grid.filter((c) => !config.forced || columnCount(state, c.value) < c.capacity).map((c) => c.value);
}

/** The two extreme columns (lowest and highest value), whose cards get a comment. */
export function extremeCards(
	state: Pick<SortState, 'order' | 'placements'>,
	config: SortConfig
): { column: number; cards: string[] }[] {
	const values = config.grid.map((c) => c.value).sort((a, b) => a - b);
	if (values.length === 0) return [];
	const ends = values.length === 1 ? [values[0]] : [values[values.length - 1], values[0]];
	return ends.map((column) => ({ column, cards: cardsIn(state, column) }));
}

/** The part of the state worth saving in the draft. */
export function toSnapshot(state: SortState): SortSnapshot {
	return { piles: state.piles, placements: state.placements };
}
