import { columnCount, columnOf } from './selectors.js';
import type { SortAction, SortConfig, SortSnapshot, SortState } from './types.js';

/** Undo keeps this many steps; enough for any sort, small enough to stay cheap. */
export const HISTORY_LIMIT = 200;

/** A fresh sort: nothing rough-sorted, nothing placed. */
export function initialSortState(order: string[]): SortState {
	return { order: [...order], piles: {}, placements: {}, selected: null, history: [], last: { kind: 'nothing' } };
}

/** Restores a saved sort, dropping anything that does not fit the study (unknown cards, columns, piles). */
export function restoreSortState(
	order: string[],
	config: SortConfig,
	saved: Partial<SortSnapshot> | undefined
): SortState {
	const state = initialSortState(order);
	const cards = new Set(order);
	for (const [card, pile] of Object.entries(saved?.piles ?? {})) {
		if (cards.has(card) && (pile === 'disagree' || pile === 'neutral' || pile === 'agree')) state.piles[card] = pile;
	}
	for (const [card, column] of Object.entries(saved?.placements ?? {})) {
		const grid = config.grid.find((c) => c.value === column);
		if (!cards.has(card) || !grid) continue;
		if (config.forced && columnCount(state, column) >= grid.capacity) continue;
		state.placements[card] = column;
	}
	return state;
}

function snapshot(state: SortState): SortSnapshot {
	return { piles: { ...state.piles }, placements: { ...state.placements } };
}

function withHistory(state: SortState): SortSnapshot[] {
	const history = [...state.history, snapshot(state)];
	return history.length > HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT) : history;
}

/**
 * Every change to a sort goes through here, whatever the input (tap, click, keyboard, drag).
 * Pure: returns a new state and never mutates the old one. Actions on unknown cards or columns
 * change nothing and report `nothing`.
 */
export function sortReducer(state: SortState, action: SortAction, config: SortConfig): SortState {
	const known = (card: string) => state.order.includes(card);
	switch (action.type) {
		case 'roughSort': {
			if (!known(action.card)) return { ...state, last: { kind: 'nothing' } };
			if (state.piles[action.card] === action.pile)
				return { ...state, last: { kind: 'roughSorted', card: action.card, pile: action.pile } };
			return {
				...state,
				history: withHistory(state),
				piles: { ...state.piles, [action.card]: action.pile },
				last: { kind: 'roughSorted', card: action.card, pile: action.pile }
			};
		}
		case 'select': {
			const card = action.card !== null && known(action.card) && state.selected !== action.card ? action.card : null;
			return { ...state, selected: card, last: { kind: 'selected', card } };
		}
		case 'place': {
			const column = config.grid.find((c) => c.value === action.column);
			if (!known(action.card) || !column) return { ...state, last: { kind: 'nothing' } };
			const count = columnCount(state, column.value);
			if (columnOf(state, action.card) === column.value) {
				return {
					...state,
					selected: null,
					last: { kind: 'placed', card: action.card, column: column.value, count, capacity: column.capacity }
				};
			}
			if (config.forced && count >= column.capacity) {
				// The card stays selected so that the participant can pick a card to swap with.
				return {
					...state,
					selected: action.card,
					last: { kind: 'full', card: action.card, column: column.value, capacity: column.capacity }
				};
			}
			return {
				...state,
				history: withHistory(state),
				placements: { ...state.placements, [action.card]: column.value },
				selected: null,
				last: { kind: 'placed', card: action.card, column: column.value, count: count + 1, capacity: column.capacity }
			};
		}
		case 'swap': {
			const target = columnOf(state, action.other);
			if (!known(action.card) || target === undefined || action.card === action.other)
				return { ...state, last: { kind: 'nothing' } };
			const from = columnOf(state, action.card);
			const placements = { ...state.placements, [action.card]: target };
			if (from === undefined) delete placements[action.other];
			else placements[action.other] = from;
			return {
				...state,
				history: withHistory(state),
				placements,
				selected: null,
				last: { kind: 'swapped', card: action.card, other: action.other, column: target, otherColumn: from ?? null }
			};
		}
		case 'unplace': {
			if (columnOf(state, action.card) === undefined) return { ...state, last: { kind: 'nothing' } };
			const placements = { ...state.placements };
			delete placements[action.card];
			return {
				...state,
				history: withHistory(state),
				placements,
				selected: null,
				last: { kind: 'unplaced', card: action.card }
			};
		}
		case 'undo': {
			const previous = state.history.at(-1);
			if (!previous) return { ...state, last: { kind: 'nothing' } };
			return { ...state, ...previous, history: state.history.slice(0, -1), selected: null, last: { kind: 'undone' } };
		}
	}
}
