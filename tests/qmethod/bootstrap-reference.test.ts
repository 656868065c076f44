// Expected values: qmethod 1.8.4's qmboots (R 4.2.2) on shared/reference/bootstrap: 40 sorts × 40
// statements, 3 factors, PCA + varimax, indet = "qindtest", 2,000 resamples (expected-qmboots-3-2000.json).
// Resamples are random, so agreement is statistical. Tolerances, derived in the README ("Bootstrap"):
// - a standard error s from N resamples has Monte Carlo error s·√((κ − 1)/(4N)) (κ: kurtosis of the
//   cell, measured on our resamples; the engine reports it as …Precision). Ours and qmethod's errors
//   are independent, so each cell must agree within 5 × √(ours² + theirs²), theirs scaled to qmethod's
//   resample count. Over 240 cells a 5σ excursion has probability ~1e-4; measured maxima 2.5–4.1.
// - the mean standardised difference over all cells must be within ±1 (a systematic shift: the
//   Procrustes alignment gives −3.1 for z and −7.6 for loadings);
// - flag frequencies are proportions: 5 × √(p(1 − p)(1/N_ours + 1/N_theirs)), p pooled (at least 1/N);
// - the share of resamples not aligned is a proportion too (qmethod: 132 of 2,000).
// 1,000 resamples here (about 1 s of CPU) instead of 2,000: the tolerance above already carries N.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, bootstrap, decodeText, parseSortsCsv, type BootstrapAlignment } from '../../src/lib/qmethod/index.js';
import { matchFactors } from './reference-match.js';

const folder = resolve(process.cwd(), '../shared/reference/bootstrap');
const reference = JSON.parse(readFileSync(resolve(folder, 'expected-qmboots-3-2000.json'), 'utf8')) as {
	resamples: number;
	resamplesNotAligned: number;
	loadings: number[][];
	zScoreBootstrapSE: number[][];
	loadingBootstrapSE: number[][];
	flagFrequency: number[][];
};
const input = parseSortsCsv(decodeText(readFileSync(resolve(folder, 'sorts.csv'))).text);
const k = 3;
const resamples = 1000;

function compare(alignment: BootstrapAlignment) {
	const result = bootstrap(input, { factors: k, resamples, seed: 42, alignment });
	const full = analyze(input, { factors: k });
	const ours = Array.from({ length: full.data.nSorts }, (_, i) =>
		Array.from(full.loadings.data.subarray(i * k, i * k + k))
	);
	const { permutation } = matchFactors(ours, reference.loadings);
	const alignedOurs = resamples - result.failedAlignments.length;
	const alignedTheirs = reference.resamples - reference.resamplesNotAligned;
	const standardised = (values: Float64Array, precision: Float64Array, theirs: number[][]) =>
		theirs.flatMap((row, r) =>
			permutation.map((g, f) => {
				const o = values[r * k + f];
				const t = row[g];
				const po = precision[r * k + f];
				return (o - t) / Math.hypot(po, po * (t / o) * Math.sqrt(alignedOurs / alignedTheirs));
			})
		);
	const flags = reference.flagFrequency.flatMap((row, i) =>
		permutation.map((g, f) => {
			const nOurs = result.appearances[i];
			const nTheirs = nOurs * (alignedTheirs / alignedOurs);
			const p = Math.max((result.flagFrequency[i * k + f] + row[g]) / 2, 1 / nOurs);
			return (
				(result.flagFrequency[i * k + f] - row[g]) /
				Math.sqrt(Math.min(p, 1 - 1 / nOurs) * (1 - Math.min(p, 1 - 1 / nOurs)) * (1 / nOurs + 1 / nTheirs))
			);
		})
	);
	const shareOurs = result.failedAlignments.length / resamples;
	const shareTheirs = reference.resamplesNotAligned / reference.resamples;
	const pooled = (result.failedAlignments.length + reference.resamplesNotAligned) / (resamples + reference.resamples);
	return {
		z: standardised(result.zStandardError, result.zStandardErrorPrecision, reference.zScoreBootstrapSE),
		loadings: standardised(
			result.loadingStandardError,
			result.loadingStandardErrorPrecision,
			reference.loadingBootstrapSE
		),
		flags,
		notAligned: (shareOurs - shareTheirs) / Math.sqrt(pooled * (1 - pooled) * (1 / resamples + 1 / reference.resamples))
	};
}

const worst = (values: number[]) => Math.max(...values.map(Math.abs));
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('bootstrap against qmethod qmboots (qindtest, 2,000 resamples)', { timeout: 60_000 }, () => {
	const qindtest = compare('qindtest');

	it('standard errors of z-scores agree cell by cell within 5σ and on average within ±1σ', () => {
		expect(worst(qindtest.z)).toBeLessThan(5);
		expect(Math.abs(mean(qindtest.z))).toBeLessThan(1);
	});

	it('standard errors of loadings agree cell by cell within 5σ and on average within ±1σ', () => {
		expect(worst(qindtest.loadings)).toBeLessThan(5);
		expect(Math.abs(mean(qindtest.loadings))).toBeLessThan(1);
	});

	it('flag frequencies agree within 5 binomial σ', () => {
		expect(worst(qindtest.flags)).toBeLessThan(5);
	});

	it('leaves out a share of unaligned resamples like qmethod’s (132 of 2,000) within 5σ', () => {
		expect(Math.abs(qindtest.notAligned)).toBeLessThan(5);
	});

	it('the Procrustes alignment is measurably different: smaller standard errors', () => {
		const procrustes = compare('procrustes');
		expect(mean(procrustes.z)).toBeLessThan(-1);
		expect(mean(procrustes.loadings)).toBeLessThan(-1);
	});
});
