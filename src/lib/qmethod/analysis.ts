import { factorCharacteristics, factorScoreCorrelations, standardErrorsOfDifferences, type FactorCharacteristics } from './characteristics.js';
import { correlationFromScaled, unitScaledSorts } from './correlation.js';
import { classifyStatements, cribSheets, descendingDifferences, type CribSheet, type PairDifferences, type StatementClassification } from './distinguishing.js';
import { QMethodInputError } from './errors.js';
import { extractCentroid } from './extraction/centroid.js';
import { extractPrincipalComponents } from './extraction/pca.js';
import { factorArrays } from './factor-arrays.js';
import { factorScores } from './factor-scores.js';
import { autoFlag, checkManualFlags } from './flagging.js';
import { columnSumsOfSquares } from './orientation.js';
import { applyRotationSteps } from './rotation/judgmental.js';
import { varimax } from './rotation/varimax.js';
import type {
	AnalysisWarning,
	CorrelationMethod,
	ExtractionMethod,
	FlagLevel,
	LoadingMatrix,
	QSortData,
	RotationMethod,
	RotationStep,
	ValidatedData
} from './types.js';
import { validateFactorCount, validateSorts } from './validation.js';

export interface AnalysisOptions {
	/** Number of factors to extract, 1…8. */
	factors: number;
	/** Default 'pca'. */
	extraction?: ExtractionMethod;
	/** Default 'pearson'. */
	correlation?: CorrelationMethod;
	/** Default 'varimax'. */
	rotation?: RotationMethod;
	/** Judgmental steps applied after the rotation above, in order. */
	rotationSteps?: readonly RotationStep[];
	/** Level of automatic flagging. Default 0.05. */
	flagLevel?: FlagLevel;
	/** Manual flags [nSorts][nFactors]; replace the automatic ones when given. */
	flags?: ReadonlyArray<ReadonlyArray<boolean>>;
}

/** Everything one analysis run produces, in typed arrays (see toAnalysisJson for the public schema). */
export interface FullAnalysis {
	data: ValidatedData;
	options: Required<Omit<AnalysisOptions, 'flags'>> & { manualFlags: boolean };
	unrotated: LoadingMatrix;
	eigenvalues: Float64Array;
	allEigenvalues: Float64Array;
	loadings: LoadingMatrix;
	/** k × k, loadings = unrotated · rotation. */
	rotation: Float64Array;
	flags: boolean[][];
	weights: Float64Array;
	zScores: Float64Array;
	arrays: Float64Array;
	tied: Uint8Array;
	characteristics: FactorCharacteristics;
	factorCorrelations: Float64Array;
	sed: Float64Array;
	classification: StatementClassification;
	cribSheets: CribSheet[];
	descendingDifferences: PairDifferences[];
	warnings: AnalysisWarning[];
}

/**
 * The whole by-person pipeline: validate → standardise → extract (PCA via the m × m
 * cross-product, or Brown centroid on R) → rotate (varimax or none, then judgmental steps) →
 * flag → factor scores → arrays → characteristics → distinguishing/consensus. Pure and
 * deterministic; the input is not modified.
 * @throws QMethodInputError for invalid data or options
 */
export function analyze(input: QSortData, options: AnalysisOptions): FullAnalysis {
	const extraction = options.extraction ?? 'pca';
	const correlation = options.correlation ?? 'pearson';
	const rotationMethod = options.rotation ?? 'varimax';
	const flagLevel = options.flagLevel ?? 0.05;
	const rotationSteps = options.rotationSteps ?? [];
	if (extraction !== 'pca' && extraction !== 'centroid') throw new QMethodInputError('invalid_option', `unknown extraction "${String(extraction)}"`);
	if (correlation !== 'pearson' && correlation !== 'spearman') throw new QMethodInputError('invalid_option', `unknown correlation "${String(correlation)}"`);
	if (rotationMethod !== 'varimax' && rotationMethod !== 'none') throw new QMethodInputError('invalid_option', `unknown rotation "${String(rotationMethod)}"`);
	if (flagLevel !== 0.05 && flagLevel !== 0.01) throw new QMethodInputError('invalid_option', `flag level must be 0.05 or 0.01, got ${String(flagLevel)}`);

	const data = validateSorts(input);
	const { nStatements: m, nSorts: n, sortIds } = data;
	const k = options.factors;
	validateFactorCount(k, n, m);

	const scaled = unitScaledSorts(data, correlation);
	const extracted =
		extraction === 'pca' ? extractPrincipalComponents(scaled, n, m, k) : extractCentroid(correlationFromScaled(scaled, n, m), k);
	const warnings: AnalysisWarning[] = [...extracted.warnings];

	let loadings = extracted.loadings;
	let rotation = identity(k);
	if (rotationMethod === 'varimax' && k > 1) {
		const rotated = varimax(extracted.loadings);
		if (!rotated.converged) warnings.push({ code: 'varimax_not_converged', message: `varimax did not converge in ${rotated.sweeps} sweeps` });
		loadings = rotated.loadings;
		rotation = rotated.rotation;
	}
	if (rotationSteps.length) {
		const turned = applyRotationSteps(loadings, rotationSteps);
		loadings = turned.loadings;
		rotation = multiply(rotation, turned.rotation, k);
	}

	let flags: boolean[][];
	if (options.flags) {
		warnings.push(...checkManualFlags(loadings, options.flags, m, sortIds, flagLevel));
		flags = options.flags.map((row) => [...row]);
	} else {
		const flagged = autoFlag(loadings, m, sortIds, flagLevel);
		warnings.push(...flagged.warnings);
		flags = flagged.flags;
	}

	const scores = factorScores(data, loadings, flags);
	const { arrays, tied } = factorArrays(scores.zScores, scores.meanDefiningScore, data.distribution, m, k);
	for (let f = 0; f < k; f++) {
		const decided: string[] = [];
		for (let s = 0; s < m; s++) if (tied[s * k + f] === 2) decided.push(data.statementCodes[s]);
		if (decided.length) {
			warnings.push({
				code: 'tied_z_scores',
				message: `factor ${f + 1}: statements ${decided.join(', ')} have equal z-scores; the tie-break rule decided their array values`
			});
		}
	}
	const characteristics = factorCharacteristics(scores.nDefining);
	const sed = standardErrorsOfDifferences(characteristics.seZScores);
	return {
		data,
		options: { factors: k, extraction, correlation, rotation: rotationMethod, rotationSteps, flagLevel, manualFlags: Boolean(options.flags) },
		unrotated: extracted.loadings,
		eigenvalues: extracted.eigenvalues,
		allEigenvalues: extracted.allEigenvalues,
		loadings,
		rotation,
		flags,
		weights: scores.weights,
		zScores: scores.zScores,
		arrays,
		tied,
		characteristics,
		factorCorrelations: factorScoreCorrelations(scores.zScores, m, k),
		sed,
		classification: classifyStatements(scores.zScores, sed, m, k),
		cribSheets: cribSheets(arrays, m, k),
		descendingDifferences: descendingDifferences(scores.zScores, m, k),
		warnings
	};
}

/** Explained variance in percent per factor: `100 · Σ_i a_if² / n`. */
export function explainedVariance(loadings: LoadingMatrix): number[] {
	return Array.from(columnSumsOfSquares(loadings), (ss) => (100 * ss) / loadings.rows);
}

function identity(k: number): Float64Array {
	const result = new Float64Array(k * k);
	for (let f = 0; f < k; f++) result[f * k + f] = 1;
	return result;
}

function multiply(a: Float64Array, b: Float64Array, k: number): Float64Array {
	const result = new Float64Array(k * k);
	for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) for (let t = 0; t < k; t++) result[r * k + c] += a[r * k + t] * b[t * k + c];
	return result;
}
