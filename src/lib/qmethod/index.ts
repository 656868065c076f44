/** Public API of the Q-methodology analysis engine (pure TypeScript; see README.md). */
export { QMethodInputError, type QMethodInputErrorCode } from './errors.js';
export type {
	AnalysisWarning,
	CentroidVariant,
	CorrelationMethod,
	ExtractionMethod,
	ExtractionResult,
	FlagLevel,
	InvertStep,
	JudgmentalStep,
	LoadingMatrix,
	QSortData,
	RotationMethod,
	RotationStep,
	SplitStep,
	ValidatedData
} from './types.js';
export { ENGINE_VERSION } from './version.js';
export { validateSorts, validateFactorCount, GRID_MIN, GRID_MAX } from './validation.js';
export {
	correlationMatrix,
	correlationFromScaled,
	unitScaledSorts,
	midRanks,
	type CorrelationMatrix
} from './correlation.js';
export { extractPrincipalComponents, correlationEigenvalues, statementCrossProduct } from './extraction/pca.js';
export { extractCentroid, type CentroidOptions } from './extraction/centroid.js';
export { varimax, varimaxCriterion, type VarimaxOptions, type VarimaxResult } from './rotation/varimax.js';
export {
	applyJudgmentalSteps,
	applyRotationSteps,
	invertFactor,
	splitBipolarFactor,
	type JudgmentalResult,
	type JudgmentalStepsResult
} from './rotation/judgmental.js';
export { orientFactors, columnSumsOfSquares, communalities, loadingRows, loadingMatrix } from './orientation.js';
export { autoFlag, checkManualFlags, significanceThreshold, CRITICAL_Z, type FlagResult } from './flagging.js';
export { factorScores, factorWeight, type FactorScores } from './factor-scores.js';
export { factorArrays, TIE_TOLERANCE, type FactorArrays } from './factor-arrays.js';
export {
	factorCharacteristics,
	factorScoreCorrelations,
	standardErrorsOfDifferences,
	AVERAGE_RELIABILITY,
	type FactorCharacteristics
} from './characteristics.js';
export {
	classifyStatements,
	cribSheets,
	descendingDifferences,
	type CribSheet,
	type PairDifferences,
	type StatementClassification
} from './distinguishing.js';
export { analyze, explainedVariance, type AnalysisOptions, type FullAnalysis } from './analysis.js';
export { runAnalysis, toAnalysisJson, type AnalysisJson } from './result-json.js';
export { decodeText, splitLines } from './io/decode.js';
export { parseDat, parseSta, writeDat, writeSta, statementCode, type DatFile } from './io/pqmethod.js';
export {
	parseCsv,
	parseSortsCsv,
	parseStatementsCsv,
	writeSortsCsv,
	writeStatementsCsv,
	writeJson,
	csvField,
	type StatementRecord
} from './io/csv.js';
export { formatTextReport } from './report-text.js';
export { seededRandom, shuffleInPlace } from './random.js';
export {
	kaiserGuttman,
	humphreysRule,
	significantLoaders,
	screeData,
	parallelAnalysis,
	quantile,
	type HumphreyResult,
	type ParallelAnalysisResult
} from './retention.js';
export {
	bootstrap,
	toBootstrapJson,
	type BootstrapAlignment,
	type BootstrapJson,
	type BootstrapOptions,
	type BootstrapResult
} from './bootstrap.js';
