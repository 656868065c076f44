/**
 * The grid's rules, written once: the range of grid values, whether a grid has room for the Q-set (gridCapacity,
 * asked by the grid designer and the server) and whether a sort fits a grid. The server (participant
 * submissions, paper sorts, imports), the manual-entry form, the sorting page's selectors and the analysis engine
 * all ask this module, so they give the same answer with the same codes.
 *
 * Pure: imports nothing and uses no DOM or Node API (eslint.config.js enforces this for src/lib/rules).
 *
 * A sort fits its grid when
 *  1. every placed statement belongs to the Q-set          (else UNKNOWN_STATEMENTS),
 *  2. no statement is placed twice                          (else DUPLICATE_STATEMENTS),
 *  3. every Q-set statement is placed                       (else MISSING_STATEMENTS),
 *  4. every value is a column of the grid                   (else VALUE_OUTSIDE_GRID),
 *  5. on a forced grid only: every column holds exactly as many statements as it has places, i.e. the sort is a
 *     permutation of the distribution                       (else DISTRIBUTION_MISMATCH).
 * On a free (unforced) grid the capacities are a guide for the participant, not a limit: a column may hold more or
 * fewer statements than its capacity. docs/methods.md §1 states the same rule.
 */

/** The lowest grid value: PQMethod's .DAT header and KADE's pattern.txt have 20 columns, −6 … +13. */
export const GRID_MIN = -6;
/** The highest grid value (see GRID_MIN); the database's check constraint uses the same range. */
export const GRID_MAX = 13;
/** How many grid values there are from GRID_MIN to GRID_MAX (20). */
export const GRID_SLOTS = GRID_MAX - GRID_MIN + 1;

/** Whether a number can be a grid value at all: a whole number in −6…+13. */
export function isGridValue(value: number): boolean {
	return Number.isInteger(value) && value >= GRID_MIN && value <= GRID_MAX;
}

/**
 * One column of the sorting grid: its value (a grid value, GRID_MIN…GRID_MAX) and how many statements it holds.
 * The one definition of the type: src/lib/api/types/common.ts re-exports it beside the JSON schema that validates it
 * (and fails to compile if the two drift apart).
 */
export interface GridColumn {
	value: number;
	capacity: number;
}

/** One statement's place; a null, undefined or NaN value means "not placed (yet)". */
export interface Placement {
	statement: string;
	value: number | null | undefined;
}

/** The problem codes, in the order they are checked; the server answers with the first that applies. */
export const FIT_PROBLEMS = [
	'UNKNOWN_STATEMENTS',
	'DUPLICATE_STATEMENTS',
	'MISSING_STATEMENTS',
	'VALUE_OUTSIDE_GRID',
	'DISTRIBUTION_MISMATCH'
] as const;
export type FitProblem = (typeof FIT_PROBLEMS)[number];

export interface ColumnCount {
	value: number;
	count: number;
	capacity: number;
}

export interface SortFit {
	/** Statements per grid column, every column of the grid included (0 when empty), in grid order. */
	counts: Map<number, number>;
	/** Placed statements that are not in the Q-set. */
	unknown: string[];
	/** Statements placed more than once (each named once). */
	duplicate: string[];
	/** Q-set statements without a value. */
	missing: string[];
	/** Values that are not a column of the grid. */
	outside: { statement: string; value: number }[];
	/** Forced grid: columns holding more statements than places. Always empty on a free grid. */
	overfull: ColumnCount[];
	/**
	 * Forced grid, once every statement has a value inside the grid: columns holding fewer statements than places.
	 * Empty while statements are missing or outside the grid (their columns are short because of that) and on a free grid.
	 */
	underfull: ColumnCount[];
	/** The codes that apply, in FIT_PROBLEMS order; empty when the sort fits. */
	problems: FitProblem[];
	fits: boolean;
}

/** A record statement → value (as paper sorts and drafts keep them) as a list of placements. */
export function placementsOf(record: Readonly<Record<string, number | null | undefined>>): Placement[] {
	return Object.entries(record).map(([statement, value]) => ({ statement, value }));
}

const unplaced = (value: number | null | undefined): value is null | undefined =>
	value === null || value === undefined || Number.isNaN(value);

/**
 * Checks one sort against the Q-set and the grid (the rule in this module's comment). Collects every problem
 * instead of stopping at the first, so a form or an import can show them all.
 */
export function fitSort(
	grid: readonly GridColumn[],
	forced: boolean,
	qset: readonly string[],
	placements: Iterable<Placement>
): SortFit {
	const known = new Set(qset);
	const capacity = new Map(grid.map((column) => [column.value, column.capacity]));
	const counts = new Map<number, number>(grid.map((column) => [column.value, 0]));
	const placed = new Set<string>();
	const unknown: string[] = [];
	const duplicate = new Set<string>();
	const outside: SortFit['outside'] = [];
	for (const { statement, value } of placements) {
		if (unplaced(value)) continue;
		if (!known.has(statement)) {
			unknown.push(statement);
			continue;
		}
		if (placed.has(statement)) {
			duplicate.add(statement);
			continue;
		}
		placed.add(statement);
		if (!Number.isInteger(value) || !capacity.has(value)) outside.push({ statement, value });
		else counts.set(value, counts.get(value)! + 1);
	}
	const missing = qset.filter((statement) => !placed.has(statement));

	const overfull: ColumnCount[] = [];
	const underfull: ColumnCount[] = [];
	if (forced) {
		const settled = missing.length === 0 && outside.length === 0;
		for (const column of grid) {
			const count = counts.get(column.value)!;
			if (count > column.capacity) overfull.push({ value: column.value, count, capacity: column.capacity });
			else if (settled && count < column.capacity)
				underfull.push({ value: column.value, count, capacity: column.capacity });
		}
	}

	const found: Record<FitProblem, boolean> = {
		UNKNOWN_STATEMENTS: unknown.length > 0,
		DUPLICATE_STATEMENTS: duplicate.size > 0,
		MISSING_STATEMENTS: missing.length > 0,
		VALUE_OUTSIDE_GRID: outside.length > 0,
		DISTRIBUTION_MISMATCH: overfull.length > 0 || underfull.length > 0
	};
	const problems = FIT_PROBLEMS.filter((code) => found[code]);
	return {
		counts,
		unknown,
		duplicate: [...duplicate],
		missing,
		outside,
		overfull,
		underfull,
		problems,
		fits: problems.length === 0
	};
}

/** The columns whose count differs from their capacity (over- and under-full), by grid value. */
export function mismatchedColumns(fit: Pick<SortFit, 'overfull' | 'underfull'>): ColumnCount[] {
	return [...fit.overfull, ...fit.underfull].sort((a, b) => a.value - b.value);
}

/**
 * For the engine, which holds sorts as arrays of values: statements per grid value, indexed by value − GRID_MIN
 * (GRID_SLOTS entries). Values outside −6…+13 are not counted; the caller refuses them first.
 */
export function slotCounts(values: ArrayLike<number>, into: Int32Array = new Int32Array(GRID_SLOTS)): Int32Array {
	into.fill(0);
	for (let i = 0; i < values.length; i++) {
		const value = values[i]!;
		if (isGridValue(value)) into[value - GRID_MIN]++;
	}
	return into;
}

/** The first grid value where two slot counts differ (the forced rule on slot counts), or undefined. */
export function firstSlotMismatch(counts: ArrayLike<number>, expected: ArrayLike<number>): number | undefined {
	for (let slot = 0; slot < GRID_SLOTS; slot++) if (counts[slot] !== expected[slot]) return slot + GRID_MIN;
	return undefined;
}

/**
 * The code when a forced grid does not have exactly one place per Q-set statement. The server refuses such a grid
 * with 422 and this code; the grid designer shows the same verdict before saving.
 */
export const GRID_MISMATCH = 'GRID_MISMATCH';

export interface GridCapacity {
	/** Places in the grid: the sum of the column capacities. */
	places: number;
	statements: number;
	/** places − statements: below 0 when places are short, above 0 when places are to spare. */
	surplus: number;
	/**
	 * GRID_MISMATCH on a forced grid whose places differ from the statements: it cannot be saved or opened. Never
	 * on a free grid, where the column sizes are a guide and a column may hold more or fewer cards (docs/methods.md §1);
	 * a surplus there is at most a hint.
	 */
	problem: typeof GRID_MISMATCH | undefined;
}

/** Compares a grid's places with the number of Q-set statements (the rule in GridCapacity.problem). */
export function gridCapacity(grid: readonly GridColumn[], forced: boolean, statements: number): GridCapacity {
	const places = grid.reduce((sum, column) => sum + column.capacity, 0);
	const surplus = places - statements;
	return { places, statements, surplus, problem: forced && surplus !== 0 ? GRID_MISMATCH : undefined };
}
