import { describe, expect, it } from 'vitest';
import type { AnalysisResultLike } from '../../../src/lib/dialogue/analysis-result.js';
import { chooseMiniSortStatements, closestViewpoint, pearson } from '../../../src/lib/dialogue/mini-sort.js';

// A made-up result: 20 statements, 3 factors with arrays from a −3…+3 grid.
function fakeResult(): AnalysisResultLike {
	const m = 20;
	const base = [3, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -2, -2, -3];
	const arrays = Array.from({ length: m }, (_, i) => [base[i], base[m - 1 - i], base[(i + 7) % m]]);
	return {
		nStatements: m,
		nSorts: 6,
		nFactors: 3,
		sortIds: ['a', 'b', 'c', 'd', 'e', 'f'],
		statementCodes: Array.from({ length: m }, (_, i) => `S${i + 1}`),
		loadings: [],
		flagged: [],
		zScores: arrays.map((row) => row.map((v) => v * 0.7)),
		factorArrays: arrays,
		distinguishing: [[], [], []],
		consensus: []
	};
}

describe('chooseMiniSortStatements', () => {
	it('takes 12 distinct statements from the extremes of every viewpoint', () => {
		const result = fakeResult();
		const chosen = chooseMiniSortStatements(result);
		expect(chosen).toHaveLength(12);
		expect(new Set(chosen).size).toBe(12);
		for (let f = 0; f < 3; f++) {
			const values = chosen.map((s) => result.factorArrays[s][f] as number);
			expect(values).toContain(3);
			expect(values).toContain(-3);
		}
	});
	it('uses every statement of a study with nine or fewer', () => {
		const result = { ...fakeResult(), nStatements: 9 };
		expect(chooseMiniSortStatements(result)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
	});
	it('skips a factor without scores', () => {
		const result = fakeResult();
		result.factorArrays = result.factorArrays.map((row) => [row[0], null, row[2]]);
		expect(chooseMiniSortStatements(result)).toHaveLength(12);
	});
});

describe('closestViewpoint', () => {
	it('picks the factor whose array correlates most with the mini-sort', () => {
		const result = fakeResult();
		const chosen = chooseMiniSortStatements(result);
		// Sorting exactly like factor 2 (scaled to −2…+2) must correlate 1 with it.
		const values = chosen.map((s) => Math.max(-2, Math.min(2, result.factorArrays[s][1] as number)));
		const closest = closestViewpoint(result, chosen, values);
		expect(closest.factor).toBe(2);
		expect(closest.correlations[1]).toBeGreaterThan(0.9);
	});
	it('answers 0 (none) when no viewpoint correlates positively', () => {
		const result = fakeResult();
		const statements = [0, 19];
		// One factor with S1 at +3 and S20 at −3; the attendee puts them the other way round.
		const closest = closestViewpoint(
			{ ...result, nFactors: 1, factorArrays: result.factorArrays.map((r) => [r[0]]) },
			statements,
			[-2, 2]
		);
		expect(closest).toEqual({ factor: 0, correlations: [-1] });
	});
});

describe('pearson', () => {
	it('is 1 for a linear relation, −1 for its mirror, null without variance', () => {
		expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
		expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
		expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
	});
});
