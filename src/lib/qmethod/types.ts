/**
 * Shared types of the analysis engine. Orientation is in the names: `…BySort` arrays have one
 * entry per Q-sort (n), `…ByStatement` one per statement (m). Matrices are arrays of rows.
 */

/** Q-sorts as they come in: one vector of grid values per sort, in statement order. */
export interface QSortData {
	/** Statement codes, length m (e.g. S01…S33). */
	statementCodes: readonly string[];
	/** Q-sort ids, length n, unique. */
	sortIds: readonly string[];
	/** n vectors of m integer grid values. */
	sorts: ReadonlyArray<ArrayLike<number>>;
	/**
	 * The target distribution as m grid values in any order (e.g. −4,−4,−3,…). Forced data:
	 * optional, defaults to the values of the first sort. Unforced data: required (it shapes
	 * only the factor arrays, never the z-scores).
	 */
	distribution?: readonly number[];
	/** Forced (fixed-grid) data; default true. */
	forced?: boolean;
}

/** Validated data: flat, sort-major storage `values[i * m + s]`. */
export interface ValidatedData {
	nStatements: number;
	nSorts: number;
	statementCodes: readonly string[];
	sortIds: readonly string[];
	values: Float64Array;
	/** Target distribution sorted ascending, length m. */
	distribution: Float64Array;
	forced: boolean;
}

/** A recoverable oddity, reported with the result instead of stopping it. */
export interface AnalysisWarning {
	code: string;
	message: string;
}

/** A loading matrix: n rows (sorts) × k columns (factors), row-major `data[i * k + f]`. */
export interface LoadingMatrix {
	rows: number;
	columns: number;
	data: Float64Array;
}

export const CORRELATION_METHODS = ['pearson', 'spearman'] as const;
export type CorrelationMethod = (typeof CORRELATION_METHODS)[number];
export const EXTRACTION_METHODS = ['pca', 'centroid'] as const;
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];
/** Centroid procedure: qmethod 1.8.4's `centroid()` or PQMethod/KADE's (see extraction/centroid.ts). */
export const CENTROID_VARIANTS = ['qmethod', 'pqmethod'] as const;
export type CentroidVariant = (typeof CENTROID_VARIANTS)[number];
export const ROTATION_METHODS = ['varimax', 'none'] as const;
export type RotationMethod = (typeof ROTATION_METHODS)[number];
export const FLAG_LEVELS = [0.05, 0.01] as const;
export type FlagLevel = (typeof FLAG_LEVELS)[number];

/** One judgmental rotation step: factors p and q (0-based) turned by `degrees` (docs/methods.md §4.2). */
export interface RotationStep {
	p: number;
	q: number;
	degrees: number;
}

/** Mirror factor `invert` (0-based): its loadings are multiplied by −1 (docs/methods.md §4.3). */
export interface InvertStep {
	invert: number;
}

/** Split bipolar factor `split` (0-based): its negative pole becomes a new last factor (docs/methods.md §4.4). */
export interface SplitStep {
	split: number;
}

/**
 * One decision after the automatic rotation, replayed in order: a turn, an inversion or a bipolar
 * split. Nothing may turn or invert after a split (the poles would mix again; KADE disables the same).
 */
export type JudgmentalStep = RotationStep | InvertStep | SplitStep;

export interface ExtractionResult {
	/** Unrotated loadings, n × k, sign rule Σ a|a| > 0 per factor. */
	loadings: LoadingMatrix;
	/** Unrotated eigenvalues (PCA) or column sums of squares (centroid), extraction order, length k. */
	eigenvalues: Float64Array;
	/** PCA only: all non-zero-rank eigenvalues (scree), length min(n, m). Centroid: same as eigenvalues. */
	allEigenvalues: Float64Array;
	warnings: AnalysisWarning[];
}
