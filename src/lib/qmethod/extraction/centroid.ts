import type { CorrelationMatrix } from '../correlation.js';
import { QMethodInputError } from '../errors.js';
import { orientFactors } from '../orientation.js';
import type { AnalysisWarning, CentroidVariant, ExtractionResult } from '../types.js';
import { reflectQmethod, reflectStrict, type Reflection } from './centroid-reflection.js';
import { accurateSum, columnSums } from './sums.js';

export interface CentroidOptions {
	/**
	 * 'qmethod' (default): qmethod 1.8.4's `centroid()` as `qmethod()` calls it: start c_j/(n−1),
	 * stop when every |δ − a²| < 1e-5, reflect while any column sum is ≤ 0.
	 * 'pqmethod': PQMethod/KADE: start 0.5, stop when every |δ − a²| ≤ 0.001, reflect while any sum is < 0.
	 */
	variant?: CentroidVariant;
	/** Overrides the variant's stopping tolerance (tests only). */
	tolerance?: number;
	/** Maximum diagonal passes per factor. Default 1000 (qmethod has no cap). */
	maxIterations?: number;
}

const VARIANTS: Record<CentroidVariant, { tolerance: number; strictStop: boolean; startFromSums: boolean }> = {
	qmethod: { tolerance: 1e-5, strictStop: true, startFromSums: true },
	pqmethod: { tolerance: 0.001, strictStop: false, startFromSums: false }
};

/**
 * Brown's centroid method with iterated communalities (Brown 1980 pp. 208–224; docs/methods.md,
 * "Centroid"). Per factor, on the working (residual) matrix W with a zero diagonal:
 * 1. reflect to a positive manifold (see centroid-reflection.ts for each variant's rule);
 * 2. column sums c_j; first communality estimate δ_j = c_j/(n−1) (qmethod) or 0.5 (PQMethod);
 *    t_j = c_j + δ_j, a_j = t_j / sqrt(Σ t); repeat with δ_j ← a_j² until every |δ_j − a_j²| is
 *    within the tolerance;
 * 3. loadings a with each reflected sort negated once per reflection; residual W − a aᵀ with the
 *    reflections undone in reverse order.
 * The arithmetic follows qmethod's R code step by step (column sums and totals are summed
 * accurately, as R's long-double `colSums`/`sum` do), because after a converged factor every
 * residual column sum is, in exact arithmetic, the last |δ − a²| remainder: those remainders
 * decide the next factor's reflections. Factors are oriented by Σ a|a| > 0 afterwards.
 * @throws QMethodInputError collapsed_factor when a factor's sum of squares is below n · tolerance (nothing left to extract)
 */
export function extractCentroid(
	correlations: CorrelationMatrix,
	factors: number,
	options: CentroidOptions = {}
): ExtractionResult {
	const variant = options.variant ?? 'qmethod';
	const rule = VARIANTS[variant];
	if (!rule) throw new QMethodInputError('invalid_option', `unknown centroid variant "${String(variant)}"`);
	const tolerance = options.tolerance ?? rule.tolerance;
	const maxIterations = options.maxIterations ?? 1000;
	const n = correlations.size;
	const work = Float64Array.from(correlations.data);
	const loadings = new Float64Array(n * factors);
	const eigenvalues = new Float64Array(factors);
	const warnings: AnalysisWarning[] = [];
	const sums = new Float64Array(n);
	const loading = new Float64Array(n);
	const estimate = new Float64Array(n);
	const column = new Float64Array(n);
	const t = new Float64Array(n);

	for (let f = 0; f < factors; f++) {
		for (let j = 0; j < n; j++) work[j * n + j] = 0;
		const reflection: Reflection =
			variant === 'qmethod' ? reflectQmethod(work, n, tolerance) : reflectStrict(work, n, tolerance);
		columnSums(work, n, sums, column);

		for (let j = 0; j < n; j++) estimate[j] = rule.startFromSums ? sums[j] / (n - 1) : 0.5;
		let converged = false;
		for (let pass = 0; pass < maxIterations; pass++) {
			for (let j = 0; j < n; j++) t[j] = sums[j] + estimate[j];
			const total = accurateSum(t);
			if (!(total > 0)) throw collapsed(f);
			const root = Math.sqrt(total);
			for (let j = 0; j < n; j++) loading[j] = t[j] / root;
			converged = true;
			for (let j = 0; j < n; j++) {
				const change = Math.abs(estimate[j] - loading[j] * loading[j]);
				if (rule.strictStop ? !(change < tolerance) : !(change <= tolerance)) converged = false;
			}
			if (converged) break;
			for (let j = 0; j < n; j++) estimate[j] = loading[j] * loading[j];
		}
		if (!converged) {
			warnings.push({
				code: 'centroid_not_converged',
				message: `centroid factor ${f + 1}: the communality estimates did not settle within ${maxIterations} passes`
			});
		}

		let squares = 0;
		for (let j = 0; j < n; j++) squares += loading[j] * loading[j];
		// Each communality estimate may be off by up to the tolerance, so a factor whose sum of squares is
		// below n · tolerance cannot be told apart from what the stopping rule left behind: it has collapsed.
		if (!(squares > n * tolerance)) throw collapsed(f);
		eigenvalues[f] = squares;
		if (reflection.nearZero) {
			warnings.push({
				code: 'centroid_arbitrary_reflection',
				message:
					`centroid factor ${f + 1}: which sorts were reflected before extracting this factor was decided by column sums within the stopping tolerance (${tolerance}) of zero, ` +
					'so this factor (and those after it) rests on an arbitrary choice of reflection; PCA has no such ambiguity'
			});
		}

		if (reflection.tied) {
			warnings.push({
				code: 'centroid_tied_reflection',
				message:
					`centroid factor ${f + 1}: several sorts had exactly equal column sums and were reflected together; ` +
					'qmethod 1.8.4 mixes up the working matrix in this case, so its numbers would differ from these'
			});
		}
		for (let j = 0; j < n; j++) loadings[j * factors + f] = loading[j];
		for (const index of reflection.reflected) loadings[index * factors + f] = -loadings[index * factors + f];
		for (let i = 0; i < n; i++) {
			const a = loading[i];
			for (let j = 0; j < n; j++) work[i * n + j] -= a * loading[j];
		}
		for (let r = reflection.reflected.length - 1; r >= 0; r--) negateRowAndColumn(work, n, reflection.reflected[r]);
	}
	const result = { rows: n, columns: factors, data: loadings };
	orientFactors(result);
	return { loadings: result, eigenvalues, allEigenvalues: eigenvalues.slice(), warnings };
}

/** Row then column of `index` times −1 (the diagonal element is negated twice, so it keeps its value). */
function negateRowAndColumn(matrix: Float64Array, n: number, index: number): void {
	for (let j = 0; j < n; j++) matrix[index * n + j] = -matrix[index * n + j];
	for (let i = 0; i < n; i++) matrix[i * n + index] = -matrix[i * n + index];
}

function collapsed(f: number): QMethodInputError {
	const advice =
		f === 0
			? 'the sorts share no common variance'
			: `the correlations are exhausted after ${f} factor${f === 1 ? '' : 's'}; extract at most ${f}`;
	return new QMethodInputError(
		'collapsed_factor',
		`centroid factor ${f + 1} would have a sum of squares of (next to) zero, below what the stopping rule leaves behind: ${advice}`
	);
}
