import { type AnalysisResultLike, hasScores } from './analysis-result.js';

/** The values an attendee can give a statement in the mini-sort (unforced, −2 … +2). */
export const MINI_SORT_VALUES = [-2, -1, 0, 1, 2] as const;
export const MINI_SORT_MIN = 9;
export const MINI_SORT_MAX = 12;

/**
 * Picks 9–12 statements (0-based indices) from the viewpoints' extremes: each factor's statements
 * ordered most-agreed, most-disagreed, second most-agreed, … (factor array value, ties by z-score),
 * taken round-robin over the factors so every viewpoint contributes, skipping statements already
 * chosen. With fewer statements in the study than the minimum, all of them.
 */
export function chooseMiniSortStatements(result: AnalysisResultLike, max = MINI_SORT_MAX): number[] {
	const m = result.nStatements;
	const k = result.nFactors;
	if (m <= MINI_SORT_MIN) return Array.from({ length: m }, (_, i) => i);
	const target = Math.min(max, m);
	const scored = Array.from({ length: k }, (_, f) => f).filter((f) => hasScores(result, f + 1));
	const array = (s: number, f: number) => result.factorArrays[s][f] ?? 0;
	const z = (s: number, f: number) => result.zScores[s][f] ?? 0;
	const queues = scored.map((f) => {
		const order = Array.from({ length: m }, (_, i) => i).sort(
			(a, b) => array(b, f) - array(a, f) || z(b, f) - z(a, f) || a - b
		);
		const alternating: number[] = [];
		for (let i = 0; i < Math.ceil(m / 2); i++) {
			alternating.push(order[i]);
			if (m - 1 - i > i) alternating.push(order[m - 1 - i]);
		}
		return alternating;
	});
	const chosen: number[] = [];
	const taken = new Set<number>();
	const position = new Array<number>(queues.length).fill(0);
	while (chosen.length < target) {
		let progressed = false;
		for (let f = 0; f < queues.length && chosen.length < target; f++) {
			while (position[f] < queues[f].length && taken.has(queues[f][position[f]])) position[f]++;
			if (position[f] >= queues[f].length) continue;
			const index = queues[f][position[f]++];
			taken.add(index);
			chosen.push(index);
			progressed = true;
		}
		if (!progressed) break;
	}
	return chosen;
}

/** Pearson correlation; null when either side has no variance. */
export function pearson(a: readonly number[], b: readonly number[]): number | null {
	const n = a.length;
	const meanA = a.reduce((s, v) => s + v, 0) / n;
	const meanB = b.reduce((s, v) => s + v, 0) / n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - meanA) * (b[i] - meanB);
		saa += (a[i] - meanA) ** 2;
		sbb += (b[i] - meanB) ** 2;
	}
	if (saa === 0 || sbb === 0) return null;
	return sab / Math.sqrt(saa * sbb);
}

export interface ClosestViewpoint {
	/** 1-based factor; 0 when no viewpoint correlates positively. */
	factor: number;
	/** Correlation with each factor's array over the mini-sort statements. */
	correlations: (number | null)[];
}

/** Which viewpoint a mini-sort is closest to: the highest positive correlation with the factor arrays. */
export function closestViewpoint(result: AnalysisResultLike, statements: number[], values: number[]): ClosestViewpoint {
	const correlations = Array.from({ length: result.nFactors }, (_, f) =>
		hasScores(result, f + 1)
			? pearson(
					values,
					statements.map((s) => result.factorArrays[s][f] as number)
				)
			: null
	);
	let factor = 0;
	let best = 0;
	correlations.forEach((r, f) => {
		if (r !== null && r > best) {
			best = r;
			factor = f + 1;
		}
	});
	return { factor, correlations };
}
