import { columnCount, columnOf } from './selectors.js';
import type { SortConfig, SortState } from './types.js';

/** The grid's column values from left to right (−4…+4): the order of the pyramid, the chooser and the digit keys. */
export function columnsInOrder(config: SortConfig): number[] {
	return config.grid.map((c) => c.value).sort((a, b) => a - b);
}

/**
 * The column a digit key stands for: 1 is the leftmost column, 2 the next, and so on. Only for grids
 * of at most nine columns (one key per column); undefined for any other key.
 */
export function columnForKey(config: SortConfig, key: string): number | undefined {
	const columns = columnsInOrder(config);
	if (columns.length > 9 || !/^[1-9]$/.test(key)) return undefined;
	return columns[Number(key) - 1];
}

/**
 * The column the chooser puts the focus on first: where the card already is; otherwise, after its
 * rough-sort pile, the leftmost free column (disagree), the rightmost (agree) or the free one nearest
 * the middle (neutral, or no pile). Every column when none is free (a free grid never fills up).
 */
export function suggestedColumn(
	state: Pick<SortState, 'placements' | 'piles'>,
	config: SortConfig,
	card: string
): number | undefined {
	const placed = columnOf(state, card);
	if (placed !== undefined) return placed;
	const columns = columnsInOrder(config);
	const free = columns.filter((value) => {
		const grid = config.grid.find((c) => c.value === value)!;
		return !config.forced || columnCount(state, value) < grid.capacity;
	});
	const open = free.length > 0 ? free : columns;
	const pile = state.piles[card];
	if (pile === 'disagree') return open[0];
	if (pile === 'agree') return open.at(-1);
	const middle = columns[Math.floor((columns.length - 1) / 2)] ?? 0;
	return [...open].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b)[0];
}
