import { analyze, type AnalysisOptions } from './analysis.js';
import { unitScaledSorts } from './correlation.js';
import { QMethodInputError } from './errors.js';
import { extractPrincipalComponents } from './extraction/pca.js';
import { factorArrays } from './factor-arrays.js';
import { factorScores } from './factor-scores.js';
import { autoFlag } from './flagging.js';
import { alignByProcrustes, alignByQindtest, type BootstrapAlignment } from './bootstrap-alignment.js';
import { seededRandom, shuffleInPlace } from './random.js';
import { quantile } from './retention.js';
import { varimax } from './rotation/varimax.js';
import { varimaxLikeR } from './rotation/varimax-r.js';
import type { CorrelationMethod, QSortData } from './types.js';

export type { BootstrapAlignment };

export interface BootstrapOptions {
	factors: number;
	/** Number of resamples B. Default 1000. */
	resamples?: number;
	seed?: number;
	flagLevel?: AnalysisOptions['flagLevel'];
	correlation?: CorrelationMethod;
	/** 'qindtest' (default, as qmethod's `qmboots`): re-order and mirror factors only; 'procrustes': rotate each resample onto the target. */
	alignment?: BootstrapAlignment;
}

export interface BootstrapResult {
	seed: number;
	resamples: number;
	alignment: BootstrapAlignment;
	/** 0-based resamples whose factors could not be matched one-to-one to the full-sample factors; left out of every summary. */
	failedAlignments: number[];
	/** m × k (row-major) summaries of the z-scores over successful steps. */
	zMean: Float64Array;
	zStandardError: Float64Array;
	/** Monte Carlo error of each standard error (its own standard error over the B resamples), from the cell's kurtosis. */
	zStandardErrorPrecision: Float64Array;
	zLower: Float64Array;
	zUpper: Float64Array;
	/** Full-sample z minus bootstrap mean. */
	bias: Float64Array;
	/** Factor array from the bootstrap mean z-scores. */
	arrays: Float64Array;
	/** n × k: mean and SD of each sort's aligned loadings, and the share of steps containing the sort in which it was flagged. */
	loadingMean: Float64Array;
	loadingStandardError: Float64Array;
	loadingStandardErrorPrecision: Float64Array;
	/** Per sort: the number of aligned resamples that contain it (the base of its loading SE and flag frequency). */
	appearances: Float64Array;
	flagFrequency: Float64Array;
}

/**
 * Bootstrap of a PCA + varimax solution (Zabala & Pascual 2016; qmethod `qmboots`; docs/methods.md,
 * "Bootstrap"). Balanced resampling: B copies of 1…n shuffled and cut into B samples of n, so every
 * sort is drawn exactly B times. Each sample: PCA (m × m cross-product, unrotated), varimax, then
 * alignment to the target = the full-sample loadings of the drawn sorts: `qindtest` (R's
 * `stats::varimax` with eps 1e-5, then order and sign only, as qmethod) or `procrustes` (converged
 * varimax, then the orthogonal rotation closest to the target). Then automatic flags and z-scores.
 * Resamples that cannot be aligned are reported and left out. Standard errors are sample SDs over
 * the aligned resamples; loading SEs and flag frequencies per sort over the aligned resamples that
 * contain it. Seeded and deterministic.
 * @throws QMethodInputError invalid_option
 */
export function bootstrap(input: QSortData, options: BootstrapOptions): BootstrapResult {
	const resamples = options.resamples ?? 1000;
	const seed = options.seed ?? 1;
	const alignment = options.alignment ?? 'qindtest';
	const correlation = options.correlation ?? 'pearson';
	if (!Number.isInteger(resamples) || resamples < 2)
		throw new QMethodInputError('invalid_option', 'bootstrap requires at least 2 resamples');
	if (alignment !== 'qindtest' && alignment !== 'procrustes')
		throw new QMethodInputError('invalid_option', `unknown bootstrap alignment "${String(alignment)}"`);
	const full = analyze(input, { factors: options.factors, flagLevel: options.flagLevel, correlation });
	const { data } = full;
	const { nStatements: m, nSorts: n, sortIds } = data;
	const k = options.factors;
	const scaled = unitScaledSorts(data, correlation);
	const random = seededRandom(seed);
	const pool = new Uint32Array(resamples * n);
	for (let b = 0; b < resamples; b++) for (let i = 0; i < n; i++) pool[b * n + i] = i;
	shuffleInPlace(pool, random);

	const zSamples = new Float64Array(resamples * m * k);
	// Per resample and sort, the aligned loadings (NaN when the sort was not drawn or the resample not aligned).
	const loadingSamples = new Float64Array(resamples * n * k).fill(NaN);
	const appearances = new Float64Array(n);
	const flagged = new Float64Array(n * k);
	const failedAlignments: number[] = [];
	const sampleScaled = new Float64Array(n * m);
	const sampleValues = new Float64Array(n * m);
	const target = new Float64Array(n * k);
	const sampleIds = sortIds.map((_, i) => String(i));
	for (let b = 0; b < resamples; b++) {
		const drawn = pool.subarray(b * n, b * n + n);
		drawn.forEach((source, i) => {
			sampleScaled.set(scaled.subarray(source * m, source * m + m), i * m);
			sampleValues.set(data.values.subarray(source * m, source * m + m), i * m);
			target.set(full.loadings.data.subarray(source * k, source * k + k), i * k);
		});
		const unrotated = extractPrincipalComponents(sampleScaled, n, m, k).loadings;
		const rotated =
			k < 2 ? unrotated : alignment === 'qindtest' ? varimaxLikeR(unrotated).loadings : varimax(unrotated).loadings;
		const aligned =
			alignment === 'qindtest'
				? alignByQindtest(rotated.data, target, n, k)
				: alignByProcrustes(rotated.data, target, n, k);
		if (!aligned) {
			failedAlignments.push(b);
			zSamples.fill(NaN, b * m * k, (b + 1) * m * k);
			continue;
		}
		const loadings = { rows: n, columns: k, data: aligned };
		const { flags } = autoFlag(loadings, m, sampleIds, options.flagLevel);
		const scores = factorScores({ ...data, sortIds: sampleIds, values: sampleValues }, loadings, flags);
		zSamples.set(scores.zScores, b * m * k);
		const seen = new Set<number>();
		drawn.forEach((source, i) => {
			if (seen.has(source)) return;
			seen.add(source);
			appearances[source]++;
			for (let f = 0; f < k; f++) {
				loadingSamples[b * n * k + source * k + f] = aligned[i * k + f];
				if (flags[i][f]) flagged[source * k + f]++;
			}
		});
	}

	const z = summarise(zSamples, resamples, m * k, true);
	const bias = z.mean.map((mean, cell) => full.zScores[cell] - mean);
	const loading = summarise(loadingSamples, resamples, n * k, false);
	const flagFrequency = flagged.map((count, cell) => count / appearances[Math.floor(cell / k)]);
	const meanDefining = new Float64Array(m * k);
	const { arrays } = factorArrays(z.mean, meanDefining, data.distribution, m, k);
	return {
		seed,
		resamples,
		alignment,
		failedAlignments,
		zMean: z.mean,
		zStandardError: z.standardError,
		zStandardErrorPrecision: z.precision,
		zLower: z.lower,
		zUpper: z.upper,
		bias,
		arrays,
		loadingMean: loading.mean,
		loadingStandardError: loading.standardError,
		loadingStandardErrorPrecision: loading.precision,
		flagFrequency,
		appearances
	};
}

interface Summary {
	mean: Float64Array;
	standardError: Float64Array;
	precision: Float64Array;
	lower: Float64Array;
	upper: Float64Array;
}

/**
 * Per cell, over the resamples where it is not NaN: mean, sample SD (the bootstrap standard error),
 * the Monte Carlo error of that SD, `s·√((κ − 1)/(4N))` with κ the cell's sample kurtosis (the
 * large-N standard error of a sample SD), and optionally the 2.5 % and 97.5 % quantiles.
 */
function summarise(samples: Float64Array, resamples: number, cells: number, withQuantiles: boolean): Summary {
	const result = {
		mean: new Float64Array(cells),
		standardError: new Float64Array(cells),
		precision: new Float64Array(cells),
		lower: new Float64Array(withQuantiles ? cells : 0),
		upper: new Float64Array(withQuantiles ? cells : 0)
	};
	const column: number[] = [];
	for (let cell = 0; cell < cells; cell++) {
		column.length = 0;
		for (let b = 0; b < resamples; b++) {
			const value = samples[b * cells + cell];
			if (!Number.isNaN(value)) column.push(value);
		}
		const count = column.length;
		const mean = count ? column.reduce((a, v) => a + v, 0) / count : NaN;
		let second = 0;
		let fourth = 0;
		for (const value of column) {
			const d2 = (value - mean) ** 2;
			second += d2;
			fourth += d2 * d2;
		}
		const sd = count > 1 ? Math.sqrt(second / (count - 1)) : NaN;
		const kurtosis = second > 0 ? (count * fourth) / (second * second) : 3;
		result.mean[cell] = mean;
		result.standardError[cell] = sd;
		result.precision[cell] = count > 1 ? sd * Math.sqrt(Math.max(kurtosis - 1, 0) / (4 * count)) : NaN;
		if (withQuantiles) {
			column.sort((a, b) => a - b);
			result.lower[cell] = count ? quantile(column, 0.025) : NaN;
			result.upper[cell] = count ? quantile(column, 0.975) : NaN;
		}
	}
	return result;
}

/** The bootstrap block of the CLI's JSON: matrices as arrays of rows, in the analysis's factor order; NaN → null. */
export interface BootstrapJson {
	resamples: number;
	resamplesNotAligned: number;
	alignment: BootstrapAlignment;
	seed: number;
	/** [statement][factor]: SD of the z-scores over the aligned resamples. */
	zScoreSE: (number | null)[][];
	/** [sort][factor]: SD of the sort's loading over the aligned resamples that contain it. */
	loadingSE: (number | null)[][];
	/** [sort][factor]: share of the aligned resamples containing the sort in which it is flagged on the factor. */
	flagFrequency: (number | null)[][];
}

export function toBootstrapJson(result: BootstrapResult, factors: number): BootstrapJson {
	const rows = (values: Float64Array) =>
		Array.from({ length: values.length / factors }, (_, r) =>
			Array.from(values.subarray(r * factors, r * factors + factors), (v) => (Number.isFinite(v) ? v : null))
		);
	return {
		resamples: result.resamples,
		resamplesNotAligned: result.failedAlignments.length,
		alignment: result.alignment,
		seed: result.seed,
		zScoreSE: rows(result.zStandardError),
		loadingSE: rows(result.loadingStandardError),
		flagFrequency: rows(result.flagFrequency)
	};
}
