import { QMethodInputError } from '../errors.js';
import type { LoadingMatrix, RotationStep } from '../types.js';
import { turn } from './varimax.js';

export interface JudgmentalResult {
	loadings: LoadingMatrix;
	/** Cumulative k × k rotation T = G₁ G₂ …, with result = start · T. */
	rotation: Float64Array;
}

/**
 * Judgmental (hand) rotation: applies steps (p, q, θ) in order to unrounded loadings (spec §4.2).
 * Each step is `A' = A · G(p, q, θ)`: `a'_p = a_p cos θ + a_q sin θ`, `a'_q = −a_p sin θ + a_q cos θ`
 * (sort points move clockwise in the p–q plot). Steps do not commute; the order is kept and the
 * cumulative matrix returned, so a session replays exactly from the list of steps. No sign
 * normalisation: the researcher sees what they turned. The input is not modified.
 * @throws QMethodInputError invalid_rotation (factor index out of range, p = q, non-finite angle)
 */
export function applyRotationSteps(start: LoadingMatrix, steps: readonly RotationStep[]): JudgmentalResult {
	const { rows, columns: k } = start;
	const data = Float64Array.from(start.data);
	const rotation = new Float64Array(k * k);
	for (let f = 0; f < k; f++) rotation[f * k + f] = 1;
	for (const [index, step] of steps.entries()) {
		const { p, q, degrees } = step;
		const valid = [p, q].every((f) => Number.isInteger(f) && f >= 0 && f < k) && p !== q && Number.isFinite(degrees);
		if (!valid) {
			throw new QMethodInputError('invalid_rotation', `rotation step ${index + 1} needs two different factors 1…${k} and a finite angle`);
		}
		const radians = (degrees * Math.PI) / 180;
		const cos = Math.cos(radians);
		const sin = Math.sin(radians);
		turn(data, rows, k, p, q, cos, sin);
		turn(rotation, k, k, p, q, cos, sin);
	}
	return { loadings: { rows, columns: k, data }, rotation };
}

/** Mirrors factor f (multiplies its loadings by −1) in a copy (spec §4.3). */
export function invertFactor(loadings: LoadingMatrix, factor: number): LoadingMatrix {
	checkFactor(loadings, factor);
	const data = Float64Array.from(loadings.data);
	for (let i = 0; i < loadings.rows; i++) data[i * loadings.columns + factor] *= -1;
	return { ...loadings, data };
}

/**
 * Splits a bipolar factor f (spec §4.4): f keeps its loadings and only its positive flags;
 * a new last factor holds −loadings of f and flags the sorts that were flagged with negative
 * loadings on f. Returns copies of loadings and flags.
 */
export function splitBipolarFactor(
	loadings: LoadingMatrix,
	flags: ReadonlyArray<ReadonlyArray<boolean>>,
	factor: number
): { loadings: LoadingMatrix; flags: boolean[][] } {
	checkFactor(loadings, factor);
	const { rows, columns: k } = loadings;
	const data = new Float64Array(rows * (k + 1));
	const newFlags: boolean[][] = [];
	for (let i = 0; i < rows; i++) {
		for (let f = 0; f < k; f++) data[i * (k + 1) + f] = loadings.data[i * k + f];
		const loading = loadings.data[i * k + factor];
		data[i * (k + 1) + k] = -loading;
		const row = flags[i].slice(0, k);
		const flaggedHere = flags[i][factor];
		row[factor] = flaggedHere && loading > 0;
		row.push(flaggedHere && loading < 0);
		newFlags.push(row);
	}
	return { loadings: { rows, columns: k + 1, data }, flags: newFlags };
}

function checkFactor(loadings: LoadingMatrix, factor: number): void {
	if (!Number.isInteger(factor) || factor < 0 || factor >= loadings.columns) {
		throw new QMethodInputError('invalid_rotation', `factor ${factor + 1} does not exist (1…${loadings.columns})`);
	}
}
