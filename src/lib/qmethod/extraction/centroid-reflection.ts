import { columnSums } from './sums.js';

/** The sorts reflected for one centroid factor, in order (a sort may appear more than once). */
export interface Reflection {
	reflected: number[];
	/** Some reflection, or the decision to stop reflecting, rested on a column sum within the tolerance of zero. */
	nearZero: boolean;
	/** Several columns shared the minimum sum and were reflected together (qmethod's rule only). */
	tied: boolean;
}

/** Incrementally updated sums are trusted only when a decision is further than this from a tie or from zero. */
const GUARD = 1e-9;

/**
 * qmethod 1.8.4's positive manifold: while NOT every column sum is > 0, reflect every column whose
 * sum equals the minimum (row and column times −1, the zero diagonal stays 0) and record it; a sort
 * may be reflected more than once. On an exact tie of several columns R's code
 * (`tmat[oo,] <- vec; tmat[,oo] <- vec` with a several-row `vec`) writes the negated rows into the
 * columns in column-major order, which scrambles the matrix; we reflect the tied columns as the rule
 * means (the only deliberate difference, reported by a warning; docs/methods.md). A column whose sum
 * is exactly 0 stays 0 when reflected and would make R loop for ever; we stop when the same single
 * column is due again straight away.
 */
export function reflectQmethod(work: Float64Array, n: number, tolerance: number): Reflection {
	return reflect(work, n, tolerance, 'qmethod');
}

/** PQMethod/KADE: while some column sum is < 0, reflect the most negative one (the first on a tie). */
export function reflectStrict(work: Float64Array, n: number, tolerance: number): Reflection {
	return reflect(work, n, tolerance, 'strict');
}

function reflect(work: Float64Array, n: number, tolerance: number, rule: 'qmethod' | 'strict'): Reflection {
	const sums = new Float64Array(n);
	const scratch = new Float64Array(n);
	const reflected: number[] = [];
	let nearZero = false;
	let exact = true;
	let tied = false;
	columnSums(work, n, sums, scratch);
	for (let guard = 0; guard < 20 * n + 100; guard++) {
		let lowest = minimum(sums);
		if (!exact && (Math.abs(lowest.value) <= GUARD || lowest.gap <= GUARD)) {
			columnSums(work, n, sums, scratch);
			exact = true;
			lowest = minimum(sums);
		}
		const done = rule === 'qmethod' ? lowest.value > 0 : !(lowest.value < 0);
		if (Math.abs(lowest.value) < tolerance) nearZero = true;
		if (done) break;
		const chosen = rule === 'qmethod' && exact ? tiedAt(sums, lowest.value) : [lowest.index];
		const previous = reflected[reflected.length - 1];
		if (chosen.length === 1 && chosen[0] === previous && reflected.length > 0) break;
		if (chosen.length === 1) {
			const r = chosen[0];
			for (let j = 0; j < n; j++) if (j !== r) sums[j] -= 2 * work[r * n + j];
			sums[r] = -sums[r];
			negateRowAndColumnSymmetric(work, n, r);
			exact = false;
		} else {
			tied = true;
			negateSet(work, n, chosen);
			columnSums(work, n, sums, scratch);
			exact = true;
		}
		reflected.push(...chosen);
	}
	return { reflected, nearZero, tied };
}

function minimum(sums: Float64Array): { value: number; index: number; gap: number } {
	let index = 0;
	let second = Infinity;
	for (let j = 1; j < sums.length; j++) {
		if (sums[j] < sums[index]) {
			second = sums[index];
			index = j;
		} else if (sums[j] < second) second = sums[j];
	}
	return { value: sums[index], index, gap: second - sums[index] };
}

function tiedAt(sums: Float64Array, value: number): number[] {
	const tied: number[] = [];
	for (let j = 0; j < sums.length; j++) if (sums[j] === value) tied.push(j);
	return tied;
}

function negateRowAndColumnSymmetric(work: Float64Array, n: number, r: number): void {
	for (let j = 0; j < n; j++) {
		work[r * n + j] = -work[r * n + j];
		work[j * n + r] = work[r * n + j];
	}
}

/** Rows of every index, then their columns, times −1: entries between two reflected sorts keep their sign. */
function negateSet(work: Float64Array, n: number, indices: number[]): void {
	for (const r of indices) for (let j = 0; j < n; j++) work[r * n + j] = -work[r * n + j];
	for (const r of indices) for (let i = 0; i < n; i++) work[i * n + r] = -work[i * n + r];
}
