// Expected values: spec §12.8 (Lipset retention aids, recomputed there). Parallel analysis is
// seed-dependent: the spec's 5000-run percentiles (2.204, 1.756, 1.465, 1.240) and means
// (1.903, 1.559, 1.311, 1.109) are compared within 0.05 at 2000 runs.
import { describe, expect, it } from 'vitest';
import {
	analyze,
	bootstrap,
	extractPrincipalComponents,
	humphreysRule,
	kaiserGuttman,
	parallelAnalysis,
	QMethodInputError,
	screeData,
	significantLoaders,
	unitScaledSorts,
	validateSorts
} from '../../src/lib/qmethod/index.js';
import { generatedStudy, grid } from './generated.js';
import { lipsetDat } from './lipset.js';

const lipset = () => validateSorts(lipsetDat());

describe('retention aids on Lipset (spec §12.8)', () => {
	const pca = extractPrincipalComponents(unitScaledSorts(lipset()), 9, 33, 4);

	it('Kaiser–Guttman retains 4', () => {
		expect(kaiserGuttman(pca.allEigenvalues)).toBe(4);
	});

	it('Humphrey passes PC1, PC2 and PC4 but not PC3', () => {
		const result = humphreysRule(pca.loadings, 33);
		expect(result.products.map((p) => p.toFixed(3))).toEqual(['0.491', '0.484', '0.320', '0.357']);
		expect(result.significant).toEqual([true, true, false, true]);
		expect(result.lenient).toEqual([true, true, true, true]);
	});

	it('counts significant loaders per rotated factor', () => {
		const rotated = analyze(lipsetDat(), { factors: 3 }).loadings;
		// |a| > 0.3412: F1 US1 US2 US8 UK7; F2 US3 US4 JP5; F3 CA6 UK7 FR9.
		expect(significantLoaders(rotated, 33)).toEqual({ counts: [4, 3, 3], retained: [true, true, true] });
	});

	it('gives scree data with cumulative percentages up to 100', () => {
		const scree = screeData(pca.allEigenvalues, 9);
		expect(scree[0].percent.toFixed(1)).toBe('26.5');
		expect(scree[scree.length - 1].cumulative).toBeCloseTo(100, 10);
	});

	it('parallel analysis with forced-grid permutations: near the spec values, 2 by p95 and 4 by mean', () => {
		const result = parallelAnalysis(pca.allEigenvalues, lipset().distribution, 9, { iterations: 2000, seed: 42 });
		[2.204, 1.756, 1.465, 1.24].forEach((v, f) => expect(Math.abs(result.percentile95[f] - v)).toBeLessThan(0.05));
		[1.903, 1.559, 1.311, 1.109].forEach((v, f) => expect(Math.abs(result.mean[f] - v)).toBeLessThan(0.05));
		expect(result.retainedBy95).toBe(2);
		expect(result.retainedByMean).toBe(4);
	});

	it('parallel analysis is reproducible from its seed', () => {
		const a = parallelAnalysis(pca.allEigenvalues, lipset().distribution, 9, { iterations: 50, seed: 5 });
		const b = parallelAnalysis(pca.allEigenvalues, lipset().distribution, 9, { iterations: 50, seed: 5 });
		const c = parallelAnalysis(pca.allEigenvalues, lipset().distribution, 9, { iterations: 50, seed: 6 });
		expect(a).toEqual(b);
		expect(a.mean).not.toEqual(c.mean);
	});
});

describe('bootstrap', () => {
	const study = generatedStudy({
		sorts: 40,
		distribution: grid(-4, [2, 3, 4, 5, 6, 5, 4, 3, 2]),
		viewpoints: 3,
		noise: 0.6,
		seed: 21
	});

	it('is reproducible from its seed and summarises z, loadings and flag frequencies', () => {
		const a = bootstrap(study, { factors: 3, resamples: 60, seed: 9 });
		const b = bootstrap(study, { factors: 3, resamples: 60, seed: 9 });
		expect(Array.from(a.zStandardError)).toEqual(Array.from(b.zStandardError));
		expect(a.failedAlignments).toEqual([]);
		const full = analyze(study, { factors: 3 });
		a.zMean.forEach((z, cell) => expect(Math.abs(z - full.zScores[cell])).toBeLessThan(0.3));
		a.zStandardError.forEach((se) => expect(se).toBeGreaterThan(0));
		a.flagFrequency.forEach((share) => expect(share).toBeGreaterThanOrEqual(0));
		a.flagFrequency.forEach((share) => expect(share).toBeLessThanOrEqual(1));
		// Sorts flagged in the full sample stay flagged on the same factor most of the time.
		full.flags.forEach((row, i) =>
			row.forEach((flag, f) => flag && expect(a.flagFrequency[i * 3 + f]).toBeGreaterThan(0.5))
		);
		const distribution = Array.from(validateSorts(study).distribution);
		for (let f = 0; f < 3; f++)
			expect(Array.from({ length: distribution.length }, (_, s) => a.arrays[s * 3 + f]).sort((x, y) => x - y)).toEqual(
				distribution
			);
	});

	it('reports failed alignments when factors cannot be matched one-to-one', () => {
		// Lipset with 5 factors is unstable: some resamples cannot be aligned.
		const result = bootstrap(lipsetDat(), { factors: 5, resamples: 200, seed: 3 });
		expect(result.failedAlignments.length).toBeGreaterThan(0);
		expect(result.failedAlignments.every((step) => step >= 0 && step < 200)).toBe(true);
	});

	it('rejects fewer than 2 resamples', () => {
		expect(() => bootstrap(study, { factors: 2, resamples: 1 })).toThrow(QMethodInputError);
	});
});
