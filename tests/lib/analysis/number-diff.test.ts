// numberDifferences: the check behind "de server rekende dezelfde getallen uit" (issue 10.5). Results of
// the Lipset fixture (tests/fixtures/lipset) perturbed by hand; tolerance NUMBER_TOLERANCE = 1e-9 relative
// to max(1, |x|). Browser and server differed by up to 4e-15 on the demo study (Chromium vs Node 20).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMBER_TOLERANCE, numberDifferences, sameNumbers } from '../../../src/lib/analysis/number-diff.js';
import type { AnalysisResult } from '../../../src/lib/analysis/types.js';
import { differenceText } from '../../../src/lib/analysis/view-model.js';
import { analysis } from '../../../src/lib/i18n/messages/analysis.js';
import { parseSortsCsv, runAnalysis } from '../../../src/lib/qmethod/index.js';

const lipset = parseSortsCsv(readFileSync('tests/fixtures/lipset/lipset.csv', 'utf8'));
const base: AnalysisResult = JSON.parse(
	JSON.stringify(runAnalysis(lipset, { factors: 3, extraction: 'pca', rotation: 'varimax' }))
);
const copy = (): AnalysisResult => JSON.parse(JSON.stringify(base));

describe('numberDifferences', () => {
	it('finds none between a result and its copy with the keys in another order', () => {
		const reordered = Object.fromEntries(Object.entries(copy()).reverse()) as unknown as AnalysisResult;
		expect(numberDifferences(base, reordered)).toEqual([]);
		expect(sameNumbers(base, reordered)).toBe(true);
	});

	it('reads last-bit noise as the same numbers, the size the browser and the server differ by', () => {
		const noisy = copy();
		noisy.loadings = noisy.loadings.map((row) => row.map((v) => v + 4e-15));
		noisy.explainedVariance = noisy.explainedVariance.map((v) => v * (1 + 1e-15));
		noisy.zScores[3][1] = base.zScores[3][1]! + 5e-10;
		expect(numberDifferences(base, noisy)).toEqual([]);
	});

	it('names each field that differs, how many values and the largest difference with its place', () => {
		const changed = copy();
		changed.loadings[4][1] += 0.0123;
		changed.loadings[2][0] -= 2e-9;
		changed.explainedVariance[2] += 1e-6;
		changed.flagged[7] = changed.flagged[7].map((flag) => !flag);
		const differences = numberDifferences(base, changed);
		expect(differences.map((d) => d.field).sort()).toEqual(['explainedVariance', 'flagged', 'loadings']);
		const loadings = differences.find((d) => d.field === 'loadings')!;
		expect(loadings.count).toBe(2);
		expect(loadings.largest).toBeCloseTo(0.0123, 12);
		expect(loadings.at).toEqual([4, 1]);
		expect(differences.find((d) => d.field === 'flagged')).toMatchObject({ count: 3, largest: null, at: [7, 0] });
		expect(sameNumbers(base, changed)).toBe(false);
	});

	it('scales the tolerance for numbers above 1 and is strict about everything that is not a number', () => {
		const changed = copy();
		changed.explainedVariance[0] += 0.5 * NUMBER_TOLERANCE * base.explainedVariance[0];
		expect(numberDifferences(base, changed)).toEqual([]);
		changed.factorArrays[0][0] = base.factorArrays[0][0]! + 1;
		changed.warnings = [...changed.warnings, { code: 'x', message: 'y' }] as AnalysisResult['warnings'];
		changed.sortIds = changed.sortIds.slice(0, -1);
		expect(numberDifferences(base, changed).map((d) => [d.field, d.count])).toEqual([
			['sortIds', 1],
			['factorArrays', 1],
			['warnings', 1]
		]);
	});

	it('treats a number against null or a missing field as a difference, and two NaN as equal', () => {
		const a = { ...copy(), eigenvalues: [NaN, 1] } as AnalysisResult;
		expect(numberDifferences(a, { ...copy(), eigenvalues: [NaN, 1] } as AnalysisResult)).toEqual([]);
		expect(numberDifferences(a, { ...copy(), eigenvalues: [null, 1] } as unknown as AnalysisResult)).toMatchObject([
			{ field: 'eigenvalues', count: 1 }
		]);
		const { consensus: _dropped, ...withoutConsensus } = copy();
		expect(numberDifferences(base, withoutConsensus as AnalysisResult)).toMatchObject([
			{ field: 'consensus', count: 1, largest: null }
		]);
	});
});

// The analysis catalog's messages with their {placeholders} filled, as the i18n module does.
const translate = (locale: 'nl' | 'en', key: string, params: Record<string, string | number> = {}) =>
	((analysis[locale] as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
		String(params[name])
	);

describe('differenceText', () => {
	const t = (key: string, params?: Record<string, string | number>) => translate('nl', key, params);

	it('says in words which values differ, by how much and where', () => {
		expect(differenceText({ field: 'loadings', count: 3, largest: 0.01234, at: [4, 1] }, base, t)).toBe(
			`ladingen: 3× een ander getal, grootste verschil 0.012 (sortering ${base.sortIds[4]}, F2)`
		);
		expect(differenceText({ field: 'factorArrays', count: 2, largest: null, at: [12, 0] }, base, t)).toBe(
			'factorarrays: 2× anders (stelling 13, F1)'
		);
		expect(
			differenceText(
				{ field: 'eigenvalues', count: 1, largest: 2e-7, at: [2] },
				base,
				(k: string, p?: Record<string, string | number>) => translate('en', k, p)
			)
		).toBe('eigenvalues: 1× a different number, largest difference 2.0e-7 (F3)');
		expect(differenceText({ field: 'somethingNew', count: 1, largest: null, at: ['x'] }, base, t)).toBe(
			'somethingNew: 1× anders'
		);
	});
});
