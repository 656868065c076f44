// Expected values: spec §12.4 (flags), §12.5 (z-scores, printed to 3 decimals → tolerance
// 6e-4; arrays exact), §12.6 (characteristics, distinguishing/consensus exact), all for Lipset
// PCA + varimax, 3 factors, in extraction order (our F1, F2, F3 = spec F1, F2, F3).
import { describe, expect, it } from 'vitest';
import {
	analyze,
	autoFlag,
	checkManualFlags,
	factorArrays,
	loadingMatrix,
	QMethodInputError,
	validateSorts
} from '../../src/lib/qmethod/index.js';
import { generatedStudy, grid } from './generated.js';
import { lipsetDat } from './lipset.js';

const Z = [
	[-0.679, 1.66, 0.471],
	[0.236, -0.004, -1.065],
	[-0.628, -1.449, -0.271],
	[-1.13, 0.791, 1.108],
	[-0.323, -0.544, 1.206],
	[1.432, 0.24, 1.634],
	[0.259, -2.025, -0.908],
	[-0.044, -1.271, -0.5],
	[-1.153, 1.026, -0.586],
	[-0.302, -2.176, -0.815],
	[0.82, -1.12, 0.475],
	[-0.192, 0.548, -0.382],
	[1.523, 1.21, 0.428],
	[0.177, -0.568, 0.084],
	[0.545, -0.451, -1.854],
	[-1.516, -1.571, 1.655],
	[-0.554, 0.215, -0.026],
	[-0.954, 0.54, 0.318],
	[-1.056, 1.206, 0.246],
	[-0.621, -0.301, -0.115],
	[1.566, 0.995, -1.09],
	[0.087, -0.637, -1.014],
	[1.166, -0.06, -0.606],
	[0.538, 0.697, -1.807],
	[0.349, 0.267, 1.039],
	[0.377, 1.331, 0.408],
	[0.786, -0.6, 0.047],
	[1.499, 0.118, 2.087],
	[0.111, -0.211, -0.746],
	[-1.825, 0.54, 0.861],
	[-1.123, -0.243, 0.064],
	[-1.382, 1.453, 1.133],
	[2.01, 0.394, -1.477]
];
const ARRAYS = [
	[-2, 4, 1],
	[1, 0, -3],
	[-1, -3, -1],
	[-3, 2, 2],
	[-1, -1, 3],
	[3, 0, 3],
	[1, -4, -2],
	[0, -3, -1],
	[-3, 2, -1],
	[-1, -4, -2],
	[2, -2, 2],
	[0, 1, -1],
	[3, 3, 1],
	[0, -2, 0],
	[2, -1, -4],
	[-4, -3, 4],
	[-1, 0, 0],
	[-2, 1, 1],
	[-2, 3, 1],
	[-1, -1, 0],
	[4, 2, -3],
	[0, -2, -2],
	[2, 0, -1],
	[1, 2, -4],
	[1, 1, 2],
	[1, 3, 1],
	[2, -2, 0],
	[3, 0, 4],
	[0, -1, -2],
	[-4, 1, 2],
	[-2, -1, 0],
	[-3, 4, 3],
	[4, 1, -3]
];

describe('Lipset PCA + varimax, 3 factors (spec §12.4–12.6)', () => {
	const result = analyze(lipsetDat(), { factors: 3 });
	const k = 3;

	it('flags US1 US2 US8 / US3 US4 JP5 / CA6 UK7 FR9 and warns about the negative loaders', () => {
		const defining = [0, 1, 2].map((f) => result.data.sortIds.filter((_, i) => result.flags[i][f]));
		expect(defining).toEqual([
			['US1', 'US2', 'US8'],
			['US3', 'US4', 'JP5'],
			['CA6', 'UK7', 'FR9']
		]);
		const negative = result.warnings.find((w) => w.code === 'negative_loading_flagged');
		expect(negative?.message).toContain('JP5 (factor 2)');
		expect(negative?.message).toContain('FR9 (factor 3)');
	});

	it('gives the z-scores (6e-4) and factor arrays (exact) of spec §12.5', () => {
		Z.forEach((row, s) =>
			row.forEach((z, f) => expect(Math.abs(result.zScores[s * k + f] - z), `statement ${s + 1}`).toBeLessThan(6e-4))
		);
		ARRAYS.forEach((row, s) => row.forEach((v, f) => expect(result.arrays[s * k + f], `statement ${s + 1}`).toBe(v)));
	});

	it('has z-scores with mean 0 and SD 1 and arrays that reproduce the distribution', () => {
		for (let f = 0; f < k; f++) {
			const column = Array.from({ length: 33 }, (_, s) => result.zScores[s * k + f]);
			const mean = column.reduce((a, b) => a + b, 0) / 33;
			const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / 32);
			expect(Math.abs(mean)).toBeLessThan(1e-12);
			expect(Math.abs(sd - 1)).toBeLessThan(1e-12);
			const array = Array.from({ length: 33 }, (_, s) => result.arrays[s * k + f]).sort((a, b) => a - b);
			expect(array).toEqual(Array.from(result.data.distribution));
		}
	});

	it('gives the characteristics, factor correlations and SED of spec §12.5–12.6', () => {
		expect(result.characteristics.compositeReliability.map((v) => v.toFixed(4))).toEqual([
			'0.9231',
			'0.9231',
			'0.9231'
		]);
		expect(result.characteristics.seZScores.map((v) => v.toFixed(4))).toEqual(['0.2774', '0.2774', '0.2774']);
		expect(result.sed[1].toFixed(4)).toBe('0.3922');
		expect(
			[result.factorCorrelations[1], result.factorCorrelations[2], result.factorCorrelations[5]].map((v) =>
				v.toFixed(3)
			)
		).toEqual(['-0.009', '-0.247', '0.155']);
	});

	it('classifies distinguishing (both tiers) and consensus statements as spec §12.6', () => {
		const oneBased = (lists: number[][]) => lists.map((list) => list.map((s) => s + 1));
		const c = result.classification;
		expect(oneBased(c.distinguishing01)).toEqual([
			[1, 4, 7, 18, 19, 23, 30, 32, 33],
			[1, 6, 7, 9, 10, 11, 28, 33],
			[1, 2, 5, 7, 15, 16, 21, 24, 33]
		]);
		expect(oneBased(c.distinguishing05)).toEqual([
			[1, 4, 7, 15, 18, 19, 23, 30, 31, 32, 33],
			[1, 3, 6, 7, 8, 9, 10, 11, 15, 19, 26, 28, 33],
			[1, 2, 5, 7, 13, 15, 16, 19, 21, 24, 33]
		]);
		expect(c.consensus05.map((s) => s + 1)).toEqual([14, 20]);
		expect(c.consensus01.map((s) => s + 1)).toEqual([12, 14, 17, 20, 25, 26, 29]);
	});

	it('keeps the borderline statement 17 (F1 vs F2, margin 0.0004) non-distinguishing only for F3', () => {
		const difference = Math.abs(result.zScores[16 * k] - result.zScores[16 * k + 1]);
		expect(difference).toBeGreaterThan(1.96 * result.sed[1]);
		expect(difference - 1.96 * result.sed[1]).toBeLessThan(0.001);
	});

	it('gives crib sheets and descending differences', () => {
		expect(result.cribSheets[0].top.map((s) => s + 1)).toEqual([21, 33]);
		expect(result.cribSheets[0].bottom.map((s) => s + 1)).toEqual([16, 30]);
		expect(result.cribSheets[1].rankedHigher.map((s) => s + 1)).toContain(1);
		const pair = result.descendingDifferences[0];
		expect([pair.f, pair.g]).toEqual([0, 1]);
		for (let t = 1; t < 33; t++)
			expect(pair.differences[t - 1].difference).toBeGreaterThanOrEqual(pair.differences[t].difference);
	});
});

describe('flagging', () => {
	it('requires |a| > 1.96/√m and a² > h² − a² (strict), at p < .01 with 2.58/√m', () => {
		const loadings = loadingMatrix([
			[0.35, 0.1],
			[0.34, 0.0],
			[0.5, 0.5],
			[0.45, 0.2]
		]);
		const ids = ['a', 'b', 'c', 'd'];
		expect(autoFlag(loadings, 33, ids, 0.05).flags).toEqual([
			[true, false],
			[false, false],
			[false, false],
			[true, false]
		]);
		expect(autoFlag(loadings, 33, ids, 0.01).flags).toEqual([
			[false, false],
			[false, false],
			[false, false],
			[true, false]
		]);
		expect(autoFlag(loadings, 33, ids).warnings.map((w) => w.code)).toContain('confounded_sorts');
	});

	it('accepts manual flags, warns about double flags and empty factors, refuses Heywood flags', () => {
		const loadings = loadingMatrix([
			[0.6, 0.5],
			[0.2, 0.1],
			[1.02, 0.1]
		]);
		const ids = ['a', 'b', 'c'];
		const codes = checkManualFlags(
			loadings,
			[
				[true, true],
				[false, false],
				[false, false]
			],
			33,
			ids
		).map((w) => w.code);
		expect(codes).toEqual(
			expect.arrayContaining(['sort_flagged_twice', 'factor_with_one_defining_sort', 'heywood_loading'])
		);
		expect(() =>
			checkManualFlags(
				loadings,
				[
					[true, false],
					[false, false],
					[true, false]
				],
				33,
				ids
			)
		).toThrow(QMethodInputError);
		expect(() => checkManualFlags(loadings, [[true, false]], 33, ids)).toThrow(QMethodInputError);
	});

	it('manual flags override the automatic ones in analyze; a factor without sorts gets no scores', () => {
		const flags = Array.from({ length: 9 }, (_, i) => [i === 0 || i === 1, i === 2, false]);
		const result = analyze(lipsetDat(), { factors: 3, flags });
		expect(result.flags).toEqual(flags);
		expect(result.characteristics.nDefining).toEqual([2, 1, 0]);
		expect(Number.isNaN(result.zScores[2])).toBe(true);
		expect(result.warnings.map((w) => w.code)).toEqual(
			expect.arrayContaining(['factor_without_defining_sorts', 'factor_with_one_defining_sort'])
		);
		// A factor defined by one sort reproduces that sort (US3).
		const us3 = lipsetDat().sorts[2];
		for (let s = 0; s < 33; s++) expect(result.arrays[s * 3 + 1]).toBe(us3[s]);
	});
});

describe('factorArrays tie-break', () => {
	it('breaks exact ties by mean defining score, then higher statement number lower, and marks them', () => {
		const z = Float64Array.from([0, 0, 0, 1, -1]);
		const mean = Float64Array.from([0, 0, 1, 0, 0]);
		const { arrays, tied } = factorArrays(z, mean, Float64Array.from([-1, 0, 0, 1, 2]), 5, 1);
		// Order ascending: s5 (z −1), then tie {s1, s2, s3}: s3 has the higher mean → highest; s2 before s1.
		expect(Array.from(arrays)).toEqual([0, 0, 1, 2, -1]);
		expect(Array.from(tied)).toEqual([2, 2, 2, 0, 0]);
	});

	it('is deterministic and respects the distribution on generated data with one-sort factors', () => {
		const study = generatedStudy({ sorts: 12, distribution: grid(-3, [2, 3, 4, 5, 4, 3, 2]), viewpoints: 4, seed: 3 });
		const a = analyze(study, { factors: 4 });
		const b = analyze(study, { factors: 4 });
		expect(Array.from(a.arrays)).toEqual(Array.from(b.arrays));
		const distribution = Array.from(validateSorts(study).distribution);
		for (let f = 0; f < 4; f++) {
			if (a.characteristics.nDefining[f] === 0) continue;
			expect(Array.from({ length: distribution.length }, (_, s) => a.arrays[s * 4 + f]).sort((x, y) => x - y)).toEqual(
				distribution
			);
		}
	});
});

describe('analyze', () => {
	it('does not modify its input and applies judgmental steps after varimax', () => {
		const input = lipsetDat();
		const copy = structuredClone(input);
		const turned = analyze(input, { factors: 3, rotationSteps: [{ p: 0, q: 1, degrees: 5 }] });
		const plain = analyze(input, { factors: 3 });
		expect(input).toEqual(copy);
		const cos = Math.cos((5 * Math.PI) / 180);
		const sin = Math.sin((5 * Math.PI) / 180);
		expect(turned.loadings.data[0]).toBeCloseTo(plain.loadings.data[0] * cos + plain.loadings.data[1] * sin, 12);
	});

	it('runs unrotated and with Spearman correlations', () => {
		const none = analyze(lipsetDat(), { factors: 2, rotation: 'none' });
		expect(Array.from(none.loadings.data)).toEqual(Array.from(none.unrotated.data));
		const spearman = analyze(lipsetDat(), { factors: 2, correlation: 'spearman' });
		expect(spearman.eigenvalues[0]).not.toBeCloseTo(none.eigenvalues[0], 6);
	});
});
