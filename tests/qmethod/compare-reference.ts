import { expect } from 'vitest';
import type { AnalysisJson } from '../../src/lib/qmethod/index.js';
import type { ReferenceResult } from './lipset.js';
import { matchFactors, orient, permuteColumns, qmethodArrays, qmethodClassification } from './reference-match.js';

/** Tolerance for loadings and z-scores against qmethod 1.8.4 (issue 3 acceptance). */
export const REFERENCE_TOLERANCE = 0.005;

/**
 * Asserts that our result matches a qmethod reference after matching factors up to order and
 * sign: loadings and z within 0.005; flags identical; distinguishing and consensus identical to
 * the reference re-derived in our orientation; factor arrays identical wherever our tie-break
 * did not separate tied statements (qmethod gives a tie group one value, see the README), and
 * qmethod's own tie rule applied to our z-scores reproduces the reference arrays exactly.
 */
export function expectMatchesReference(result: AnalysisJson, ref: ReferenceResult): void {
	expect(result.nStatements).toBe(ref.nStatements);
	expect(result.nSorts).toBe(ref.nSorts);
	expect(result.nFactors).toBe(ref.nFactors);
	expect(result.sortIds).toEqual(ref.meta.sortIds);
	expect(result.statementCodes).toEqual(ref.meta.statementCodes);

	const match = matchFactors(result.loadings, ref.loadings);
	expect(match.maxLoadingDifference).toBeLessThan(REFERENCE_TOLERANCE);
	const zReference = orient(ref.zScores, match);
	result.zScores.forEach((row, s) =>
		row.forEach((z, f) =>
			expect(Math.abs((z as number) - zReference[s][f]), `statement ${s + 1}, factor ${f + 1}`).toBeLessThan(
				REFERENCE_TOLERANCE
			)
		)
	);
	expect(result.flagged).toEqual(permuteColumns(ref.flagged, match));
	expect(result.factorCharacteristics.nDefining).toEqual(
		match.permutation.map((g) => ref.factorCharacteristics.nDefining[g])
	);
	const se = match.permutation.map((g) => ref.factorCharacteristics.seZScores[g]);
	result.factorCharacteristics.seZScores.forEach((value, f) => expect(value).toBeCloseTo(se[f], 12));
	result.explainedVariance.forEach((value, f) =>
		expect(Math.abs(value - ref.explainedVariance[match.permutation[f]])).toBeLessThan(0.05)
	);
	// Unrotated eigenvalues are listed in extraction order by both, so compare them sorted.
	const sortedOurs = [...result.eigenvalues].sort((a, b) => b - a);
	const sortedTheirs = [...ref.eigenvalues].sort((a, b) => b - a);
	sortedOurs.forEach((value, f) => expect(Math.abs(value - sortedTheirs[f])).toBeLessThan(REFERENCE_TOLERANCE));

	// The re-derivation helper must reproduce the reference itself where no factor is reflected.
	const selfCheck = qmethodClassification(ref.zScores, ref.factorCharacteristics.seZScores);
	expect(selfCheck.distinguishing).toEqual(ref.distinguishing);
	expect(selfCheck.consensus).toEqual(ref.consensus);
	expect(qmethodArrays(ref.zScores, ref.meta.distribution)).toEqual(ref.factorArrays);

	const expected = qmethodClassification(zReference, se);
	expect(result.distinguishing).toEqual(expected.distinguishing);
	expect(result.consensus).toEqual(expected.consensus);

	const ours = result.factorArrays as number[][];
	const theirs = qmethodArrays(zReference, ref.meta.distribution);
	expect(qmethodArrays(result.zScores as number[][], ref.meta.distribution)).toEqual(theirs);
	const tieGroups = tiedStatements(result.zScores as number[][]);
	ours.forEach((row, s) =>
		row.forEach((value, f) => {
			if (!tieGroups[f].has(s)) expect(value, `statement ${s + 1}, factor ${f + 1}`).toBe(theirs[s][f]);
		})
	);
	const distribution = [...ref.meta.distribution].sort((a, b) => a - b);
	for (let f = 0; f < result.nFactors; f++) {
		expect(ours.map((row) => row[f]).sort((a, b) => a - b)).toEqual(distribution);
	}
}

/** Per factor, statements whose z equals another statement's z within 1e-12. */
export function tiedStatements(zScores: number[][]): Set<number>[] {
	const k = zScores[0].length;
	return Array.from({ length: k }, (_, f) => {
		const tied = new Set<number>();
		zScores.forEach((a, s) =>
			zScores.forEach((b, t) => {
				if (s !== t && Math.abs(a[f] - b[f]) <= 1e-12) tied.add(s);
			})
		);
		return tied;
	});
}
