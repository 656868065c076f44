export interface FactorArrays {
	/** arrays[s * k + f]: grid value of statement s in the idealised sort of factor f (NaN if no scores). */
	arrays: Float64Array;
	/**
	 * tied[s * k + f]: 1 when statement s has the same z-score (within 1e-12) as another statement
	 * on f, 2 when, in addition, the tie-break put the group on different grid values.
	 */
	tied: Uint8Array;
}

/** z-scores closer than this (relative to max(1, |z|)) count as tied. */
export const TIE_TOLERANCE = 1e-12;

/**
 * Factor arrays (idealised Q-sorts, docs/methods.md §6.3): statements sorted by z ascending receive the
 * sorted distribution in that order, so each array reproduces the distribution exactly.
 * Deterministic tie-break for equal z: (1) lower mean grid value of the defining sorts gets the
 * lower value, (2) then the higher statement number gets the lower value (KADE's rule).
 * qmethod instead gives all members of a tie group one value (the minimum), which can break the
 * distribution (qmethod#196); see the README.
 */
export function factorArrays(
	zScores: Float64Array,
	meanDefiningScore: Float64Array,
	distribution: Float64Array,
	m: number,
	k: number
): FactorArrays {
	const arrays = new Float64Array(m * k);
	const tied = new Uint8Array(m * k);
	const order = new Array<number>(m);
	for (let f = 0; f < k; f++) {
		if (Number.isNaN(zScores[f])) {
			for (let s = 0; s < m; s++) arrays[s * k + f] = NaN;
			continue;
		}
		for (let s = 0; s < m; s++) order[s] = s;
		const z = (s: number) => zScores[s * k + f];
		order.sort((a, b) => z(a) - z(b));
		const groups: number[][] = [];
		let start = 0;
		while (start < m) {
			let end = start;
			while (end + 1 < m && z(order[end + 1]) - z(order[end]) <= TIE_TOLERANCE * Math.max(1, Math.abs(z(order[end]))))
				end++;
			if (end > start) {
				const group = order.slice(start, end + 1);
				group.sort((a, b) => meanDefiningScore[a * k + f] - meanDefiningScore[b * k + f] || b - a);
				for (let t = 0; t < group.length; t++) order[start + t] = group[t];
				groups.push(group);
			}
			start = end + 1;
		}
		for (let rank = 0; rank < m; rank++) arrays[order[rank] * k + f] = distribution[rank];
		for (const group of groups) {
			const spread = new Set(group.map((s) => arrays[s * k + f])).size > 1;
			for (const s of group) tied[s * k + f] = spread ? 2 : 1;
		}
	}
	return { arrays, tied };
}
