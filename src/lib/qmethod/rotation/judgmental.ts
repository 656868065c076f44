import { QMethodInputError } from '../errors.js';
import { identityMatrix, multiplyMatrices } from '../internal/matrix.js';
import type { JudgmentalStep, LoadingMatrix, RotationStep } from '../types.js';
import { turn } from './varimax.js';

export interface JudgmentalResult {
	loadings: LoadingMatrix;
	/** Cumulative k × k rotation T = G₁ G₂ …, with result = start · T. */
	rotation: Float64Array;
}

/**
 * Judgmental (hand) rotation: applies steps (p, q, θ) in order to unrounded loadings (docs/methods.md §4.2).
 * Each step is `A' = A · G(p, q, θ)`: `a'_p = a_p cos θ + a_q sin θ`, `a'_q = −a_p sin θ + a_q cos θ`
 * (sort points move clockwise in the p–q plot). Steps do not commute; the order is kept and the
 * cumulative matrix returned, so a session replays exactly from the list of steps. No sign
 * normalisation: the researcher sees what they turned. The input is not modified.
 * @throws QMethodInputError invalid_rotation (factor index out of range, p = q, non-finite angle)
 */
export function applyRotationSteps(start: LoadingMatrix, steps: readonly RotationStep[]): JudgmentalResult {
	return turnRun(start, steps, 0);
}

export interface JudgmentalStepsResult {
	loadings: LoadingMatrix;
	/** k × k′ transform (k′ = k + number of splits), with result = start · transform. */
	rotation: Float64Array;
	/** Flags after the last split, or null without a split. */
	splitFlags: boolean[][] | null;
}

/**
 * Replays turns, inversions and bipolar splits in order (docs/methods.md §4.2–4.4). Consecutive turns are
 * applied as by `applyRotationSteps`; an inversion mirrors one column; a split appends the mirrored
 * column as a new last factor (T′ = T · [I | −e_f]) and divides the flags between the two poles.
 * The first split divides `flagsAtFirstSplit(loadings at that moment)` (the automatic flags, as
 * KADE does); later splits divide the flags left by the one before. Nothing may turn or invert after
 * a split. The input is not modified.
 * @throws QMethodInputError invalid_rotation (unknown step, factor out of range, p = q, non-finite
 *   angle, turn or inversion after a split)
 */
export function applyJudgmentalSteps(
	start: LoadingMatrix,
	steps: readonly JudgmentalStep[],
	flagsAtFirstSplit: (loadings: LoadingMatrix) => boolean[][]
): JudgmentalStepsResult {
	const k = start.columns;
	let loadings = start;
	let rotation = identityMatrix(k);
	let splitFlags: boolean[][] | null = null;
	let index = 0;
	while (index < steps.length) {
		const step = steps[index];
		const columns = loadings.columns;
		const fail = (text: string) => new QMethodInputError('invalid_rotation', `rotation step ${index + 1}: ${text}`);
		const isFactor = (f: number) => Number.isInteger(f) && f >= 0 && f < columns;
		if (typeof step !== 'object' || step === null) throw fail('must be an object');
		if (splitFlags && ('degrees' in step || 'invert' in step)) throw fail('no turn or inversion may follow a split');
		if ('degrees' in step) {
			let end = index;
			while (end < steps.length && 'degrees' in steps[end]) end++;
			const turned = turnRun(loadings, steps.slice(index, end) as RotationStep[], index);
			loadings = turned.loadings;
			rotation = multiplyMatrices(rotation, turned.rotation, k, columns, columns);
			index = end;
			continue;
		}
		if ('invert' in step) {
			if (!isFactor(step.invert)) throw fail(`invert needs a factor 1…${columns}`);
			loadings = invertFactor(loadings, step.invert);
			for (let r = 0; r < k; r++) rotation[r * columns + step.invert] *= -1;
		} else if ('split' in step) {
			if (!isFactor(step.split)) throw fail(`split needs a factor 1…${columns}`);
			const split = splitBipolarFactor(loadings, splitFlags ?? flagsAtFirstSplit(loadings), step.split);
			loadings = split.loadings;
			splitFlags = split.flags;
			const widened = new Float64Array(k * (columns + 1));
			for (let r = 0; r < k; r++) {
				for (let c = 0; c < columns; c++) widened[r * (columns + 1) + c] = rotation[r * columns + c];
				widened[r * (columns + 1) + columns] = -rotation[r * columns + step.split];
			}
			rotation = widened;
		} else {
			throw fail('must be a turn {p, q, degrees}, an inversion {invert} or a split {split}');
		}
		index++;
	}
	return { loadings, rotation, splitFlags };
}

/** Turns a copy of `start` by consecutive steps; `offset` numbers the steps in error messages. */
function turnRun(start: LoadingMatrix, steps: readonly RotationStep[], offset: number): JudgmentalResult {
	const { rows, columns: k } = start;
	const data = Float64Array.from(start.data);
	const rotation = identityMatrix(k);
	for (const [index, step] of steps.entries()) {
		const { p, q, degrees } = step;
		const valid = [p, q].every((f) => Number.isInteger(f) && f >= 0 && f < k) && p !== q && Number.isFinite(degrees);
		if (!valid) {
			throw new QMethodInputError(
				'invalid_rotation',
				`rotation step ${offset + index + 1} needs two different factors 1…${k} and a finite angle`
			);
		}
		const radians = (degrees * Math.PI) / 180;
		const cos = Math.cos(radians);
		const sin = Math.sin(radians);
		turn(data, rows, k, p, q, cos, sin);
		turn(rotation, k, k, p, q, cos, sin);
	}
	return { loadings: { rows, columns: k, data }, rotation };
}

/** Mirrors factor f (multiplies its loadings by −1) in a copy (docs/methods.md §4.3). */
export function invertFactor(loadings: LoadingMatrix, factor: number): LoadingMatrix {
	checkFactor(loadings, factor);
	const data = Float64Array.from(loadings.data);
	for (let i = 0; i < loadings.rows; i++) data[i * loadings.columns + factor] *= -1;
	return { ...loadings, data };
}

/**
 * Splits a bipolar factor f (docs/methods.md §4.4): f keeps its loadings and only its positive flags;
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
