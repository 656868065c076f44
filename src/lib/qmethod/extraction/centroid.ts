import type { CorrelationMatrix } from '../correlation.js';
import { orientFactors } from '../orientation.js';
import type { AnalysisWarning, ExtractionResult } from '../types.js';

export interface CentroidOptions {
	/** Stop the diagonal iteration when max |δ_old − a²| ≤ tolerance. Default 1e-10 (KADE: 0.001). */
	tolerance?: number;
	/** Maximum diagonal passes per factor. Default 1000. */
	maxIterations?: number;
	/** Starting diagonal estimate. Default 0.5 (KADE, reported PQMethod value). */
	startingDiagonal?: number;
}

/**
 * Brown's centroid method with iterated diagonal (Brown 1980 pp. 208–224; spec §3.3).
 *
 * Per factor, on the residual correlations with signs v (start all +1):
 * off-diagonal column sums `c_j = v_j Σ_{i≠j} r_ij v_i`; while some `c_j < 0` reflect the most
 * negative one (strict rule, so exact zeros cannot loop); then iterate
 * `t_j = c_j + δ_j`, `a_j = t_j / sqrt(Σ t)`, `δ_j ← a_j²` from δ = 0.5 until the change is
 * ≤ tolerance. The converged loadings satisfy `a_j = (c_j + a_j²) / Σ_k a_k`, independent of
 * the start, which is why a tight tolerance reproduces qmethod's `centroid()` (start c_j/(n−1),
 * spc 1e-5) to ~1e-5. Loadings are un-reflected (`a_j v_j`), the residual is `R − a aᵀ`.
 * Factors are oriented by Σ a|a| > 0 afterwards. Non-convergence is reported as a warning.
 */
export function extractCentroid(correlations: CorrelationMatrix, factors: number, options: CentroidOptions = {}): ExtractionResult {
	const tolerance = options.tolerance ?? 1e-10;
	const maxIterations = options.maxIterations ?? 1000;
	const start = options.startingDiagonal ?? 0.5;
	const n = correlations.size;
	const residual = Float64Array.from(correlations.data);
	const loadings = new Float64Array(n * factors);
	const warnings: AnalysisWarning[] = [];
	const signs = new Float64Array(n);
	const sums = new Float64Array(n);
	const factor = new Float64Array(n);
	const diagonal = new Float64Array(n);
	// Exact column sums of zero may come out as ±1e-16 in floating point; treat those as zero.
	const zeroBand = 1e-12 * n;

	for (let f = 0; f < factors; f++) {
		signs.fill(1);
		for (let j = 0; j < n; j++) {
			let sum = 0;
			for (let i = 0; i < n; i++) if (i !== j) sum += residual[i * n + j];
			sums[j] = sum;
		}
		reflectToPositiveManifold(residual, n, signs, sums, zeroBand);

		diagonal.fill(start);
		let converged = false;
		for (let pass = 0; pass < maxIterations && !converged; pass++) {
			let total = 0;
			for (let j = 0; j < n; j++) total += sums[j] + diagonal[j];
			if (!(total > 0)) break;
			const scale = 1 / Math.sqrt(total);
			let change = 0;
			for (let j = 0; j < n; j++) {
				factor[j] = (sums[j] + diagonal[j]) * scale;
				const squared = factor[j] * factor[j];
				change = Math.max(change, Math.abs(diagonal[j] - squared));
				diagonal[j] = squared;
			}
			converged = change <= tolerance;
		}
		if (!converged) {
			warnings.push({
				code: 'centroid_not_converged',
				message: `centroid factor ${f + 1}: the diagonal estimates did not converge within ${maxIterations} passes`
			});
		}
		for (let j = 0; j < n; j++) loadings[j * factors + f] = factor[j] * signs[j];
		for (let i = 0; i < n; i++) {
			const a = loadings[i * factors + f];
			for (let j = 0; j < n; j++) residual[i * n + j] -= a * loadings[j * factors + f];
		}
	}
	const result = { rows: n, columns: factors, data: loadings };
	orientFactors(result);
	const eigenvalues = new Float64Array(factors);
	for (let i = 0; i < n; i++) for (let f = 0; f < factors; f++) eigenvalues[f] += loadings[i * factors + f] ** 2;
	return { loadings: result, eigenvalues, allEigenvalues: eigenvalues.slice(), warnings };
}

/**
 * One-at-a-time reflection: flip the sort with the most negative column sum until none is
 * negative. `sums` holds reflected-space off-diagonal sums and is updated in O(n) per flip.
 */
function reflectToPositiveManifold(
	residual: Float64Array,
	n: number,
	signs: Float64Array,
	sums: Float64Array,
	zeroBand: number
): void {
	// Each flip raises Σ sums by −4·c_j > 0, so the loop ends; the cap guards against rounding.
	for (let guard = 0; guard < 100 * n; guard++) {
		let worst = -1;
		let lowest = -zeroBand;
		for (let j = 0; j < n; j++) {
			if (sums[j] < lowest) {
				lowest = sums[j];
				worst = j;
			}
		}
		if (worst < 0) return;
		const old = signs[worst];
		signs[worst] = -old;
		sums[worst] = -sums[worst];
		for (let i = 0; i < n; i++) {
			if (i !== worst) sums[i] -= 2 * signs[i] * residual[i * n + worst] * old;
		}
	}
}
