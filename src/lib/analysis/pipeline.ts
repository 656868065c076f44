import { analyze, toAnalysisJson, type FullAnalysis, type JudgmentalStep, type QSortData } from '../qmethod/index.js';
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

/** API steps (1-based factors, turns by `angle`) to engine steps (0-based, turns by `degrees`). */
export function engineSteps(steps: readonly RotationStepRequest[]): JudgmentalStep[] {
	return steps.map((step): JudgmentalStep => {
		if ('invert' in step) return { invert: step.invert - 1 };
		if ('split' in step) return { split: step.split - 1 };
		return { p: step.p - 1, q: step.q - 1, degrees: step.angle };
	});
}

/**
 * Runs a request through the engine's `analyze`, so the result equals the CLI's for the same
 * options (the engine replays turns, inversions and bipolar splits itself).
 * @throws QMethodInputError for data or options the engine refuses
 */
export function runRequest(input: QSortData, request: AnalysisRequest): FullAnalysis {
	return analyze(input, {
		factors: request.factors,
		extraction: request.extraction,
		centroidVariant: request.centroidVariant ?? 'qmethod',
		rotation: request.rotation,
		flagLevel: request.flagLevel,
		rotationSteps: engineSteps(request.rotationSteps),
		flags: request.flags ?? undefined
	});
}

/** The CLI's JSON for a request. */
export function resultOf(input: QSortData, request: AnalysisRequest): AnalysisResult {
	return toAnalysisJson(runRequest(input, request));
}
