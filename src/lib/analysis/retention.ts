import { correlationEigenvalues, seededRandom, shuffleInPlace, significanceThreshold, unitScaledSorts, type ValidatedData } from '../qmethod/index.js';

/** Retention aids for the number of factors (spec §9). Each is an aid for the researcher, never a verdict. */
export interface RetentionAids {
	/** Kaiser–Guttman: factors (1-based) with eigenvalue > 1. */
	kaiserGuttman: { eigenvalues: number[]; retained: number };
	/** Humphrey's rule on the unrotated factors: product of the two highest |loadings| > 2/√m. */
	humphrey: { threshold: number; products: number[]; passes: boolean[] };
	/** Two or more sorts with a significant (p < .05) loading on the rotated factor. */
	twoLoaders: { threshold: number; counts: number[]; passes: boolean[] };
	/** Horn's parallel analysis with random permutations of the grid (seeded). */
	parallel: { iterations: number; seed: number; mean: number[]; percentile95: number[]; retainedByPercentile: number; retainedByMean: number };
}

function topTwoProduct(column: number[]): number {
	const sorted = column.map(Math.abs).sort((a, b) => b - a);
	return (sorted[0] ?? 0) * (sorted[1] ?? 0);
}

/** Leading run of `values[f] > limits[f]` (a factor counts only while all earlier ones did). */
function leadingRun(values: ArrayLike<number>, limits: ArrayLike<number>): number {
	let count = 0;
	while (count < values.length && count < limits.length && values[count] > limits[count]) count++;
	return count;
}

/**
 * Parallel analysis (Horn 1965) for Q data: `iterations` data sets of random sorts that respect the
 * study's distribution, each decomposed like the real one; the real eigenvalues are compared with the
 * mean and the 95th percentile of the random ones. Seeded, so the same seed gives the same numbers.
 */
export function parallelAnalysis(data: ValidatedData, iterations = 500, seed = 20261123): RetentionAids['parallel'] {
	const { nStatements: m, nSorts: n } = data;
	const random = seededRandom(seed);
	const rank = Math.min(n, m);
	const samples = Array.from({ length: rank }, () => new Float64Array(iterations));
	const values = new Float64Array(n * m);
	const row = Float64Array.from(data.distribution);
	for (let it = 0; it < iterations; it++) {
		for (let i = 0; i < n; i++) values.set(shuffleInPlace(row, random), i * m);
		const scaled = unitScaledSorts({ ...data, values }, 'pearson');
		const eigen = correlationEigenvalues(scaled, n, m);
		for (let f = 0; f < rank; f++) samples[f][it] = eigen[f];
	}
	const mean = samples.map((s) => s.reduce((a, b) => a + b, 0) / iterations);
	const percentile95 = samples.map((s) => {
		const sorted = Float64Array.from(s).sort();
		return sorted[Math.min(iterations - 1, Math.ceil(0.95 * iterations) - 1)];
	});
	const real = correlationEigenvalues(unitScaledSorts(data, 'pearson'), n, m);
	return {
		iterations,
		seed,
		mean,
		percentile95,
		retainedByPercentile: leadingRun(real, percentile95),
		retainedByMean: leadingRun(real, mean)
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
	const k = unrotated[0]?.length ?? 0;
	const column = (rows: readonly number[][], f: number) => rows.map((r) => r[f]);
	const humphreyThreshold = 2 / Math.sqrt(m);
	const products = Array.from({ length: k }, (_, f) => topTwoProduct(column(unrotated, f)));
	const loaderThreshold = significanceThreshold(m, 0.05);
	const counts = Array.from({ length: rotated[0]?.length ?? 0 }, (_, f) => column(rotated, f).filter((a) => Math.abs(a) > loaderThreshold).length);
	return {
		kaiserGuttman: { eigenvalues: [...eigenvalues], retained: eigenvalues.filter((v) => v > 1).length },
		humphrey: { threshold: humphreyThreshold, products, passes: products.map((p) => p > humphreyThreshold) },
		twoLoaders: { threshold: loaderThreshold, counts, passes: counts.map((c) => c >= 2) },
		parallel
	};
}
