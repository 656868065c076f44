// The workspace's numbers come from the same engine call as the API's and the CLI's. Reference: the
// engine's runAnalysis on tests/fixtures/lipset/lipset.csv (exact equality), and spec §12.8 for the
// retention aids on Lipset (Kaiser–Guttman 4; Humphrey PC1 0.491 ✓, PC2 0.484 ✓, PC3 0.320 ✗, PC4 0.357 ✓,
// threshold 2/√33 = 0.348; tolerance 1e-3 on the products).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSortsCsv, runAnalysis, validateSorts } from '../../../src/lib/qmethod/index.js';
import { buildWorkspaceResult } from '../../../src/lib/analysis/workspace-result.js';
import { parallelAnalysis } from '../../../src/lib/analysis/retention.js';
import type { AnalysisRequest } from '../../../src/lib/analysis/types.js';

const lipset = parseSortsCsv(readFileSync('tests/fixtures/lipset/lipset.csv', 'utf8'));
const request: AnalysisRequest = {
	extraction: 'pca',
	factors: 4,
	rotation: 'varimax',
	flagLevel: 0.05,
	rotationSteps: [],
	flags: null
};
const parallel = parallelAnalysis(validateSorts(lipset), 200, 7);

describe('buildWorkspaceResult', () => {
	it('carries exactly the CLI result for the same request', () => {
		const workspace = buildWorkspaceResult(lipset, { ...request, factors: 3 }, parallel);
		expect(workspace.result).toEqual(runAnalysis(lipset, { factors: 3, extraction: 'pca', rotation: 'varimax' }));
	});

	it('marks every tied statement, also those the tie-break placed on different values', () => {
		// Reference: shared/reference/lipset/README.md — qmethod's centroid factor 3 (two defining sorts)
		// has 6 exactly tied pairs, some of which the forced grid must split over two values.
		const workspace = buildWorkspaceResult(lipset, { ...request, extraction: 'centroid', factors: 3 }, parallel);
		const arrays = workspace.result.factorArrays;
		const tiedOnF3 = workspace.tied.map((row, s) => (row[2] ? s : -1)).filter((s) => s >= 0);
		expect(tiedOnF3.length).toBeGreaterThanOrEqual(12);
		const values = new Set(tiedOnF3.map((s) => arrays[s][2]));
		const zOf = (s: number) => workspace.result.zScores[s][2] as number;
		const splitPair = tiedOnF3.some((a) =>
			tiedOnF3.some((b) => a !== b && Math.abs(zOf(a) - zOf(b)) < 1e-9 && arrays[a][2] !== arrays[b][2])
		);
		expect(values.size).toBeGreaterThan(1);
		expect(splitPair).toBe(true);
	});

	it('reports the retention aids of spec §12.8 on Lipset', () => {
		const { aids } = buildWorkspaceResult(lipset, request, parallel);
		expect(aids.kaiserGuttman.retained).toBe(4);
		expect(aids.humphrey.threshold).toBeCloseTo(2 / Math.sqrt(33), 12);
		[0.491, 0.484, 0.32, 0.357].forEach((p, f) => expect(aids.humphrey.products[f]).toBeCloseTo(p, 3));
		expect(aids.humphrey.passes).toEqual([true, true, false, true]);
	});

	it('gives a symmetric correlation matrix with a unit diagonal, 86/160 for US1–US2 (spec §12.2)', () => {
		const { correlations } = buildWorkspaceResult(lipset, request, parallel);
		expect(correlations[0][1]).toBeCloseTo(86 / 160, 12);
		correlations.forEach((row, i) => {
			expect(row[i]).toBeCloseTo(1, 12);
			row.forEach((value, j) => expect(value).toBeCloseTo(correlations[j][i], 12));
		});
	});

	it('marks distinguishing statements with level and direction (spec §12.6, 3 factors)', () => {
		const { marks } = buildWorkspaceResult(lipset, { ...request, factors: 3 }, parallel);
		// Statement 1 distinguishes every factor at p < .01; statement 15 distinguishes F1 at p < .05 only.
		expect(marks[0].map((m) => m.level)).toEqual([2, 2, 2]);
		expect(marks[14][0].level).toBe(1);
		// Statement 1: F2 ranks it highest (z 1.660), F1 lowest (−0.679).
		expect(marks[0][1].direction).toBe('up');
		expect(marks[0][0].direction).toBe('down');
	});
});

describe('parallelAnalysis', () => {
	it('is reproducible from its seed and keeps the random eigenvalues decreasing', () => {
		const data = validateSorts(lipset);
		const again = parallelAnalysis(data, 200, 7);
		expect(again).toEqual(parallel);
		for (let f = 1; f < again.mean.length; f++) expect(again.mean[f]).toBeLessThanOrEqual(again.mean[f - 1]);
		expect(again.percentile95[0]).toBeGreaterThan(again.mean[0]);
	});
});
