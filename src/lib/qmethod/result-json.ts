import { analyze, explainedVariance, type AnalysisOptions, type FullAnalysis } from './analysis.js';
import type { AnalysisWarning, CentroidVariant, ExtractionMethod, QSortData, RotationMethod } from './types.js';

/**
 * The public analysis result (CLI `--format json`, the analysis API). Matrices are arrays of
 * rows; statement numbers are 1-based; values are full precision. Entries of a factor without
 * defining sorts are null.
 */
export interface AnalysisJson {
	nStatements: number;
	nSorts: number;
	extraction: ExtractionMethod;
	/** Centroid only: which centroid procedure ('qmethod' or 'pqmethod'). */
	centroidVariant?: CentroidVariant;
	rotation: RotationMethod;
	nFactors: number;
	sortIds: string[];
	statementCodes: string[];
	/** Unrotated, extraction order (PCA eigenvalues; centroid column sums of squares). */
	eigenvalues: number[];
	/** Percent per rotated factor. */
	explainedVariance: number[];
	loadings: number[][];
	flagged: boolean[][];
	zScores: (number | null)[][];
	factorArrays: (number | null)[][];
	distinguishing: number[][];
	consensus: number[];
	factorCharacteristics: {
		nDefining: number[];
		avgRelCoef: number[];
		compositeReliability: (number | null)[];
		seZScores: (number | null)[];
	};
	warnings: AnalysisWarning[];
}

/** Builds the public result from a full analysis. */
export function toAnalysisJson(analysis: FullAnalysis): AnalysisJson {
	const { data, options, loadings, characteristics, classification } = analysis;
	const m = data.nStatements;
	const k = loadings.columns;
	const rowsOf = (values: Float64Array) =>
		Array.from({ length: m }, (_, s) => Array.from(values.subarray(s * k, s * k + k), orNull));
	return {
		nStatements: m,
		nSorts: data.nSorts,
		extraction: options.extraction,
		...(options.extraction === 'centroid' ? { centroidVariant: options.centroidVariant } : {}),
		rotation: options.rotation,
		nFactors: k,
		sortIds: [...data.sortIds],
		statementCodes: [...data.statementCodes],
		eigenvalues: Array.from(analysis.eigenvalues),
		explainedVariance: explainedVariance(loadings),
		loadings: Array.from({ length: data.nSorts }, (_, i) => Array.from(loadings.data.subarray(i * k, i * k + k))),
		flagged: analysis.flags.map((row) => [...row]),
		zScores: rowsOf(analysis.zScores),
		factorArrays: rowsOf(analysis.arrays),
		distinguishing: classification.distinguishing05.map((list) => list.map((s) => s + 1)),
		consensus: classification.consensus05.map((s) => s + 1),
		factorCharacteristics: {
			nDefining: characteristics.nDefining,
			avgRelCoef: characteristics.avgRelCoef,
			compositeReliability: characteristics.compositeReliability.map(orNull),
			seZScores: characteristics.seZScores.map(orNull)
		},
		warnings: analysis.warnings
	};
}

/**
 * Runs the whole analysis and returns the public JSON schema (see AnalysisJson). Pure; the same
 * input and options always give the same result.
 * @throws QMethodInputError for invalid data or options
 */
export function runAnalysis(input: QSortData, options: AnalysisOptions): AnalysisJson {
	return toAnalysisJson(analyze(input, options));
}

function orNull(value: number): number | null {
	return Number.isFinite(value) ? value : null;
}
