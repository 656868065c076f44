import type { AnalysisJson } from '../../src/lib/qmethod/index.js';
import type { ReferenceResult } from './lipset.js';
import { qmethodArrays, qmethodClassification } from './reference-match.js';

/**
 * The acceptance rules of the sweep (shared/tools/compare-qmethod.mjs, restated here so the
 * sweep runs in-process): a result agrees with a qmethod 1.8.4 reference when, after matching
 * factors up to order and sign, loadings and z-scores differ by at most 0.02, eigenvalues and
 * explained variance by at most 1 % (relative), and flags, factor arrays, distinguishing and
 * consensus sets differ only where the reference itself sits on a threshold (a loading within
 * 0.03 of a flagging threshold, a z-score within 0.01 of another statement's, a difference within
 * 0.05 of 1.96·SED). A borderline flag changes the scores built on it, so a factor with an excused
 * flag is not compared further. Returns the broken rules (empty when the result agrees).
 */
export const SWEEP_TOLERANCE = {
	loadings: 0.02,
	relative: 0.01,
	flagBorder: 0.03,
	zScores: 0.02,
	zTie: 0.01,
	cutBorder: 0.05,
	setDifferences: 1,
	reliability: 0.005,
	seZ: 0.01
} as const;

export function sweepDifferences(actual: AnalysisJson, expected: ReferenceResult): string[] {
	const problems: string[] = [];
	const k = expected.nFactors;
	const m = expected.nStatements;
	const n = expected.nSorts;
	if (actual.nStatements !== m || actual.nSorts !== n || actual.nFactors !== k)
		return [`shape ${actual.nStatements}×${actual.nSorts}×${actual.nFactors}`];
	const { permutation: map, sign } = matchByCorrelation(expected.loadings, actual.loadings, k);
	const ours = (matrix: (number | null)[][]) =>
		matrix.map((row) => map.map((g, f) => (row[g] === null ? NaN : sign[f] * (row[g] as number))));

	const loadings = ours(actual.loadings);
	const worstLoading = maxOver(n, k, (i, f) => Math.abs(loadings[i][f] - expected.loadings[i][f]));
	if (!(worstLoading <= SWEEP_TOLERANCE.loadings)) problems.push(`loadings differ by ${worstLoading}`);
	for (let f = 0; f < k; f++) {
		if (!(relative(actual.eigenvalues[f], expected.eigenvalues[f]) <= SWEEP_TOLERANCE.relative))
			problems.push(`eigenvalue ${f + 1}`);
		if (!(relative(actual.explainedVariance[map[f]], expected.explainedVariance[f]) <= SWEEP_TOLERANCE.relative))
			problems.push(`explained variance ${f + 1}`);
	}

	const threshold = 1.96 / Math.sqrt(m);
	const borderline = (matrix: number[][], i: number, f: number) => {
		const others = Math.sqrt(matrix[i].reduce((sum, value, g) => (g === f ? sum : sum + value * value), 0));
		const size = Math.abs(matrix[i][f]);
		return (
			Math.abs(size - threshold) <= SWEEP_TOLERANCE.flagBorder || Math.abs(size - others) <= SWEEP_TOLERANCE.flagBorder
		);
	};
	const excused = new Array<number>(k).fill(0);
	for (let i = 0; i < n; i++) {
		for (let f = 0; f < k; f++) {
			if (actual.flagged[i][map[f]] === expected.flagged[i][f]) continue;
			if (borderline(expected.loadings, i, f) || borderline(loadings, i, f)) excused[f]++;
			else problems.push(`flag of sort ${i + 1} on factor ${f + 1}`);
		}
	}

	const z = ours(actual.zScores);
	const scored = (f: number) => expected.zScores.every((row) => Number.isFinite(row[f]));
	for (let f = 0; f < k; f++) {
		if (!scored(f) || excused[f]) continue;
		const worst = Math.max(...z.map((row, s) => Math.abs(row[f] - expected.zScores[s][f])));
		if (!(worst <= SWEEP_TOLERANCE.zScores)) problems.push(`z-scores of factor ${f + 1} differ by ${worst}`);
		const zColumn = expected.zScores.map((row) => row[f]);
		const reference =
			sign[f] < 0
				? qmethodArrays(
						expected.zScores.map((row) => [-row[f]]),
						expected.meta.distribution
					).map((row) => row[0])
				: expected.factorArrays.map((row) => row[f]);
		actual.factorArrays.forEach((row, s) => {
			if (row[map[f]] === reference[s]) return;
			if (!zColumn.some((other, t) => t !== s && Math.abs(other - zColumn[s]) <= SWEEP_TOLERANCE.zTie))
				problems.push(`array value of statement ${s + 1} on factor ${f + 1}`);
		});
	}

	problems.push(
		...setDifferences(
			actual,
			expected,
			map,
			sign,
			excused.some((count) => count > 0)
		)
	);

	const chars = actual.factorCharacteristics;
	const theirs = expected.factorCharacteristics;
	for (let f = 0; f < k; f++) {
		const g = map[f];
		const definingGap = Math.abs(chars.nDefining[g] - theirs.nDefining[f]);
		if (definingGap > excused[f]) problems.push(`defining sorts of factor ${f + 1}`);
		if (!(Math.abs(chars.avgRelCoef[g] - theirs.avgRelCoef[f]) <= 1e-6))
			problems.push(`average reliability of factor ${f + 1}`);
		if (definingGap === 0 && theirs.nDefining[f] > 0) {
			if (
				!(
					Math.abs((chars.compositeReliability[g] ?? NaN) - theirs.compositeReliability[f]) <=
					SWEEP_TOLERANCE.reliability
				)
			)
				problems.push(`reliability of factor ${f + 1}`);
			if (!(Math.abs((chars.seZScores[g] ?? NaN) - theirs.seZScores[f]) <= SWEEP_TOLERANCE.seZ))
				problems.push(`SE of z of factor ${f + 1}`);
		}
	}
	return problems;
}

/** Distinguishing and consensus sets: at most one borderline difference per factor (and in the consensus set). */
function setDifferences(
	actual: AnalysisJson,
	expected: ReferenceResult,
	map: number[],
	sign: number[],
	cascade: boolean
): string[] {
	const k = expected.nFactors;
	const live = Array.from({ length: k }, (_, f) => f).filter((f) =>
		expected.zScores.every((row) => Number.isFinite(row[f]))
	);
	const z = expected.zScores.map((row) => row.map((value, f) => sign[f] * value));
	const se = expected.factorCharacteristics.seZScores;
	const nearCut = (s: number, f: number, g: number) =>
		Math.abs(Math.abs(z[s][f] - z[s][g]) - 1.96 * Math.sqrt(se[f] ** 2 + se[g] ** 2)) <= SWEEP_TOLERANCE.cutBorder;
	const reflected = sign.some((value) => value < 0);
	let distinguishing = expected.distinguishing;
	let consensus = expected.consensus;
	if (reflected) {
		// Both sets depend on orientation: re-derive them from the reference in our orientation with qmethod's rule.
		const liveZ = z.map((row) => live.map((f) => row[f]));
		const derived = qmethodClassification(
			liveZ,
			live.map((f) => se[f])
		);
		distinguishing = Array.from({ length: k }, (_, f) =>
			live.length > 1 && live.includes(f) ? derived.distinguishing[live.indexOf(f)] : []
		);
		consensus = derived.consensus;
	}
	const problems: string[] = [];
	for (let f = 0; f < k; f++) {
		const differing = symmetricDifference(distinguishing[f] ?? [], actual.distinguishing[map[f]]);
		const clear = differing.filter((s) => !live.some((g) => g !== f && nearCut(s - 1, f, g)));
		if ((differing.length > SWEEP_TOLERANCE.setDifferences || clear.length) && !cascade)
			problems.push(`distinguishing statements of factor ${f + 1}: ${differing.join(',')}`);
	}
	const differing = symmetricDifference(consensus, actual.consensus);
	const clear = differing.filter((s) => !live.some((f) => live.some((g) => g > f && nearCut(s - 1, f, g))));
	if ((differing.length > SWEEP_TOLERANCE.setDifferences || clear.length) && !cascade)
		problems.push(`consensus statements: ${differing.join(',')}`);
	return problems;
}

/** The injective expected → actual factor assignment with the largest Σ |r| of loading columns, and the signs of those r. */
function matchByCorrelation(
	expected: number[][],
	actual: number[][],
	k: number
): { permutation: number[]; sign: number[] } {
	const ka = actual[0].length;
	const r = Array.from({ length: k }, (_, f) =>
		Array.from({ length: ka }, (_, g) =>
			pearson(
				expected.map((row) => row[f]),
				actual.map((row) => row[g])
			)
		)
	);
	let best = { score: -1, permutation: [] as number[] };
	const search = (chosen: number[]) => {
		if (chosen.length === k) {
			const score = chosen.reduce((sum, g, f) => sum + Math.abs(r[f][g]), 0);
			if (score > best.score + 1e-12) best = { score, permutation: [...chosen] };
			return;
		}
		for (let g = 0; g < ka; g++) if (!chosen.includes(g)) search([...chosen, g]);
	};
	search([]);
	return { permutation: best.permutation, sign: best.permutation.map((g, f) => (r[f][g] < 0 ? -1 : 1)) };
}

function pearson(a: number[], b: number[]): number {
	const meanA = a.reduce((sum, v) => sum + v, 0) / a.length;
	const meanB = b.reduce((sum, v) => sum + v, 0) / b.length;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	a.forEach((value, i) => {
		ab += (value - meanA) * (b[i] - meanB);
		aa += (value - meanA) ** 2;
		bb += (b[i] - meanB) ** 2;
	});
	return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

function relative(actual: number, expected: number): number {
	return Math.abs(actual - expected) / Math.abs(expected);
}

function maxOver(rows: number, columns: number, value: (i: number, f: number) => number): number {
	let worst = 0;
	for (let i = 0; i < rows; i++)
		for (let f = 0; f < columns; f++) worst = Math.max(worst, Number.isNaN(value(i, f)) ? Infinity : value(i, f));
	return worst;
}

function symmetricDifference(a: number[], b: number[]): number[] {
	return [...a.filter((s) => !b.includes(s)), ...b.filter((s) => !a.includes(s))].sort((x, y) => x - y);
}
