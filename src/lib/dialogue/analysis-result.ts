import type { AnalysisJson } from '../qmethod/index.js';

/**
 * The parts of a saved analysis result (the engine's JSON schema, issue 3 §10) that presentations and
 * dialogue sessions use. Statement numbers in `distinguishing` and `consensus` are 1-based; the
 * matrices are [statement][factor] and [sort][factor], in the order of `statementCodes` and `sortIds`;
 * z-scores and arrays of a factor without defining sorts are null.
 */
export type AnalysisResultLike = Pick<
	AnalysisJson,
	| 'nStatements'
	| 'nSorts'
	| 'nFactors'
	| 'sortIds'
	| 'statementCodes'
	| 'loadings'
	| 'flagged'
	| 'zScores'
	| 'factorArrays'
	| 'distinguishing'
	| 'consensus'
>;

/** 0-based indices of the sorts flagged for a factor (1-based `factor`). */
export function definingSortIndices(result: AnalysisResultLike, factor: number): number[] {
	const indices: number[] = [];
	result.flagged.forEach((row, index) => {
		if (row[factor - 1]) indices.push(index);
	});
	return indices;
}

/** Whether a factor has scores (a factor without defining sorts has none). */
export function hasScores(result: AnalysisResultLike, factor: number): boolean {
	return result.factorArrays.every((row) => typeof row[factor - 1] === 'number');
}
