// Expected values: spec §12.3 (Lipset varimax, pairwise Kaiser, fully converged, no
// re-ordering; tolerance 1e-4). Invariants: communalities preserved, rotation orthogonal.
import { describe, expect, it } from 'vitest';
import {
	applyRotationSteps,
	communalities,
	extractPrincipalComponents,
	invertFactor,
	loadingMatrix,
	QMethodInputError,
	splitBipolarFactor,
	unitScaledSorts,
	validateSorts,
	varimax,
	type LoadingMatrix
} from '../../src/lib/qmethod/index.js';
import { lipsetDat } from './lipset.js';

const unrotated = (k = 3) => extractPrincipalComponents(unitScaledSorts(validateSorts(lipsetDat())), 9, 33, k).loadings;

function times(a: LoadingMatrix, t: Float64Array): Float64Array {
	const k = a.columns;
	const out = new Float64Array(a.rows * k);
	for (let i = 0; i < a.rows; i++)
		for (let c = 0; c < k; c++) for (let t2 = 0; t2 < k; t2++) out[i * k + c] += a.data[i * k + t2] * t[t2 * k + c];
	return out;
}

describe('varimax', () => {
	it('reproduces the Lipset rotated loadings of spec §12.3 in extraction order', () => {
		const result = varimax(unrotated());
		const expected = [
			[0.7658, 0.1908, -0.1683],
			[0.8258, -0.0656, 0.1067],
			[-0.0164, 0.8107, -0.093],
			[0.2299, 0.7756, 0.2711],
			[0.1543, -0.8335, 0.0256],
			[-0.1845, 0.1461, 0.8849],
			[-0.3486, 0.1414, 0.739],
			[0.6625, -0.0891, -0.1705],
			[-0.1828, 0.2038, -0.4481]
		];
		expected.forEach((row, i) =>
			row.forEach((v, f) => expect(Math.abs(result.loadings.data[i * 3 + f] - v)).toBeLessThan(1e-4))
		);
		expect(result.converged).toBe(true);
	});

	it('preserves communalities, returns an orthogonal rotation with rotated = unrotated · T', () => {
		const start = unrotated(5);
		const input = Float64Array.from(start.data);
		const result = varimax(start);
		expect(start.data).toEqual(input);
		const before = communalities(start);
		const after = communalities(result.loadings);
		before.forEach((h, i) => expect(Math.abs(after[i] - h)).toBeLessThan(1e-12));
		const k = 5;
		for (let p = 0; p < k; p++) {
			for (let q = 0; q < k; q++) {
				let dot = 0;
				for (let r = 0; r < k; r++) dot += result.rotation[r * k + p] * result.rotation[r * k + q];
				expect(Math.abs(dot - (p === q ? 1 : 0))).toBeLessThan(1e-12);
			}
		}
		times(start, result.rotation).forEach((v, index) =>
			expect(Math.abs(v - result.loadings.data[index])).toBeLessThan(1e-12)
		);
	});

	it('does not lower the varimax criterion when more sweeps are allowed', () => {
		const short = varimax(unrotated(5), { maxSweeps: 1 });
		const full = varimax(unrotated(5));
		expect(full.criterion).toBeGreaterThanOrEqual(short.criterion - 1e-15);
	});
});

describe('applyRotationSteps', () => {
	it('turns a pair clockwise: a′p = ap cos θ + aq sin θ, a′q = −ap sin θ + aq cos θ', () => {
		const start = loadingMatrix([
			[1, 0],
			[0, 1]
		]);
		const { loadings } = applyRotationSteps(start, [{ p: 0, q: 1, degrees: 90 }]);
		expect(Array.from(loadings.data).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, -1, 1, 0]);
	});

	it('composes steps from unrounded loadings: 36 steps of 10° equal a full turn', () => {
		const start = unrotated();
		const steps = Array.from({ length: 36 }, () => ({ p: 0, q: 2, degrees: 10 }));
		const { loadings, rotation } = applyRotationSteps(start, steps);
		loadings.data.forEach((v, index) => expect(Math.abs(v - start.data[index])).toBeLessThan(1e-12));
		times(start, rotation).forEach((v, index) => expect(Math.abs(v - loadings.data[index])).toBeLessThan(1e-12));
	});

	it('keeps the order of steps on different pairs (they do not commute)', () => {
		const start = unrotated();
		const a = applyRotationSteps(start, [
			{ p: 0, q: 1, degrees: 30 },
			{ p: 1, q: 2, degrees: 20 }
		]);
		const b = applyRotationSteps(start, [
			{ p: 1, q: 2, degrees: 20 },
			{ p: 0, q: 1, degrees: 30 }
		]);
		expect(Math.max(...a.loadings.data.map((v, i) => Math.abs(v - b.loadings.data[i])))).toBeGreaterThan(1e-3);
	});

	it.each([[{ p: 0, q: 0, degrees: 5 }], [{ p: 0, q: 3, degrees: 5 }], [{ p: 0, q: 1, degrees: Infinity }]])(
		'rejects %o with invalid_rotation',
		(step) => {
			expect(() => applyRotationSteps(unrotated(), [step])).toThrow(QMethodInputError);
		}
	);
});

describe('invertFactor and splitBipolarFactor', () => {
	it('inverts one factor in a copy', () => {
		const start = unrotated();
		const inverted = invertFactor(start, 1);
		for (let i = 0; i < 9; i++) {
			expect(inverted.data[i * 3 + 1]).toBe(-start.data[i * 3 + 1]);
			expect(inverted.data[i * 3]).toBe(start.data[i * 3]);
		}
		expect(() => invertFactor(start, 3)).toThrow(QMethodInputError);
	});

	it('splits a bipolar factor into its positive pole and the mirrored negative pole', () => {
		const loadings = loadingMatrix([
			[0.7, 0.1],
			[-0.6, 0.2],
			[0.1, 0.8]
		]);
		const flags = [
			[true, false],
			[true, false],
			[false, true]
		];
		const split = splitBipolarFactor(loadings, flags, 0);
		expect(split.loadings.columns).toBe(3);
		expect(Array.from(split.loadings.data.subarray(3, 6)).map((v) => Math.round(v * 10) / 10)).toEqual([
			-0.6, 0.2, 0.6
		]);
		expect(split.flags).toEqual([
			[true, false, false],
			[false, false, true],
			[false, true, false]
		]);
		expect(flags[1][0]).toBe(true);
	});
});
