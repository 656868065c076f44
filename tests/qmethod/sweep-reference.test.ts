// Expected values: qmethod 1.8.4 in R 4.2.2 on the 40 synthetic studies of shared/reference/sweep
// (its README: qmethod(dataset, nfactors = K, extraction = "PCA" | "centroid", rotation = "varimax")).
// Tolerances: those of shared/tools/compare-qmethod.mjs, restated in sweep-compare.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, parseSortsCsv, runAnalysis } from '../../src/lib/qmethod/index.js';
import type { ReferenceResult } from './lipset.js';
import { sweepDifferences } from './sweep-compare.js';

/** The sweep lives beside the repository (../shared), as the README of the reference says. */
const sweepDir = resolve(process.cwd(), '../shared/reference/sweep');
if (!existsSync(sweepDir)) throw new Error(`the qmethod sweep reference is missing: expected it at ${sweepDir}`);

const cases = readdirSync(sweepDir, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.flatMap((entry) =>
		readdirSync(join(sweepDir, entry.name))
			.map((file) => /^expected-(pca|centroid)-varimax-(\d+)\.json$/.exec(file))
			.filter((match): match is RegExpExecArray => match !== null)
			.map((match) => ({
				study: entry.name,
				file: match[0],
				extraction: match[1] as 'pca' | 'centroid',
				factors: Number(match[2])
			}))
	)
	.sort((a, b) => `${a.study} ${a.extraction}`.localeCompare(`${b.study} ${b.extraction}`));

describe('the qmethod sweep, in-process', () => {
	it('has every case of the reference (40 studies; s39 has no centroid reference)', () => {
		expect(cases.filter((c) => c.extraction === 'pca')).toHaveLength(40);
		expect(cases.filter((c) => c.extraction === 'centroid')).toHaveLength(39);
	});

	it.each(cases)('$study $extraction: agrees with qmethod', ({ study, file, extraction, factors }) => {
		const input = parseSortsCsv(decodeText(readFileSync(join(sweepDir, study, 'sorts.csv'))).text);
		const expected = JSON.parse(readFileSync(join(sweepDir, study, file), 'utf8')) as ReferenceResult;
		const result = runAnalysis(input, { factors, extraction });
		expect(sweepDifferences(result, expected)).toEqual([]);
		expect(result.eigenvalues.every((value) => value > 1e-6)).toBe(true);
	});

	it('gives a result where qmethod itself stops (s39 centroid) and warns that its reflections were arbitrary', () => {
		const input = parseSortsCsv(decodeText(readFileSync(join(sweepDir, 's39-m47-n17-k5', 'sorts.csv'))).text);
		const result = runAnalysis(input, { factors: 5, extraction: 'centroid' });
		expect(result.nFactors).toBe(5);
		expect(result.warnings.filter((w) => w.code === 'centroid_arbitrary_reflection').length).toBeGreaterThan(0);
	});

	it('the comparison rules reject a different solution (PCA against the centroid reference of s9)', () => {
		const { study, file, factors } = cases.find((c) => c.study.startsWith('s9-') && c.extraction === 'centroid')!;
		const input = parseSortsCsv(decodeText(readFileSync(join(sweepDir, study, 'sorts.csv'))).text);
		const expected = JSON.parse(readFileSync(join(sweepDir, study, file), 'utf8')) as ReferenceResult;
		const result = runAnalysis(input, { factors, extraction: 'pca' });
		expect(sweepDifferences(result, expected).length).toBeGreaterThan(0);
	});
});
