/**
 * Matching our factors to a reference solution up to order and sign, and re-deriving the
 * reference's sign-dependent outputs (arrays, distinguishing, consensus) in our orientation by
 * qmethod 1.8.4's rules (shared/reference/lipset/README.md, "What qmethod computes").
 */
export interface FactorMatch {
	/** ours f ↔ reference permutation[f]. */
	permutation: number[];
	/** +1 or −1: ours f ≈ sign[f] · reference permutation[f]. */
	sign: number[];
	maxLoadingDifference: number;
}

function permutations(k: number): number[][] {
	if (k === 1) return [[0]];
	return permutations(k - 1).flatMap((p) =>
		Array.from({ length: k }, (_, at) => [...p.slice(0, at), k - 1, ...p.slice(at)])
	);
}

export function matchFactors(ours: number[][], theirs: number[][]): FactorMatch {
	const k = ours[0].length;
	let best: FactorMatch | undefined;
	for (const permutation of permutations(k)) {
		const sign = permutation.map((g, f) => {
			const dot = ours.reduce((sum, row, i) => sum + row[f] * theirs[i][g], 0);
			return dot < 0 ? -1 : 1;
		});
		let worst = 0;
		ours.forEach((row, i) =>
			row.forEach((value, f) => (worst = Math.max(worst, Math.abs(value - sign[f] * theirs[i][permutation[f]]))))
		);
		if (!best || worst < best.maxLoadingDifference) best = { permutation, sign, maxLoadingDifference: worst };
	}
	return best!;
}

/** Reference columns re-ordered and re-signed into our factor order: result[row][f]. */
export function orient(matrix: number[][], match: FactorMatch): number[][] {
	return matrix.map((row) => match.permutation.map((g, f) => match.sign[f] * row[g]));
}

export function permuteColumns<T>(matrix: T[][], match: FactorMatch): T[][] {
	return matrix.map((row) => match.permutation.map((g) => row[g]));
}

/**
 * qmethod's factor array: `qscores[rank(z)]` with R's average ranks and the fractional index
 * truncated, so a tie group shares one value (qmethod `qzscores`, forced = TRUE).
 */
export function qmethodArrays(zScores: number[][], distribution: number[], tolerance = 1e-12): number[][] {
	const m = zScores.length;
	const k = zScores[0].length;
	const sorted = [...distribution].sort((a, b) => a - b);
	const result = zScores.map(() => new Array<number>(k).fill(0));
	for (let f = 0; f < k; f++) {
		const order = Array.from({ length: m }, (_, s) => s).sort((a, b) => zScores[a][f] - zScores[b][f]);
		let start = 0;
		while (start < m) {
			let end = start;
			while (end + 1 < m && Math.abs(zScores[order[end + 1]][f] - zScores[order[end]][f]) <= tolerance) end++;
			const averageRank = (start + end) / 2 + 1;
			for (let t = start; t <= end; t++) result[order[t]][f] = sorted[Math.floor(averageRank) - 1];
			start = end + 1;
		}
	}
	return result;
}

/** qmethod `qdc`: distinguishing per factor (1-based) and consensus at p < .05, |d| > 1.96·SED. */
export function qmethodClassification(
	zScores: number[][],
	seZScores: number[]
): { distinguishing: number[][]; consensus: number[] } {
	const k = seZScores.length;
	const significant = (row: number[], f: number, g: number) =>
		Math.abs(row[f] - row[g]) > 1.96 * Math.sqrt(seZScores[f] ** 2 + seZScores[g] ** 2);
	const distinguishing: number[][] = Array.from({ length: k }, () => []);
	const consensus: number[] = [];
	zScores.forEach((row, s) => {
		let any = false;
		for (let f = 0; f < k; f++) {
			let all = true;
			for (let g = 0; g < k; g++) {
				if (g === f) continue;
				if (significant(row, f, g)) any = true;
				else all = false;
			}
			if (all) distinguishing[f].push(s + 1);
		}
		if (!any) consensus.push(s + 1);
	});
	return { distinguishing, consensus };
}
