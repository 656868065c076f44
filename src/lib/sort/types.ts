/** The three rough-sort piles, in the order they are offered (keys 1, 2, 3). */
export const PILES = ['disagree', 'neutral', 'agree'] as const;
export type Pile = (typeof PILES)[number];

// The grid column is the API's shape (src/lib/api/types/common.ts).
import type { GridColumn } from '../api/types/common.js';
export type { GridColumn };

/** What the reducer needs to know about the study; fixed for the whole sort. */
export interface SortConfig {
	grid: GridColumn[];
	/** A forced grid never lets a column hold more than its capacity. */
	forced: boolean;
}

/** The parts of the state that undo restores. */
export interface SortSnapshot {
	piles: Record<string, Pile>;
	placements: Record<string, number>;
}

/** What the last action did, for the screen-reader announcement and for visual feedback. */
export type SortEvent =
	| { kind: 'roughSorted'; card: string; pile: Pile }
	| { kind: 'selected'; card: string | null }
	| { kind: 'placed'; card: string; column: number; count: number; capacity: number }
	| { kind: 'swapped'; card: string; other: string; column: number; otherColumn: number | null }
	| { kind: 'unplaced'; card: string }
	| { kind: 'full'; card: string; column: number; capacity: number }
	| { kind: 'undone' }
	| { kind: 'nothing' };

export interface SortState extends SortSnapshot {
	/** Every card, in the order it is presented (the rough sort deals them in this order). */
	order: string[];
	selected: string | null;
	/** Earlier snapshots, newest last; kept in memory only (not in the saved draft). */
	history: SortSnapshot[];
	last: SortEvent;
}

export type SortAction =
	| { type: 'roughSort'; card: string; pile: Pile }
	| { type: 'select'; card: string | null }
	| { type: 'place'; card: string; column: number }
	| { type: 'swap'; card: string; other: string }
	| { type: 'unplace'; card: string }
	| { type: 'undo' };
