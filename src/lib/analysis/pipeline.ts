import {
	analyze,
	applyRotationSteps,
	autoFlag,
	checkManualFlags,
	classifyStatements,
	correlationFromScaled,
	cribSheets,
	descendingDifferences,
	extractCentroid,
	extractPrincipalComponents,
	factorArrays,
	factorCharacteristics,
	factorScoreCorrelations,
	factorScores,
	invertFactor,
	splitBipolarFactor,
	standardErrorsOfDifferences,
	toAnalysisJson,
	unitScaledSorts,
	validateFactorCount,
	validateSorts,
	varimax,
	type AnalysisWarning,
	type FullAnalysis,
	type LoadingMatrix,
	type QSortData,
	type RotationStep
} from '../qmethod/index.js';
import type { AnalysisData, AnalysisRequest, AnalysisResult, RotationStepRequest } from './types.js';

/** The engine's input from a study's analysable data: sorts in the given order, the grid as distribution. */
export function engineInput(data: Pick<AnalysisData, 'statements' | 'sorts' | 'grid' | 'forced'>): QSortData {
	const distribution = data.grid.flatMap((column) => Array.from({ length: column.capacity }, () => column.value));
	return {
		statementCodes: data.statements.map((s) => s.code),
		sortIds: data.sorts.map((s) => s.id),
		sorts: data.sorts.map((s) => s.values),
		// A free grid whose capacities do not add up to the Q-set cannot shape the arrays; the engine then
		// refuses with a clear message rather than guessing.
		distribution: distribution.length ? distribution : undefined,
		forced: data.forced
	};
}

const isTurn = (step: RotationStepRequest): step is { p: number; q: number; angle: number } => 'angle' in step;

/** API steps (1-based factors, `angle`) to engine steps (0-based, `degrees`). */
export function engineSteps(steps: readonly RotationStepRequest[]): RotationStep[] {
	return steps.filter(isTurn).map((step) => ({ p: step.p - 1, q: step.q - 1, degrees: step.angle }));
}

/**
 * Runs a request through the engine. Hand rotations only (the usual case): the engine's own
 * `analyze`, so the result equals the CLI's. With inversions or bipolar splits: the same stages called
 * one by one, because `analyze` has no such steps; the flags of a split factor come from the
 * automatic flags at the moment of the split (spec §4.4) unless manual flags are given.
 * @throws QMethodInputError for data or options the engine refuses
 */
export function runRequest(input: QSortData, request: AnalysisRequest): FullAnalysis {
	const flags = request.flags ?? undefined;
	if (request.rotationSteps.every(isTurn)) {
		return analyze(input, {
			factors: request.factors,
			extraction: request.extraction,
			rotation: request.rotation,
			flagLevel: request.flagLevel,
			rotationSteps: engineSteps(request.rotationSteps),
			flags
		});
	}
	return runWithEdits(input, request);
}

/** The CLI's JSON for a request. */
export function resultOf(input: QSortData, request: AnalysisRequest): AnalysisResult {
	return toAnalysisJson(runRequest(input, request));
}

function runWithEdits(input: QSortData, request: AnalysisRequest): FullAnalysis {
	const data = validateSorts(input);
	const { nStatements: m, nSorts: n, sortIds } = data;
	const k = request.factors;
	validateFactorCount(k, n, m);
	const scaled = unitScaledSorts(data, 'pearson');
	const extracted =
		request.extraction === 'pca' ? extractPrincipalComponents(scaled, n, m, k) : extractCentroid(correlationFromScaled(scaled, n, m), k);
	const warnings: AnalysisWarning[] = [...extracted.warnings];
	let loadings: LoadingMatrix = extracted.loadings;
	let rotation = identity(k, k);
	if (request.rotation === 'varimax' && k > 1) {
		const rotated = varimax(extracted.loadings);
		if (!rotated.converged) warnings.push({ code: 'varimax_not_converged', message: `varimax did not converge in ${rotated.sweeps} sweeps` });
		loadings = rotated.loadings;
		rotation = rotated.rotation;
	}
	let splitFlags: boolean[][] | undefined;
	for (const step of request.rotationSteps) {
		const columns = loadings.columns;
		if (isTurn(step)) {
			const turned = applyRotationSteps(loadings, engineSteps([step]));
			loadings = turned.loadings;
			rotation = multiply(rotation, turned.rotation, k, columns, columns);
		} else if ('invert' in step) {
			loadings = invertFactor(loadings, step.invert - 1);
			for (let r = 0; r < k; r++) rotation[r * columns + step.invert - 1] *= -1;
		} else {
			const before = splitFlags ?? autoFlag(loadings, m, sortIds, request.flagLevel).flags;
			const split = splitBipolarFactor(loadings, before, step.split - 1);
			loadings = split.loadings;
			splitFlags = split.flags;
			// The new last factor is the mirrored copy of the split one: T' = T · S with S = [I | −e_f].
			const widened = new Float64Array(k * (columns + 1));
			for (let r = 0; r < k; r++) {
				for (let c = 0; c < columns; c++) widened[r * (columns + 1) + c] = rotation[r * columns + c];
				widened[r * (columns + 1) + columns] = -rotation[r * columns + step.split - 1];
			}
			rotation = widened;
		}
	}
	const kFinal = loadings.columns;
	let flags: boolean[][];
	const chosen = request.flags ?? splitFlags;
	if (chosen) {
		warnings.push(...checkManualFlags(loadings, chosen, m, sortIds, request.flagLevel));
		flags = chosen.map((row) => [...row]);
	} else {
		const flagged = autoFlag(loadings, m, sortIds, request.flagLevel);
		warnings.push(...flagged.warnings);
		flags = flagged.flags;
	}
	const scores = factorScores(data, loadings, flags);
	const { arrays, tied } = factorArrays(scores.zScores, scores.meanDefiningScore, data.distribution, m, kFinal);
	if (tied.some((t) => t === 1)) {
		warnings.push({ code: 'tied_z_scores', message: 'some statements have equal z-scores; their order in the factor array was decided by the tie-break rule' });
	}
	const characteristics = factorCharacteristics(scores.nDefining);
	const sed = standardErrorsOfDifferences(characteristics.seZScores);
	return {
		data,
		options: {
			factors: k,
			extraction: request.extraction,
			correlation: 'pearson',
			rotation: request.rotation,
			rotationSteps: engineSteps(request.rotationSteps),
			flagLevel: request.flagLevel,
			manualFlags: Boolean(request.flags)
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

function identity(rows: number, columns: number): Float64Array {
	const result = new Float64Array(rows * columns);
	for (let f = 0; f < Math.min(rows, columns); f++) result[f * columns + f] = 1;
	return result;
}

/** (rows × inner) · (inner × columns), row-major. */
function multiply(a: Float64Array, b: Float64Array, rows: number, inner: number, columns: number): Float64Array {
	const result = new Float64Array(rows * columns);
	for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) for (let t = 0; t < inner; t++) result[r * columns + c] += a[r * inner + t] * b[t * columns + c];
	return result;
}
