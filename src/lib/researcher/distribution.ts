import type { GridColumn } from '../api/types/common.js';
import { gridCapacity, type GridCapacity } from '../rules/grid.js';

export type { GridColumn };

/** Half-width of the grid suggested for a Q-set of `size` statements: −m…+m. */
export function suggestedHalfWidth(size: number): number {
	if (size <= 12) return 2;
	if (size <= 24) return 3;
	if (size <= 48) return 4;
	if (size <= 72) return 5;
	return 6;
}

/** Columns from `min` to `max` with zero capacity, e.g. for a range picker. */
export function columnsForRange(min: number, max: number, previous: readonly GridColumn[] = []): GridColumn[] {
	const columns: GridColumn[] = [];
	for (let value = min; value <= max; value++) {
		columns.push({ value, capacity: previous.find((column) => column.value === value)?.capacity ?? 0 });
	}
	return columns;
}

/**
 * Suggests a symmetric quasi-normal forced distribution for `size` statements on −m…+m: capacities follow
 * the normal density with the outer columns at ±1.5 standard deviations (a flatter shape than a true normal,
 * as Q studies usually use; Brown 1980, p. 200 and Watts & Stenner 2012, ch. 5 describe the practice),
 * never decrease towards the middle, sum exactly to `size`, and give the extremes at least one card
 * (two once the Q-set has 20 or more statements).
 */
export function suggestQuasiNormal(size: number, halfWidth = suggestedHalfWidth(size)): GridColumn[] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError('the Q-set needs at least one statement');
	if (!Number.isInteger(halfWidth) || halfWidth < 0) throw new RangeError('the half-width must be a whole number ≥ 0');
	const m = Math.min(halfWidth, Math.max(0, Math.floor((size - 1) / 2)));
	if (m === 0) return [{ value: 0, capacity: size }];
	const density = (v: number) => Math.exp(-0.5 * ((1.5 * v) / m) ** 2);
	const total = density(0) + 2 * Array.from({ length: m }, (_, i) => density(i + 1)).reduce((a, b) => a + b, 0);
	const ideal = (v: number) => (size * density(v)) / total;
	const minExtreme = size >= 20 ? 2 : 1;
	// sides[v] is the capacity of both −v and +v, for v = 1…m.
	const sides = [0];
	for (let v = 1; v <= m; v++) sides.push(Math.max(v === m ? minExtreme : 1, Math.round(ideal(v))));
	for (let v = m - 1; v >= 1; v--) sides[v] = Math.max(sides[v], sides[v + 1]);
	const centre = () => size - 2 * sides.slice(1).reduce((a, b) => a + b, 0);
	// Too flat (the middle would hold fewer than its neighbours): take pairs from the outside in.
	while (centre() < sides[1]) {
		let v = m;
		while (v >= 1 && sides[v] <= (v === m ? minExtreme : Math.max(1, sides[v + 1]))) v--;
		if (v < 1) break;
		sides[v]--;
	}
	// Too peaked (the middle holds more than two cards over its neighbours): give pairs to the column furthest below its ideal.
	while (centre() > sides[1] + 2) {
		let best = 1;
		for (let v = 2; v <= m; v++) {
			const keepsShape = sides[v] + 1 <= sides[v - 1];
			if (keepsShape && ideal(v) - sides[v] > ideal(best) - sides[best]) best = v;
		}
		sides[best]++;
	}
	const columns: GridColumn[] = [];
	for (let value = -m; value <= m; value++)
		columns.push({ value, capacity: value === 0 ? centre() : sides[Math.abs(value)] });
	return columns;
}

/**
 * What the grid designer shows. `problem` is set exactly when the server would refuse the grid (422 with that code):
 * a forced grid whose places differ from the statements. On a free grid every total is acceptable;
 * `free-few-places` is only a hint that participants will put more cards in some columns than they show.
 */
export type CapacityCheck =
	| { kind: 'match'; capacity: number; statements: number; problem?: undefined }
	| { kind: 'too-few-places'; capacity: number; statements: number; difference: number; problem: GridProblem }
	| { kind: 'too-many-places'; capacity: number; statements: number; difference: number; problem: GridProblem }
	| { kind: 'free'; capacity: number; statements: number; problem?: undefined }
	| { kind: 'free-few-places'; capacity: number; statements: number; difference: number; problem?: undefined };
type GridProblem = NonNullable<GridCapacity['problem']>;

/** Total number of places in the grid. */
export function totalCapacity(columns: readonly GridColumn[]): number {
	return gridCapacity(columns, false, 0).places;
}

/** Compares the grid with the Q-set by the rule in src/lib/rules/grid.ts (gridCapacity), as the server does. */
export function checkCapacity(columns: readonly GridColumn[], statements: number, forced: boolean): CapacityCheck {
	const { places: capacity, surplus, problem } = gridCapacity(columns, forced, statements);
	const difference = Math.abs(surplus);
	if (problem) {
		const kind = surplus < 0 ? 'too-few-places' : 'too-many-places';
		return { kind, capacity, statements, difference, problem };
	}
	if (forced) return { kind: 'match', capacity, statements };
	if (surplus < 0) return { kind: 'free-few-places', capacity, statements, difference };
	return { kind: 'free', capacity, statements };
}

/** Formats a grid value with its sign: −4, 0, +4 (a real minus sign for screen readers and print). */
export function formatGridValue(value: number): string {
	if (value > 0) return `+${value}`;
	if (value < 0) return `\u2212${Math.abs(value)}`;
	return '0';
}
