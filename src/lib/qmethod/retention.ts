import { correlationEigenvalues } from './extraction/pca.js';
import { significanceThreshold } from './flagging.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { LoadingMatrix } from './types.js';

/** Kaiser–Guttman: the number of eigenvalues greater than 1 (docs/methods.md §9). */
export function kaiserGuttman(eigenvalues: ArrayLike<number>): number {
	return Array.from(eigenvalues).filter((value) => value > 1).length;
}

export interface HumphreyResult {
	/** Product of the two largest absolute loadings per factor. */
	products: number[];
	/** Product > 2/√m (Fruchter 1954; Brown 1980). */
	significant: boolean[];
	/** Product > 1/√m (lenient variant). */
	lenient: boolean[];
}

/** Humphrey's rule on unrotated loadings: |a|₍₁₎·|a|₍₂₎ > 2/√m (Lipset: PC1, PC2, PC4 pass; docs/methods.md §12.8). */
export function humphreysRule(unrotated: LoadingMatrix, nStatements: number): HumphreyResult {
	const { rows: n, columns: k, data } = unrotated;
	const products = Array.from({ length: k }, (_, f) => {
		const sorted = Array.from({ length: n }, (_, i) => Math.abs(data[i * k + f])).sort((a, b) => b - a);
		return (sorted[0] ?? 0) * (sorted[1] ?? 0);
	});
	return {
		products,
		significant: products.map((p) => p > 2 / Math.sqrt(nStatements)),
		lenient: products.map((p) => p > 1 / Math.sqrt(nStatements))
	};
}

/** Per factor, the number of sorts loading significantly (|a| > 1.96/√m); a factor needs ≥ 2 (Brown 1980 pp. 222–223). */
export function significantLoaders(
	rotated: LoadingMatrix,
	nStatements: number
): { counts: number[]; retained: boolean[] } {
	const { rows: n, columns: k, data } = rotated;
	const threshold = significanceThreshold(nStatements, 0.05);
	const counts = Array.from({ length: k }, (_, f) => {
		let count = 0;
		for (let i = 0; i < n; i++) if (Math.abs(data[i * k + f]) > threshold) count++;
		return count;
	});
	return { counts, retained: counts.map((count) => count >= 2) };
}

/** Scree data: eigenvalue, percent of variance (100 λ / n) and cumulative percent per component. */
export function screeData(
	eigenvalues: ArrayLike<number>,
	nSorts: number
): { eigenvalue: number; percent: number; cumulative: number }[] {
	let cumulative = 0;
	return Array.from(eigenvalues, (eigenvalue) => {
		const percent = (100 * eigenvalue) / nSorts;
		cumulative += percent;
		return { eigenvalue, percent, cumulative };
	});
}

export interface ParallelAnalysisResult {
	seed: number;
	iterations: number;
	/** Mean simulated eigenvalue per component. */
	mean: number[];
	/** 95th percentile of the simulated eigenvalues per component. */
	percentile95: number[];
	/** Leading components whose observed eigenvalue exceeds the 95th percentile / the mean. */
	retainedBy95: number;
	retainedByMean: number;
}

/**
 * Horn's parallel analysis for Q (docs/methods.md §9): `iterations` random studies of n sorts, each sort a
 * random permutation of the forced distribution; eigenvalues via the m × m cross-product. A
 * component is retained while the observed eigenvalue exceeds the simulated 95th percentile
 * (or mean). Seeded: the same seed gives the same result. An aid, never a default.
 */
export function parallelAnalysis(
	observed: ArrayLike<number>,
	distribution: ArrayLike<number>,
	nSorts: number,
	options: { iterations?: number; seed?: number } = {}
): ParallelAnalysisResult {
	const iterations = options.iterations ?? 1000;
	const seed = options.seed ?? 1;
	const random = seededRandom(seed);
	const m = distribution.length;
	const components = Math.min(observed.length, nSorts, m);
	const mean = Float64Array.from(distribution).reduce((a, b) => a + b, 0) / m;
	const centred = Float64Array.from(distribution, (v) => v - mean);
	const length = Math.sqrt(centred.reduce((a, v) => a + v * v, 0));
	const unit = centred.map((v) => v / length);
	const simulated = Array.from({ length: components }, () => new Float64Array(iterations));
	const scaled = new Float64Array(nSorts * m);
	for (let run = 0; run < iterations; run++) {
		for (let i = 0; i < nSorts; i++) {
			const sort = scaled.subarray(i * m, i * m + m);
			sort.set(unit);
			shuffleInPlace(sort, random);
		}
		const values = correlationEigenvalues(scaled, nSorts, m);
		for (let f = 0; f < components; f++) simulated[f][run] = values[f];
	}
	const means = simulated.map((column) => column.reduce((a, b) => a + b, 0) / iterations);
	const percentile95 = simulated.map((column) => quantile(column.slice().sort(), 0.95));
	const leading = (limits: number[]) => {
		let count = 0;
		while (count < components && observed[count] > limits[count]) count++;
		return count;
	};
	return {
		seed,
		iterations,
		mean: means,
		percentile95,
		retainedBy95: leading(percentile95),
		retainedByMean: leading(means)
	};
}

/** Quantile of sorted values with linear interpolation (R type 7). */
export function quantile(sorted: ArrayLike<number>, probability: number): number {
	const position = (sorted.length - 1) * probability;
	const low = Math.floor(position);
	const high = Math.min(low + 1, sorted.length - 1);
	return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}
