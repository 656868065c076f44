import type { AnalysisRequest, FlagLevel, RotationStepRequest } from './types.js';

/** The most factors the workspace and the API extract (PQMethod and KADE carry at most 8). */
export const MAX_FACTORS = 8;

/** A request that cannot be run; the API answers 422 with `code`. */
export class AnalysisRequestError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'AnalysisRequestError';
	}
}

const fail = (code: string, message: string): never => {
	throw new AnalysisRequestError(code, message);
};

/**
 * Checks an analysis request against the study's size and fills the defaults (flag level .05, no
 * steps, automatic flags). Checks that need the numbers (Heywood loadings, flags on a factor) are
 * the engine's. `nSorts`/`nStatements` are the included sorts and the Q-set size.
 * @throws AnalysisRequestError INVALID_EXTRACTION, INVALID_CENTROID_VARIANT, TOO_FEW_SORTS, INVALID_FACTOR_COUNT, TOO_MANY_FACTORS, INVALID_FLAG_LEVEL,
 *   INVALID_ROTATION_STEP, INVALID_FLAGS
 */
export function normalizeRequest(body: Record<string, unknown>, nSorts: number, nStatements: number): AnalysisRequest {
	const extraction =
		body.extraction === 'centroid'
			? 'centroid'
			: body.extraction === 'pca'
				? 'pca'
				: fail('INVALID_EXTRACTION', 'extraction must be "pca" or "centroid"');
	const centroidVariant =
		body.centroidVariant === undefined || body.centroidVariant === null || body.centroidVariant === 'qmethod'
			? 'qmethod'
			: body.centroidVariant === 'pqmethod'
				? 'pqmethod'
				: fail('INVALID_CENTROID_VARIANT', 'centroidVariant must be "qmethod" or "pqmethod"');
	const rotation =
		body.rotation === 'none'
			? 'none'
			: body.rotation === 'varimax'
				? 'varimax'
				: fail('INVALID_ROTATION', 'rotation must be "varimax" or "none"');
	if (nSorts < 2) fail('TOO_FEW_SORTS', `an analysis needs at least 2 included Q-sorts; this study has ${nSorts}`);
	const factors = body.factors;
	if (typeof factors !== 'number' || !Number.isInteger(factors) || factors < 1 || factors > MAX_FACTORS) {
		fail('INVALID_FACTOR_COUNT', `the number of factors must be a whole number from 1 to ${MAX_FACTORS}`);
	}
	const k = factors as number;
	if (k > nSorts)
		fail('TOO_MANY_FACTORS', `${k} factors need at least ${k} included Q-sorts; this study has ${nSorts}`);
	if (k > nStatements - 1)
		fail('TOO_MANY_FACTORS', `${k} factors need at least ${k + 1} statements; the Q-set has ${nStatements}`);
	const flagLevel = body.flagLevel === undefined || body.flagLevel === null ? 0.05 : body.flagLevel;
	if (flagLevel !== 0.05 && flagLevel !== 0.01) fail('INVALID_FLAG_LEVEL', 'flagLevel must be 0.05 or 0.01');

	const rawSteps = body.rotationSteps ?? [];
	if (!Array.isArray(rawSteps)) return fail('INVALID_ROTATION_STEP', 'rotationSteps must be a list');
	const rotationSteps: RotationStepRequest[] = [];
	let columns = k;
	let splitSeen = false;
	for (const [index, raw] of rawSteps.entries()) {
		const step = checkStep(raw, index, columns, splitSeen);
		if ('split' in step) {
			splitSeen = true;
			columns++;
		}
		rotationSteps.push(step);
	}

	let flags: boolean[][] | null = null;
	if (body.flags !== undefined && body.flags !== null) {
		const raw = body.flags;
		const wellFormed =
			Array.isArray(raw) &&
			raw.length === nSorts &&
			raw.every((row) => Array.isArray(row) && row.length === columns && row.every((v) => typeof v === 'boolean'));
		if (!wellFormed)
			fail('INVALID_FLAGS', `flags must be ${nSorts} rows (one per included Q-sort) of ${columns} true/false values`);
		flags = (raw as boolean[][]).map((row) => [...row]);
	}
	return {
		extraction,
		...(extraction === 'centroid' ? { centroidVariant } : {}),
		factors: k,
		rotation,
		flagLevel: flagLevel as FlagLevel,
		rotationSteps,
		flags
	};
}

function checkStep(raw: unknown, index: number, columns: number, splitSeen: boolean): RotationStepRequest {
	const where = `rotation step ${index + 1}`;
	const isFactor = (value: unknown): value is number =>
		typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= columns;
	if (typeof raw !== 'object' || raw === null) return fail('INVALID_ROTATION_STEP', `${where} must be an object`);
	const step = raw as Record<string, unknown>;
	if ('split' in step) {
		if (!isFactor(step.split))
			fail('INVALID_ROTATION_STEP', `${where}: split needs a factor number from 1 to ${columns}`);
		if (columns >= MAX_FACTORS + 4) fail('INVALID_ROTATION_STEP', `${where}: too many split factors`);
		return { split: step.split as number };
	}
	// After a split the two poles are fixed: turning or mirroring them would mix the poles again (KADE
	// disables rotation after a split for the same reason).
	if (splitSeen) fail('INVALID_ROTATION_STEP', `${where}: no rotation or inversion may follow a split`);
	if ('invert' in step) {
		if (!isFactor(step.invert))
			fail('INVALID_ROTATION_STEP', `${where}: invert needs a factor number from 1 to ${columns}`);
		return { invert: step.invert as number };
	}
	const { p, q, angle } = step;
	if (!isFactor(p) || !isFactor(q) || p === q) {
		fail('INVALID_ROTATION_STEP', `${where} needs two different factors p and q from 1 to ${columns}`);
	}
	if (typeof angle !== 'number' || !Number.isFinite(angle) || Math.abs(angle) > 360) {
		fail('INVALID_ROTATION_STEP', `${where} needs an angle in degrees between -360 and 360`);
	}
	return { p: p as number, q: q as number, angle: angle as number };
}

/** Number of factors after the steps (each split adds one). */
export function factorCountAfterSteps(request: Pick<AnalysisRequest, 'factors' | 'rotationSteps'>): number {
	return request.factors + request.rotationSteps.filter((step) => 'split' in step).length;
}
