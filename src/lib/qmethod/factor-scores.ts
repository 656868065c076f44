import type { LoadingMatrix, ValidatedData } from './types.js';

export interface FactorScores {
	/** weights[i * k + f] = a/(1 − a²) for flagged sorts, 0 otherwise. */
	weights: Float64Array;
	/** zScores[s * k + f]; NaN for a factor without defining sorts. */
	zScores: Float64Array;
	/**
	 * meanDefiningScore[s * k + f]: unweighted mean grid value of the defining sorts (negative
	 * loaders reversed); used as the second tie-break of the factor arrays. NaN when none.
	 */
	meanDefiningScore: Float64Array;
	nDefining: number[];
}

/** Spearman/Brown factor weight `w = a / (1 − a²)` (Brown 1980; qmethod `qzscores`). */
export function factorWeight(loading: number): number {
	return loading / (1 - loading * loading);
}

/**
 * Factor z-scores (docs/methods.md §6.2). Each defining sort is standardised over statements
 * (`y_s = (x_s − x̄)/sd`, sd with m − 1), multiplied by its weight and summed per statement;
 * the composite is standardised again, `z = (c − mean)/sd`, sd with m − 1, so each factor's
 * z-scores have mean 0 and SD 1. For forced data this equals qmethod's raw-score composite
 * exactly; for unforced data it gives every defining sort the same spread. Flags must have
 * |a| < 1 (checked by the flagging step).
 */
export function factorScores(
	data: ValidatedData,
	loadings: LoadingMatrix,
	flags: ReadonlyArray<ReadonlyArray<boolean>>
): FactorScores {
	const { nStatements: m, nSorts: n, values } = data;
	const k = loadings.columns;
	const weights = new Float64Array(n * k);
	const composite = new Float64Array(m * k);
	const meanDefiningScore = new Float64Array(m * k);
	const nDefining = new Array<number>(k).fill(0);
	const standardised = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		let any = false;
		for (let f = 0; f < k; f++) if (flags[i][f]) any = true;
		if (!any) continue;
		const offset = i * m;
		let mean = 0;
		for (let s = 0; s < m; s++) mean += values[offset + s];
		mean /= m;
		let sumSquares = 0;
		for (let s = 0; s < m; s++) sumSquares += (values[offset + s] - mean) ** 2;
		const sd = Math.sqrt(sumSquares / (m - 1));
		for (let s = 0; s < m; s++) standardised[s] = (values[offset + s] - mean) / sd;
		for (let f = 0; f < k; f++) {
			if (!flags[i][f]) continue;
			const weight = factorWeight(loadings.data[i * k + f]);
			weights[i * k + f] = weight;
			nDefining[f]++;
			const direction = weight < 0 ? -1 : 1;
			for (let s = 0; s < m; s++) {
				composite[s * k + f] += weight * standardised[s];
				meanDefiningScore[s * k + f] += direction * values[offset + s];
			}
		}
	}
	const zScores = new Float64Array(m * k);
	for (let f = 0; f < k; f++) {
		if (nDefining[f] === 0) {
			for (let s = 0; s < m; s++) {
				zScores[s * k + f] = NaN;
				meanDefiningScore[s * k + f] = NaN;
			}
			continue;
		}
		for (let s = 0; s < m; s++) meanDefiningScore[s * k + f] /= nDefining[f];
		standardiseColumn(composite, zScores, m, k, f);
	}
	return { weights, zScores, meanDefiningScore, nDefining };
}

/** z = (x − mean)/sd with the sample SD (m − 1) for column f of an m × k matrix. */
export function standardiseColumn(source: Float64Array, target: Float64Array, m: number, k: number, f: number): void {
	let mean = 0;
	for (let s = 0; s < m; s++) mean += source[s * k + f];
	mean /= m;
	let sumSquares = 0;
	for (let s = 0; s < m; s++) sumSquares += (source[s * k + f] - mean) ** 2;
	const sd = Math.sqrt(sumSquares / (m - 1));
	for (let s = 0; s < m; s++) target[s * k + f] = sd > 0 ? (source[s * k + f] - mean) / sd : 0;
}
