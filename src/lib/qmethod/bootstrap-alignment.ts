import { procrustesRotation } from './internal/matrix.js';

/** How each resample's factors are matched to the full-sample factors. */
export const BOOTSTRAP_ALIGNMENTS = ['qindtest', 'procrustes'] as const;
export type BootstrapAlignment = (typeof BOOTSTRAP_ALIGNMENTS)[number];

/**
 * qmethod's `qindtest` (Zabala & Pascual 2016; docs/methods.md, "Bootstrap"): r = cor(resample
 * loadings, target loadings), factor × factor. When, for some target factor j, another resample
 * factor correlates more (in absolute value) with it than resample factor j does, the factors are
 * re-ordered: target j takes the resample factor with the largest |r| in its column (the first on
 * a tie). If that picks a factor twice (two re-ordered columns correlate above 0.999) the resample
 * cannot be aligned: `null`. Then every factor whose correlation with its own target is negative
 * is mirrored. Only order and sign change; the rotation itself is the resample's own.
 */
export function alignByQindtest(
	loadings: Float64Array,
	target: Float64Array,
	n: number,
	k: number
): Float64Array | null {
	let r = crossCorrelations(loadings, target, n, k);
	let current = loadings;
	let misplaced = false;
	for (let j = 0; j < k && !misplaced; j++) {
		for (let i = 0; i < k; i++) if (i !== j && Math.abs(r[j * k + j]) < Math.abs(r[i * k + j])) misplaced = true;
	}
	if (misplaced) {
		const pick = Array.from({ length: k }, (_, j) => {
			let best = 0;
			for (let i = 1; i < k; i++) if (Math.abs(r[i * k + j]) > Math.abs(r[best * k + j])) best = i;
			return best;
		});
		current = new Float64Array(n * k);
		for (let row = 0; row < n; row++) for (let j = 0; j < k; j++) current[row * k + j] = loadings[row * k + pick[j]];
		const among = crossCorrelations(current, current, n, k);
		for (let a = 0; a < k; a++)
			for (let b = 0; b < k; b++) if (a !== b && Math.abs(among[a * k + b]) > 0.999) return null;
		r = crossCorrelations(current, target, n, k);
	} else current = Float64Array.from(loadings);
	for (let j = 0; j < k; j++) {
		if (!(r[j * k + j] < 0)) continue;
		for (let row = 0; row < n; row++) current[row * k + j] = -current[row * k + j];
	}
	return current;
}

/**
 * Orthogonal Procrustes: the rotation T minimising ‖L T − target‖, applied to L. The resample
 * cannot be aligned (`null`) when T is not close to a signed permutation, i.e. the largest |entry|
 * of two columns of T sit in the same row.
 */
export function alignByProcrustes(
	loadings: Float64Array,
	target: Float64Array,
	n: number,
	k: number
): Float64Array | null {
	const rotation = procrustesRotation(loadings, target, n, k);
	const rows = new Set<number>();
	for (let c = 0; c < k; c++) {
		let best = 0;
		for (let r = 1; r < k; r++) if (Math.abs(rotation[r * k + c]) > Math.abs(rotation[best * k + c])) best = r;
		rows.add(best);
	}
	if (rows.size !== k) return null;
	const aligned = new Float64Array(n * k);
	for (let i = 0; i < n; i++)
		for (let c = 0; c < k; c++)
			for (let t = 0; t < k; t++) aligned[i * k + c] += loadings[i * k + t] * rotation[t * k + c];
	return aligned;
}

/** Pearson correlations between the columns of two n × k matrices: result[a * k + b] = cor(A[:, a], B[:, b]). */
function crossCorrelations(a: Float64Array, b: Float64Array, n: number, k: number): Float64Array {
	const centredA = centredColumns(a, n, k);
	const centredB = a === b ? centredA : centredColumns(b, n, k);
	const result = new Float64Array(k * k);
	for (let p = 0; p < k; p++) {
		for (let q = 0; q < k; q++) {
			let ab = 0;
			for (let i = 0; i < n; i++) ab += centredA.values[i * k + p] * centredB.values[i * k + q];
			result[p * k + q] = ab / Math.sqrt(centredA.squares[p] * centredB.squares[q]);
		}
	}
	return result;
}

function centredColumns(matrix: Float64Array, n: number, k: number): { values: Float64Array; squares: Float64Array } {
	const values = new Float64Array(n * k);
	const squares = new Float64Array(k);
	for (let f = 0; f < k; f++) {
		let mean = 0;
		for (let i = 0; i < n; i++) mean += matrix[i * k + f];
		mean /= n;
		for (let i = 0; i < n; i++) {
			const value = matrix[i * k + f] - mean;
			values[i * k + f] = value;
			squares[f] += value * value;
		}
	}
	return { values, squares };
}
