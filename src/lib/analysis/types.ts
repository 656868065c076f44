/**
 * Shapes shared by the analysis API, the server's analysis service and the workspace in the browser.
 * Factor numbers in requests are 1-based (as researchers see them); the engine works 0-based.
 */

import type { AnalysisJson, CentroidVariant, ExtractionMethod, FlagLevel, RotationMethod } from '../qmethod/index.js';

export type { CentroidVariant, FlagLevel };
// The API's shapes are schema-derived, written once in src/lib/api/types/analyses.ts.
export type {
	AnalysisData,
	AnalysisRequest,
	AnalysisSortDto,
	AnalysisSummary,
	RotationStepRequest,
	StoredAnalysis,
	CompositionGroup,
	CompositionQuestion,
	FactorComposition
} from '../api/types/analyses.js';
export type Extraction = ExtractionMethod;
export type Rotation = RotationMethod;

/** The engine's result: exactly the JSON the CLI prints with `analyze --format json`. */
export type AnalysisResult = AnalysisJson;
