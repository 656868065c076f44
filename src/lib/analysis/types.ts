/**
 * Shapes shared by the analysis API, the server's analysis service and the workspace in the browser.
 * Factor numbers in requests are 1-based (as researchers see them); the engine works 0-based.
 */

import type { AnalysisJson, CentroidVariant, ExtractionMethod, FlagLevel, RotationMethod } from '../qmethod/index.js';

export type { CentroidVariant, FlagLevel };
export type Extraction = ExtractionMethod;
export type Rotation = RotationMethod;

/** One recorded decision after the automatic rotation, replayed in order. */
export type RotationStepRequest =
	/** Turn factors p and q (1-based) by `angle` degrees: sort points move clockwise in the p–q plot. */
	| { p: number; q: number; angle: number }
	/** Mirror factor `invert` (1-based). */
	| { invert: number }
	/** Split bipolar factor `split` (1-based): its negative pole becomes a new last factor. */
	| { split: number };

/** A validated analysis request: everything needed to reproduce an analysis from the stored sorts. */
export interface AnalysisRequest {
	extraction: Extraction;
	/** Centroid only ('qmethod' when absent, as in versions saved before the choice existed). */
	centroidVariant?: CentroidVariant;
	factors: number;
	rotation: Rotation;
	flagLevel: FlagLevel;
	rotationSteps: RotationStepRequest[];
	/** Manual flags [nSorts][nFactors after splits]; null = automatic flags at `flagLevel`. */
	flags: boolean[][] | null;
}

/** The engine's result: exactly the JSON the CLI prints with `analyze --format json`. */
export type AnalysisResult = AnalysisJson;

/** One pre-sort answer group of a factor's defining sorts; counts below 5 never leave the server. */
export interface CompositionGroup {
	value: string;
	label: Record<string, string>;
	/** The number of defining sorts, or "< 5" for a group smaller than five (or one that would reveal it). */
	count: number | '< 5';
}

export interface CompositionQuestion {
	key: string;
	prompt: Record<string, string>;
	groups: CompositionGroup[];
}

/** Per factor (in result order): its defining sorts broken down by each pre-sort question. */
export interface FactorComposition {
	factor: number;
	nDefining: number | '< 5';
	questions: CompositionQuestion[];
	/**
	 * Present (true) when the defining sorts differ from a set whose composition was already shown for
	 * this study by 1–4 sorts: every count is then "< 5", since comparing the two would reveal those sorts.
	 */
	withheld?: true;
}

export interface AnalysisSummary {
	id: string;
	studyId: string;
	name: string;
	createdAt: string;
	createdBy: { id: string; displayName: string; email: string } | null;
	request: AnalysisRequest;
	engineVersion: string;
	nFactors: number;
	nSorts: number;
}

export interface StoredAnalysis extends AnalysisSummary {
	result: AnalysisResult;
	composition: FactorComposition[];
}

/** A study's analysable data as the workspace receives it (pre-sort answers stay on the server). */
export interface AnalysisData {
	studyId: string;
	languages: string[];
	forced: boolean;
	/** Grid columns, lowest value first. */
	grid: { value: number; capacity: number }[];
	/** Statements of the Q-set in order. */
	statements: { code: string; text: Record<string, string> }[];
	/** Included (not excluded) sorts in a fixed order; `values` in statement order. */
	sorts: AnalysisSortDto[];
	/** Number of sorts left out because they were excluded. */
	excludedCount: number;
}

export interface AnalysisSortDto {
	id: string;
	values: number[];
	synthetic: boolean;
	comments: Record<string, string>;
	notes: { sort?: string; statements?: Record<string, string> };
}
