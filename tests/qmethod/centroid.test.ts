// Invariants of Brown's centroid (docs/methods.md, "Centroid") on freshly generated studies, and the
// behaviour around a collapsed factor. Tolerances are derived from the stopping rule: at the stop
// every |δ_j − a_j²| < spc, so the fixed point a_j = (c_j + a_j²)/Σa holds to spc/Σa.
import { describe, expect, it } from 'vitest';
import {
	analyze,
	correlationMatrix,
	extractCentroid,
	QMethodInputError,
	runAnalysis,
	seededRandom,
	shuffleInPlace,
	validateSorts,
	type QSortData
} from '../../src/lib/qmethod/index.js';
import { generatedStudy, grid } from './generated.js';
import { lipsetDat } from './lipset.js';

/** A new base seed on every run (reported in each message), so the invariants meet data nobody tuned them to. */
const baseSeed = Number(process.env.SEED ?? Date.now() % 1_000_000);

function randomStudy(seed: number): { study: QSortData; factors: number } {
	const random = seededRandom(seed);
	const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
	const half = pick(2, 5);
	const heights = Array.from({ length: 2 * half + 1 }, (_, c) => 1 + Math.min(c, 2 * half - c) + pick(0, 1));
	const distribution = grid(-half, heights);
	const sorts = pick(8, 60);
	const structured = random() < 0.75;
	if (structured) {
		return {
			study: generatedStudy({ sorts, distribution, viewpoints: pick(1, 4), noise: 0.3 + random() * 1.5, seed }),
			factors: pick(1, Math.min(7, sorts - 1))
		};
	}
	// Pure noise: every sort a random permutation of the grid.
	const rows = Array.from({ length: sorts }, () => shuffleInPlace([...distribution], random));
	return {
		study: {
			statementCodes: distribution.map((_, s) => `S${s + 1}`),
			sortIds: rows.map((_, i) => `P${i + 1}`),
			sorts: rows,
			distribution
		},
		factors: pick(1, 5)
	};
}

describe('extractCentroid on freshly generated studies (qmethod variant, spc 1e-5)', () => {
	const seeds = Array.from({ length: 40 }, (_, i) => baseSeed + i);
	it.each(seeds)('seed %i: positive manifold, fixed point, no collapsed factor', (seed) => {
		const { study, factors } = randomStudy(seed);
		const r = correlationMatrix(validateSorts(study));
		const n = r.size;
		const result = extractCentroid(r, factors);
		const a = result.loadings.data;
		const residual = Float64Array.from(r.data);
		for (let f = 0; f < factors; f++) {
			const loading = Array.from({ length: n }, (_, j) => a[j * factors + f]);
			expect(result.eigenvalues[f], `seed ${seed}, factor ${f + 1}: sum of squares`).toBeGreaterThan(1e-6);
			// In the reflected space every loading is positive, so the loadings' signs are the reflection.
			const signs = loading.map((value) => (value < 0 ? -1 : 1));
			const total = loading.reduce((sum, value) => sum + Math.abs(value), 0);
			for (let j = 0; j < n; j++) {
				let c = 0;
				for (let i = 0; i < n; i++) if (i !== j) c += signs[i] * signs[j] * residual[i * n + j];
				// qmethod's rule: reflect while any column sum is ≤ 0, so every reflected sum ends > 0 (up to rounding).
				expect(c, `seed ${seed}, factor ${f + 1}, sort ${j + 1}: reflected column sum`).toBeGreaterThan(-1e-12);
				expect(
					Math.abs(Math.abs(loading[j]) - (c + loading[j] ** 2) / total),
					`seed ${seed}, factor ${f + 1}, sort ${j + 1}: fixed point`
				).toBeLessThan(1e-5 / total + 1e-12);
			}
			for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) residual[i * n + j] -= loading[i] * loading[j];
		}
	});
});

describe('centroid variants', () => {
	it('records the variant in the result and lets the PQMethod/KADE variant differ from qmethod’s (Lipset, 7 factors)', () => {
		const qmethod = runAnalysis(lipsetDat(), { factors: 7, extraction: 'centroid' });
		const pqmethod = runAnalysis(lipsetDat(), { factors: 7, extraction: 'centroid', centroidVariant: 'pqmethod' });
		expect(qmethod.centroidVariant).toBe('qmethod');
		expect(pqmethod.centroidVariant).toBe('pqmethod');
		expect(runAnalysis(lipsetDat(), { factors: 3 }).centroidVariant).toBeUndefined();
		expect(qmethod.eigenvalues).not.toEqual(pqmethod.eigenvalues);
	});

	it('refuses an unknown variant', () => {
		expect(() =>
			analyze(lipsetDat(), { factors: 3, extraction: 'centroid', centroidVariant: 'kade' as never })
		).toThrow(QMethodInputError);
	});

	it('has no arbitrary-reflection warning on Lipset (3 factors), where every reflection is clear-cut', () => {
		const result = runAnalysis(lipsetDat(), { factors: 3, extraction: 'centroid' });
		expect(result.warnings.map((w) => w.code)).not.toContain('centroid_arbitrary_reflection');
	});
});

describe('a collapsed centroid factor', () => {
	// Five sorts on one bipolar viewpoint: after one factor the correlations are exhausted.
	const base = grid(-2, [1, 2, 3, 2, 1]);
	const one: QSortData = {
		statementCodes: base.map((_, s) => `S${s + 1}`),
		sortIds: ['A', 'B', 'C', 'D', 'E'],
		sorts: [base, base, base.map((v) => -v), base, [...base].reverse()],
		distribution: base
	};

	it.each(['qmethod', 'pqmethod'] as const)('is an error naming the factors that exist (%s)', (centroidVariant) => {
		let error: unknown;
		try {
			analyze(one, { factors: 2, extraction: 'centroid', centroidVariant });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(QMethodInputError);
		expect((error as QMethodInputError).code).toBe('collapsed_factor');
		expect((error as QMethodInputError).message).toMatch(/factor 2 .*extract at most 1/);
		expect(analyze(one, { factors: 1, extraction: 'centroid', centroidVariant }).loadings.columns).toBe(1);
	});
});
