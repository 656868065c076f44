import {
	correlationEigenvalues,
	humphreysRule,
	kaiserGuttman,
	loadingMatrix,
	parallelAnalysis as engineParallelAnalysis,
	significanceThreshold,
	significantLoaders,
	unitScaledSorts,
	type ValidatedData
} from '../qmethod/index.js';

/**
 * Retention aids for the number of factors (docs/methods.md §9), in the shape the workspace page shows. Each is
 * an aid for the researcher, never a verdict. The rules themselves are the engine's (src/lib/qmethod/retention.ts).
 */
export interface RetentionAids {
	/** Kaiser–Guttman: factors (1-based) with eigenvalue > 1. */
	kaiserGuttman: { eigenvalues: number[]; retained: number };
	/** Humphrey's rule on the unrotated factors: product of the two highest |loadings| > 2/√m. */
	humphrey: { threshold: number; products: number[]; passes: boolean[] };
	/** Two or more sorts with a significant (p < .05) loading on the rotated factor. */
	twoLoaders: { threshold: number; counts: number[]; passes: boolean[] };
	/** Horn's parallel analysis with random permutations of the grid (seeded). */
	parallel: {
		iterations: number;
		seed: number;
		mean: number[];
		percentile95: number[];
		retainedByPercentile: number;
		retainedByMean: number;
	};
}

/**
 * Parallel analysis for the study's sorts: the engine's `parallelAnalysis` against the observed
 * eigenvalues of the correlation matrix. Seeded, so the same seed gives the same numbers.
 */
export function parallelAnalysis(data: ValidatedData, iterations = 500, seed = 20261123): RetentionAids['parallel'] {
	const observed = correlationEigenvalues(unitScaledSorts(data, 'pearson'), data.nSorts, data.nStatements);
	const result = engineParallelAnalysis(observed, data.distribution, data.nSorts, { iterations, seed });
	return {
		iterations: result.iterations,
		seed: result.seed,
		mean: result.mean,
		percentile95: result.percentile95,
		retainedByPercentile: result.retainedBy95,
		retainedByMean: result.retainedByMean
	};
}

/**
 * All four aids. `eigenvalues` are all eigenvalues (PCA) or the extracted factors' sums of squares
 * (centroid); `unrotated` and `rotated` are loading rows [sort][factor].
 */
export function retentionAids(
	data: ValidatedData,
	eigenvalues: readonly number[],
	unrotated: readonly number[][],
	rotated: readonly number[][],
	parallel: RetentionAids['parallel'] = parallelAnalysis(data)
): RetentionAids {
	const m = data.nStatements;
	const humphrey = humphreysRule(loadingMatrix(unrotated), m);
	const loaders = significantLoaders(loadingMatrix(rotated), m);
	return {
		kaiserGuttman: { eigenvalues: [...eigenvalues], retained: kaiserGuttman(eigenvalues) },
		humphrey: { threshold: 2 / Math.sqrt(m), products: humphrey.products, passes: humphrey.significant },
		twoLoaders: { threshold: significanceThreshold(m, 0.05), counts: loaders.counts, passes: loaders.retained },
		parallel
	};
}
