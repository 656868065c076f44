/** Brown's assumed test–retest reliability of a single Q-sort (constant in all tools). */
export const AVERAGE_RELIABILITY = 0.8;

export interface FactorCharacteristics {
	nDefining: number[];
	avgRelCoef: number[];
	/** Spearman–Brown `p·0.8 / (1 + (p − 1)·0.8)`; NaN when p = 0. */
	compositeReliability: number[];
	/** `SD(z)·sqrt(1 − r)` with SD(z) = 1; NaN when p = 0. */
	seZScores: number[];
}

/**
 * Factor characteristics (docs/methods.md §7; qmethod `qfcharact`): number of defining sorts, average
 * reliability 0.8, composite reliability and standard error of the factor z-scores.
 */
export function factorCharacteristics(nDefining: readonly number[]): FactorCharacteristics {
	const compositeReliability = nDefining.map((p) =>
		p === 0 ? NaN : (p * AVERAGE_RELIABILITY) / (1 + (p - 1) * AVERAGE_RELIABILITY)
	);
	return {
		nDefining: [...nDefining],
		avgRelCoef: nDefining.map(() => AVERAGE_RELIABILITY),
		compositeReliability,
		seZScores: compositeReliability.map((r) => Math.sqrt(1 - r))
	};
}

/** Standard errors of differences `SED_fg = sqrt(SE_f² + SE_g²)`, k × k (row-major). */
export function standardErrorsOfDifferences(seZScores: readonly number[]): Float64Array {
	const k = seZScores.length;
	const result = new Float64Array(k * k);
	for (let f = 0; f < k; f++)
		for (let g = 0; g < k; g++) result[f * k + g] = Math.sqrt(seZScores[f] ** 2 + seZScores[g] ** 2);
	return result;
}

/** Pearson correlations between the z-score columns of an m × k matrix (NaN for unscored factors). */
export function factorScoreCorrelations(zScores: Float64Array, m: number, k: number): Float64Array {
	const result = new Float64Array(k * k);
	for (let f = 0; f < k; f++) {
		for (let g = 0; g < k; g++) {
			let sum = 0;
			for (let s = 0; s < m; s++) sum += zScores[s * k + f] * zScores[s * k + g];
			// z-scores have mean 0 and sample SD 1, so r = Σ z_f z_g / (m − 1).
			result[f * k + g] = f === g && !Number.isNaN(sum) ? 1 : sum / (m - 1);
		}
	}
	return result;
}
