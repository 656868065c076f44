// Judgmental steps inside analyze (spec §4.2–4.4): inversions and bipolar splits replayed with turns.
// Expected values are derived from the engine's own building blocks on Lipset (tests/fixtures/lipset,
// PCA, varimax, 3 factors): the analysis without the step, invertFactor and splitBipolarFactor. Exact
// equality where the same floating-point operations run; 1e-12 where a product of matrices is formed.
// Spec §12.4: JP5 is a negative loader on (our) factor 2.
import { describe, expect, it } from 'vitest';
import {
	analyze,
	autoFlag,
	QMethodInputError,
	runAnalysis,
	splitBipolarFactor,
	type FullAnalysis,
	type JudgmentalStep
} from '../../src/lib/qmethod/index.js';
import { lipsetDat } from './lipset.js';

const input = lipsetDat();
const run = (rotationSteps: JudgmentalStep[], flags?: boolean[][]) =>
	analyze(input, { factors: 3, rotationSteps, flags });
const column = (values: Float64Array, k: number, f: number) =>
	Array.from({ length: values.length / k }, (_, r) => values[r * k + f]);

/** max |unrotated · rotation − loadings|: the cumulative transform must reproduce the loadings. */
function transformError(full: FullAnalysis): number {
	const { rows, columns } = full.loadings;
	const k = full.unrotated.columns;
	let worst = 0;
	for (let i = 0; i < rows; i++) {
		for (let c = 0; c < columns; c++) {
			let sum = 0;
			for (let t = 0; t < k; t++) sum += full.unrotated.data[i * k + t] * full.rotation[t * columns + c];
			worst = Math.max(worst, Math.abs(sum - full.loadings.data[i * columns + c]));
		}
	}
	return worst;
}

describe('analyze with inversions', () => {
	it('mirrors one factor: its loadings and z-scores change sign, the other factors stay exactly the same', () => {
		const plain = run([]);
		const inverted = run([{ invert: 2 }]);
		expect(column(inverted.loadings.data, 3, 2)).toEqual(column(plain.loadings.data, 3, 2).map((v) => -v));
		expect(column(inverted.loadings.data, 3, 0)).toEqual(column(plain.loadings.data, 3, 0));
		expect(inverted.flags).toEqual(plain.flags);
		column(inverted.zScores, 3, 2).forEach((z, s) => expect(z).toBeCloseTo(-plain.zScores[s * 3 + 2], 12));
		expect(column(inverted.zScores, 3, 1)).toEqual(column(plain.zScores, 3, 1));
	});

	it('interleaves inversions with turns in order and keeps loadings = unrotated · rotation', () => {
		const steps: JudgmentalStep[] = [
			{ invert: 1 },
			{ p: 0, q: 1, degrees: 10 },
			{ p: 0, q: 2, degrees: 4 },
			{ invert: 0 }
		];
		const full = run(steps);
		expect(full.options.rotationSteps).toEqual(steps);
		expect(transformError(full)).toBeLessThan(1e-12);
		// Inverting a factor after a turn is not the same as before it.
		const swapped = run([{ p: 0, q: 1, degrees: 10 }, { invert: 1 }, { p: 0, q: 2, degrees: 4 }, { invert: 0 }]);
		expect(Math.max(...full.loadings.data.map((v, i) => Math.abs(v - swapped.loadings.data[i])))).toBeGreaterThan(1e-3);
	});
});

describe('analyze with bipolar splits', () => {
	it('adds a factor holding the mirrored negative pole, flagged from the automatic flags at the split', () => {
		const plain = run([]);
		const full = run([{ split: 1 }]);
		const expected = splitBipolarFactor(plain.loadings, plain.flags, 1);
		expect(full.loadings.columns).toBe(4);
		expect(Array.from(full.loadings.data)).toEqual(Array.from(expected.loadings.data));
		expect(full.flags).toEqual(expected.flags);
		const jp5 = input.sortIds.indexOf('JP5');
		expect(full.flags[jp5]).toEqual([false, false, false, true]);
		expect(full.rotation).toHaveLength(3 * 4);
		expect(transformError(full)).toBeLessThan(1e-12);
		expect(full.options.factors).toBe(3);
		expect(full.options.manualFlags).toBe(false);
		// Every table follows the four factors.
		expect(full.zScores).toHaveLength(33 * 4);
		expect(full.factorCorrelations).toHaveLength(16);
		expect(full.cribSheets).toHaveLength(4);
	});

	it('divides the flags of an earlier split again on a second split', () => {
		const plain = run([]);
		const first = splitBipolarFactor(plain.loadings, plain.flags, 1);
		const second = splitBipolarFactor(first.loadings, first.flags, 0);
		const full = run([{ split: 1 }, { split: 0 }]);
		expect(full.loadings.columns).toBe(5);
		expect(full.flags).toEqual(second.flags);
	});

	it('takes the flags at the moment of the split, after the turns before it', () => {
		const turned = run([{ p: 0, q: 1, degrees: 25 }]);
		const full = run([{ p: 0, q: 1, degrees: 25 }, { split: 1 }]);
		expect(full.flags).toEqual(
			splitBipolarFactor(turned.loadings, autoFlag(turned.loadings, 33, input.sortIds).flags, 1).flags
		);
	});

	it('uses manual flags instead of the split flags; they must cover the factors after the split', () => {
		const manual = input.sortIds.map((_, i) => [i < 3, i >= 3 && i < 6, false, i === 8]);
		const full = run([{ split: 1 }], manual);
		expect(full.flags).toEqual(manual);
		expect(full.options.manualFlags).toBe(true);
		const tooNarrow = manual.map((row) => row.slice(0, 3));
		expect(() => run([{ split: 1 }], tooNarrow)).toThrow(expect.objectContaining({ code: 'invalid_flags' }));
	});

	it('gives runAnalysis the same steps: the public JSON has the added factor', () => {
		const json = runAnalysis(input, { factors: 3, rotationSteps: [{ invert: 0 }, { split: 1 }] });
		expect(json.nFactors).toBe(4);
		expect(json.loadings[0]).toHaveLength(4);
		expect(json.factorArrays[0]).toHaveLength(4);
		expect(json.factorCharacteristics.nDefining).toHaveLength(4);
	});
});

describe('judgmental step rules', () => {
	it.each<[string, JudgmentalStep[]]>([
		['a turn after a split', [{ split: 0 }, { p: 0, q: 1, degrees: 5 }]],
		['an inversion after a split', [{ split: 0 }, { invert: 1 }]],
		['an inversion of a missing factor', [{ invert: 3 }]],
		['a split of a missing factor', [{ split: -1 }]],
		['a split with a fractional factor', [{ split: 0.5 }]],
		['a turn on a factor made by a split', [{ split: 0 }, { p: 0, q: 3, degrees: 5 }]],
		['a turn with a bad angle in the middle', [{ invert: 0 }, { p: 0, q: 1, degrees: NaN }]],
		['a step of unknown shape', [{ angle: 5 } as unknown as JudgmentalStep]]
	])('refuses %s with invalid_rotation and the step number', (_label, steps) => {
		expect(() => run(steps)).toThrow(QMethodInputError);
		expect(() => run(steps)).toThrow(
			expect.objectContaining({ code: 'invalid_rotation', message: expect.stringMatching(/rotation step [12]/) })
		);
	});

	it('allows splitting a factor made by an earlier split', () => {
		expect(run([{ split: 0 }, { split: 3 }]).loadings.columns).toBe(5);
	});

	it('leaves the steps and flags it was given untouched', () => {
		const steps: JudgmentalStep[] = [{ invert: 2 }, { split: 1 }];
		const manual = input.sortIds.map((_, i) => [i < 3, false, false, i === 8]);
		const copy = JSON.parse(JSON.stringify({ steps, manual }));
		run(steps, manual);
		expect({ steps, manual }).toEqual(copy);
	});
});
