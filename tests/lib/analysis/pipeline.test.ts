// The workspace/API adapter over the engine: 1-based API steps become 0-based engine steps, and a
// request's result is exactly the engine's runAnalysis for the same options (reference: the engine
// itself on tests/fixtures/lipset/lipset.csv; exact equality).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineSteps, resultOf } from '../../../src/lib/analysis/pipeline.js';
import type { AnalysisRequest } from '../../../src/lib/analysis/types.js';
import { parseSortsCsv, runAnalysis } from '../../../src/lib/qmethod/index.js';

const lipset = parseSortsCsv(readFileSync('tests/fixtures/lipset/lipset.csv', 'utf8'));

describe('engineSteps', () => {
	it('maps turns, inversions and splits to 0-based engine steps in order', () => {
		expect(engineSteps([{ p: 1, q: 3, angle: -12.5 }, { invert: 2 }, { split: 1 }])).toEqual([
			{ p: 0, q: 2, degrees: -12.5 },
			{ invert: 1 },
			{ split: 0 }
		]);
	});
});

describe('resultOf', () => {
	it('equals the engine result for a request with a turn, an inversion and a split', () => {
		const request: AnalysisRequest = {
			extraction: 'centroid',
			factors: 3,
			rotation: 'varimax',
			flagLevel: 0.01,
			rotationSteps: [{ p: 1, q: 2, angle: 10 }, { invert: 3 }, { split: 2 }],
			flags: null
		};
		const expected = runAnalysis(lipset, {
			factors: 3,
			extraction: 'centroid',
			rotation: 'varimax',
			flagLevel: 0.01,
			rotationSteps: [{ p: 0, q: 1, degrees: 10 }, { invert: 2 }, { split: 1 }]
		});
		const result = resultOf(lipset, request);
		expect(result).toEqual(expected);
		expect(result.nFactors).toBe(4);
	});
});
