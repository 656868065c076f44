import type { CorrelationMethod, ValidatedData } from './types.js';

/** A symmetric n × n matrix stored row-major. */
export interface CorrelationMatrix {
	size: number;
	data: Float64Array;
}

/**
 * Each sort centred and scaled to unit length: `u_is = (x_is − x̄_i) / sqrt(Σ_s (x_is − x̄_i)²)`,
 * stored sort-major (`u[i * m + s]`). Then the Pearson correlation is the dot product
 * `r_ij = Σ_s u_is u_js`, and `u = Z/√m` of docs/methods.md §3.1 (Z standardised with the population SD).
 * Spearman: the same on mid-ranks of each sort (ties get the average rank).
 */
export function unitScaledSorts(data: ValidatedData, method: CorrelationMethod = 'pearson'): Float64Array {
	const { nStatements: m, nSorts: n, values } = data;
	const scaled = new Float64Array(n * m);
	const row = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		const offset = i * m;
		if (method === 'spearman') midRanks(values.subarray(offset, offset + m), row);
		else row.set(values.subarray(offset, offset + m));
		let mean = 0;
		for (let s = 0; s < m; s++) mean += row[s];
		mean /= m;
		let sumSquares = 0;
		for (let s = 0; s < m; s++) {
			const deviation = row[s] - mean;
			scaled[offset + s] = deviation;
			sumSquares += deviation * deviation;
		}
		const scale = 1 / Math.sqrt(sumSquares);
		for (let s = 0; s < m; s++) scaled[offset + s] *= scale;
	}
	return scaled;
}

/** Mid-ranks (1-based, ties averaged) of `values` written into `ranks`. */
export function midRanks(values: ArrayLike<number>, ranks: Float64Array): void {
	const m = values.length;
	const order = Array.from({ length: m }, (_, s) => s).sort((a, b) => values[a] - values[b]);
	let start = 0;
	while (start < m) {
		let end = start;
		while (end + 1 < m && values[order[end + 1]] === values[order[start]]) end++;
		const rank = (start + end) / 2 + 1;
		for (let t = start; t <= end; t++) ranks[order[t]] = rank;
		start = end + 1;
	}
}

/**
 * The n × n correlation matrix between sorts (Pearson, or Spearman on mid-ranks). Symmetric with
 * an exact unit diagonal. Costs O(n² m) time and n² memory: only the centroid path and displays
 * need it; PCA never forms it (docs/methods.md §3.1).
 */
export function correlationMatrix(data: ValidatedData, method: CorrelationMethod = 'pearson'): CorrelationMatrix {
	return correlationFromScaled(unitScaledSorts(data, method), data.nSorts, data.nStatements);
}

/** Correlations from unit-scaled sorts (see {@link unitScaledSorts}). */
export function correlationFromScaled(scaled: Float64Array, n: number, m: number): CorrelationMatrix {
	const result = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		result[i * n + i] = 1;
		const a = i * m;
		for (let j = i + 1; j < n; j++) {
			const b = j * m;
			let sum = 0;
			for (let s = 0; s < m; s++) sum += scaled[a + s] * scaled[b + s];
			result[i * n + j] = sum;
			result[j * n + i] = sum;
		}
	}
	return { size: n, data: result };
}
