/**
 * Shapes shared by the analysis API, the server's analysis service and the workspace in the browser.
 * Factor numbers in requests are 1-based (as researchers see them); the engine works 0-based.
 */

import type { FactorComposition } from '../api/types/analyses.js';
import type { AnalysisJson, CentroidVariant, ExtractionMethod, FlagLevel, RotationMethod } from '../qmethod/index.js';

export type { CentroidVariant, FlagLevel };
// The answers that are plain data are schema-derived, written once in src/lib/api/types/analyses.ts.
export type {
	AnalysisData,
	AnalysisSortDto,
	CompositionGroup,
	CompositionQuestion,
	FactorComposition
} from '../api/types/analyses.js';
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
