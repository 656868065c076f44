import { symmetricEigen } from '../internal/matrix.js';
import { orientFactors } from '../orientation.js';
import type { ExtractionResult } from '../types.js';

/**
 * Principal components of the sort correlations without forming the n × n matrix (docs/methods.md §3.1).
 *
 * With `u` the unit-scaled sorts (u = Z/√m, so R = uᵀu), the statement-side cross-product
 * `C = u uᵀ` (m × m) has the same non-zero eigenvalues as R; with its eigenvectors U the
 * loadings are `A = uᵀ U` (= W S of the thin SVD u = U S Wᵀ). Cost O(m² n) time and O(m n)
 * memory, so it scales to n ≫ m. Eigenvalues λ_f, explained variance 100 λ_f / n. Signs follow
 * Σ a|a| > 0 per component.
 *
 * Checked against a full eigen-decomposition of R (tests/qmethod/pca.test.ts) and the Lipset
 * eigenvalues of docs/methods.md §12.3 (2.3838, 2.0153, 1.3408, …).
 * @param scaled unit-scaled sorts, sort-major (see unitScaledSorts)
 */
export function extractPrincipalComponents(
	scaled: Float64Array,
	n: number,
	m: number,
	factors: number
): ExtractionResult {
	const cross = statementCrossProduct(scaled, n, m);
	const { values, vectors } = symmetricEigen(cross, m);
	const rank = Math.min(n, m);
	const allEigenvalues = new Float64Array(rank);
	for (let f = 0; f < rank; f++) allEigenvalues[f] = Math.max(0, values[f]);

	const loadings = new Float64Array(n * factors);
	for (let i = 0; i < n; i++) {
		const offset = i * m;
		for (let f = 0; f < factors; f++) {
			let sum = 0;
			for (let s = 0; s < m; s++) sum += scaled[offset + s] * vectors[s * m + f];
			loadings[i * factors + f] = sum;
		}
	}
	const result = { rows: n, columns: factors, data: loadings };
	orientFactors(result);
	return { loadings: result, eigenvalues: allEigenvalues.slice(0, factors), allEigenvalues, warnings: [] };
}

/**
 * `C = u uᵀ`, m × m. The sorts are first copied statement-major so that every entry is a dot
 * product of two contiguous length-n rows (fast in JS engines); the upper triangle is mirrored.
 */
export function statementCrossProduct(scaled: Float64Array, n: number, m: number): Float64Array {
	const byStatement = new Float64Array(n * m);
	for (let i = 0; i < n; i++) {
		const offset = i * m;
		for (let s = 0; s < m; s++) byStatement[s * n + i] = scaled[offset + s];
	}
	const cross = new Float64Array(m * m);
	for (let s = 0; s < m; s++) {
		const a = s * n;
		for (let t = s; t < m; t++) {
			const b = t * n;
			let sum0 = 0;
			let sum1 = 0;
			let sum2 = 0;
			let sum3 = 0;
			let i = 0;
			for (; i + 3 < n; i += 4) {
				sum0 += byStatement[a + i] * byStatement[b + i];
				sum1 += byStatement[a + i + 1] * byStatement[b + i + 1];
				sum2 += byStatement[a + i + 2] * byStatement[b + i + 2];
				sum3 += byStatement[a + i + 3] * byStatement[b + i + 3];
			}
			for (; i < n; i++) sum0 += byStatement[a + i] * byStatement[b + i];
			const sum = sum0 + sum1 + (sum2 + sum3);
			cross[s * m + t] = sum;
			cross[t * m + s] = sum;
		}
	}
	return cross;
}

/** All eigenvalues of R (decreasing, length min(n, m)) via the cross-product; for scree and parallel analysis. */
export function correlationEigenvalues(scaled: Float64Array, n: number, m: number): Float64Array {
	const { values } = symmetricEigen(statementCrossProduct(scaled, n, m), m);
	const rank = Math.min(n, m);
	const result = new Float64Array(rank);
	for (let f = 0; f < rank; f++) result[f] = Math.max(0, values[f]);
	return result;
}
