import {
	factorCharacteristics,
	factorScoreCorrelations,
	standardErrorsOfDifferences,
	type FactorCharacteristics
} from './characteristics.js';
import { correlationFromScaled, unitScaledSorts } from './correlation.js';
import {
	classifyStatements,
	cribSheets,
	descendingDifferences,
	type CribSheet,
	type PairDifferences,
	type StatementClassification
} from './distinguishing.js';
import { QMethodInputError } from './errors.js';
import { extractCentroid } from './extraction/centroid.js';
import { extractPrincipalComponents } from './extraction/pca.js';
import { factorArrays } from './factor-arrays.js';
import { factorScores } from './factor-scores.js';
import { autoFlag, checkManualFlags } from './flagging.js';
import { identityMatrix, multiplyMatrices } from './internal/matrix.js';
import { columnSumsOfSquares } from './orientation.js';
import { applyJudgmentalSteps } from './rotation/judgmental.js';
import { varimax } from './rotation/varimax.js';
import { varimaxLikeR } from './rotation/varimax-r.js';
import type {
	AnalysisWarning,
	CentroidVariant,
	CorrelationMethod,
	ExtractionMethod,
	FlagLevel,
	LoadingMatrix,
	JudgmentalStep,
	QSortData,
	RotationMethod,
	ValidatedData
} from './types.js';
import { validateFactorCount, validateSorts } from './validation.js';

export interface AnalysisOptions {
	/** Number of factors to extract, 1…8. */
	factors: number;
	/** Default 'pca'. */
	extraction?: ExtractionMethod;
	/** Centroid only: qmethod 1.8.4's procedure (default) or PQMethod/KADE's. */
	centroidVariant?: CentroidVariant;
	/** Default 'pearson'. */
	correlation?: CorrelationMethod;
	/** Default 'varimax'. */
	rotation?: RotationMethod;
	/**
	 * Judgmental steps applied after the rotation above, in order (0-based factors): turns, inversions
	 * and bipolar splits; each split adds a factor, and nothing may turn or invert after a split.
	 */
	rotationSteps?: readonly JudgmentalStep[];
	/** Level of automatic flagging. Default 0.05. */
	flagLevel?: FlagLevel;
	/** Manual flags [nSorts][nFactors after splits]; replace the automatic ones (and those of a split) when given. */
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
	/** k × k′ (k′ = factors after splits), loadings = unrotated · rotation. */
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
 * cross-product, or Brown centroid on R) → rotate (varimax or none, then judgmental steps: turns,
 * inversions, bipolar splits) → flag → factor scores → arrays → characteristics →
 * distinguishing/consensus. Flags: the manual ones when given; otherwise, after a split, the
 * automatic flags at the moment of the (first) split divided between the poles (docs/methods.md §4.4);
 * otherwise the automatic flags of the final loadings. Pure and deterministic; the input is not
 * modified.
 * @throws QMethodInputError for invalid data or options
 */
export function analyze(input: QSortData, options: AnalysisOptions): FullAnalysis {
	const extraction = options.extraction ?? 'pca';
	const correlation = options.correlation ?? 'pearson';
	const rotationMethod = options.rotation ?? 'varimax';
	const flagLevel = options.flagLevel ?? 0.05;
	const rotationSteps = options.rotationSteps ?? [];
	const centroidVariant = options.centroidVariant ?? 'qmethod';
	if (extraction !== 'pca' && extraction !== 'centroid')
		throw new QMethodInputError('invalid_option', `unknown extraction "${String(extraction)}"`);
	if (centroidVariant !== 'qmethod' && centroidVariant !== 'pqmethod')
		throw new QMethodInputError('invalid_option', `unknown centroid variant "${String(centroidVariant)}"`);
	if (correlation !== 'pearson' && correlation !== 'spearman')
		throw new QMethodInputError('invalid_option', `unknown correlation "${String(correlation)}"`);
	if (rotationMethod !== 'varimax' && rotationMethod !== 'none')
		throw new QMethodInputError('invalid_option', `unknown rotation "${String(rotationMethod)}"`);
	if (flagLevel !== 0.05 && flagLevel !== 0.01)
		throw new QMethodInputError('invalid_option', `flag level must be 0.05 or 0.01, got ${String(flagLevel)}`);

	const data = validateSorts(input);
	const { nStatements: m, nSorts: n, sortIds } = data;
	const k = options.factors;
	validateFactorCount(k, n, m);

	const scaled = unitScaledSorts(data, correlation);
	const extracted =
		extraction === 'pca'
			? extractPrincipalComponents(scaled, n, m, k)
			: extractCentroid(correlationFromScaled(scaled, n, m), k, { variant: centroidVariant });
	const warnings: AnalysisWarning[] = [...extracted.warnings];

	let loadings = extracted.loadings;
	let rotation = identityMatrix(k);
	if (rotationMethod === 'varimax' && k > 1) {
		// qmethod rotates its centroid solution with stats::varimax (eps 1e-5); the qmethod variant does the same.
		const rotated =
			extraction === 'centroid' && centroidVariant === 'qmethod'
				? varimaxLikeR(extracted.loadings)
				: varimax(extracted.loadings);
		if (!rotated.converged)
			warnings.push({ code: 'varimax_not_converged', message: `varimax did not converge in ${rotated.sweeps} sweeps` });
		loadings = rotated.loadings;
		rotation = rotated.rotation;
	}
	let splitFlags: boolean[][] | null = null;
	if (rotationSteps.length) {
		const judged = applyJudgmentalSteps(
			loadings,
			rotationSteps,
			(current) => autoFlag(current, m, sortIds, flagLevel).flags
		);
		loadings = judged.loadings;
		rotation = multiplyMatrices(rotation, judged.rotation, k, k, loadings.columns);
		splitFlags = judged.splitFlags;
	}

	let flags: boolean[][];
	const given = options.flags ?? splitFlags;
	if (given) {
		warnings.push(...checkManualFlags(loadings, given, m, sortIds, flagLevel));
		flags = given.map((row) => [...row]);
	} else {
		const flagged = autoFlag(loadings, m, sortIds, flagLevel);
		warnings.push(...flagged.warnings);
		flags = flagged.flags;
	}

	const scores = factorScores(data, loadings, flags);
	const kFinal = loadings.columns;
	const { arrays, tied } = factorArrays(scores.zScores, scores.meanDefiningScore, data.distribution, m, kFinal);
	for (let f = 0; f < kFinal; f++) {
		const decided: string[] = [];
		for (let s = 0; s < m; s++) if (tied[s * kFinal + f] === 2) decided.push(data.statementCodes[s]);
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
		options: {
			factors: k,
			extraction,
			centroidVariant,
			correlation,
			rotation: rotationMethod,
			rotationSteps,
			flagLevel,
			manualFlags: Boolean(options.flags)
		},
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
		factorCorrelations: factorScoreCorrelations(scores.zScores, m, kFinal),
		sed,
		classification: classifyStatements(scores.zScores, sed, m, kFinal),
		cribSheets: cribSheets(arrays, m, kFinal),
		descendingDifferences: descendingDifferences(scores.zScores, m, kFinal),
		warnings
	};
}

/** Explained variance in percent per factor: `100 · Σ_i a_if² / n`. */
export function explainedVariance(loadings: LoadingMatrix): number[] {
	return Array.from(columnSumsOfSquares(loadings), (ss) => (100 * ss) / loadings.rows);
}
