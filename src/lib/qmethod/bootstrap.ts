import { analyze, type AnalysisOptions } from './analysis.js';
import { unitScaledSorts } from './correlation.js';
import { QMethodInputError } from './errors.js';
import { extractPrincipalComponents } from './extraction/pca.js';
import { factorArrays } from './factor-arrays.js';
import { factorScores } from './factor-scores.js';
import { autoFlag } from './flagging.js';
import { procrustesRotation } from './internal/matrix.js';
import { seededRandom, shuffleInPlace } from './random.js';
import { quantile } from './retention.js';
import { varimax } from './rotation/varimax.js';
import type { QSortData } from './types.js';

export interface BootstrapOptions {
	factors: number;
	/** Number of resamples B. Default 1000. */
	resamples?: number;
	seed?: number;
	flagLevel?: AnalysisOptions['flagLevel'];
}

export interface BootstrapResult {
	seed: number;
	resamples: number;
	/** Steps whose Procrustes rotation was not close to a one-to-one factor matching (excluded). */
	failedAlignments: number[];
	/** m × k (row-major) summaries of the z-scores over successful steps. */
	zMean: Float64Array;
	zStandardError: Float64Array;
	zLower: Float64Array;
	zUpper: Float64Array;
	/** Full-sample z minus bootstrap mean. */
	bias: Float64Array;
	/** Factor array from the bootstrap mean z-scores. */
	arrays: Float64Array;
	/** n × k: mean and SD of each sort's aligned loadings, and the share of steps containing the sort in which it was flagged. */
	loadingMean: Float64Array;
	loadingStandardError: Float64Array;
	flagFrequency: Float64Array;
}

/**
 * Bootstrap of a PCA + varimax solution (Zabala & Pascual 2016; spec §10). Balanced resampling:
 * B copies of 1…n shuffled and cut into B samples of n. Each sample: PCA (m × m cross-product),
 * varimax, orthogonal Procrustes alignment to the full-sample loadings of the drawn sorts, auto
 * flagging, z-scores. A step fails when the largest entries of the Procrustes matrix do not pick
 * distinct factors (the resampled factors do not map one-to-one onto the target); failed steps
 * are reported and left out. Seeded and deterministic.
 * @throws QMethodInputError invalid_option
 */
export function bootstrap(input: QSortData, options: BootstrapOptions): BootstrapResult {
	const resamples = options.resamples ?? 1000;
	const seed = options.seed ?? 1;
	if (!Number.isInteger(resamples) || resamples < 2) throw new QMethodInputError('invalid_option', 'bootstrap requires at least 2 resamples');
	const full = analyze(input, { factors: options.factors, flagLevel: options.flagLevel });
	const { data } = full;
	const { nStatements: m, nSorts: n, sortIds } = data;
	const k = options.factors;
	const scaled = unitScaledSorts(data);
	const random = seededRandom(seed);
	const pool = new Uint32Array(resamples * n);
	for (let b = 0; b < resamples; b++) for (let i = 0; i < n; i++) pool[b * n + i] = i;
	shuffleInPlace(pool, random);

	const zSamples = new Float64Array(resamples * m * k);
	const loadingSum = new Float64Array(n * k);
	const loadingSquares = new Float64Array(n * k);
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
		const rotated = k > 1 ? varimax(unrotated).loadings : unrotated;
		const rotation = procrustesRotation(rotated.data, target, n, k);
		if (!isOneToOne(rotation, k)) {
			failedAlignments.push(b);
			zSamples.fill(NaN, b * m * k, (b + 1) * m * k);
			continue;
		}
		const aligned = new Float64Array(n * k);
		for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) for (let t = 0; t < k; t++) aligned[i * k + c] += rotated.data[i * k + t] * rotation[t * k + c];
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
				const a = aligned[i * k + f];
				loadingSum[source * k + f] += a;
				loadingSquares[source * k + f] += a * a;
				if (flags[i][f]) flagged[source * k + f]++;
			}
		});
	}

	const zMean = new Float64Array(m * k);
	const zStandardError = new Float64Array(m * k);
	const zLower = new Float64Array(m * k);
	const zUpper = new Float64Array(m * k);
	const column: number[] = [];
	for (let cell = 0; cell < m * k; cell++) {
		column.length = 0;
		for (let b = 0; b < resamples; b++) {
			const z = zSamples[b * m * k + cell];
			if (!Number.isNaN(z)) column.push(z);
		}
		const count = column.length;
		const mean = count ? column.reduce((a, v) => a + v, 0) / count : NaN;
		zMean[cell] = mean;
		zStandardError[cell] = count > 1 ? Math.sqrt(column.reduce((a, v) => a + (v - mean) ** 2, 0) / (count - 1)) : NaN;
		column.sort((a, b) => a - b);
		zLower[cell] = count ? quantile(column, 0.025) : NaN;
		zUpper[cell] = count ? quantile(column, 0.975) : NaN;
	}
	const bias = zMean.map((mean, cell) => full.zScores[cell] - mean);
	const loadingMean = loadingSum.map((sum, cell) => sum / appearances[Math.floor(cell / k)]);
	const loadingStandardError = loadingSquares.map((squares, cell) => {
		const count = appearances[Math.floor(cell / k)];
		return count > 1 ? Math.sqrt(Math.max(0, (squares - count * loadingMean[cell] ** 2) / (count - 1))) : NaN;
	});
	const flagFrequency = flagged.map((count, cell) => count / appearances[Math.floor(cell / k)]);
	const meanDefining = new Float64Array(m * k);
	const { arrays } = factorArrays(zMean, meanDefining, data.distribution, m, k);
	return { seed, resamples, failedAlignments, zMean, zStandardError, zLower, zUpper, bias, arrays, loadingMean, loadingStandardError, flagFrequency };
}

/** True when the largest |entry| of every column sits in a different row. */
function isOneToOne(rotation: Float64Array, k: number): boolean {
	const rows = new Set<number>();
	for (let c = 0; c < k; c++) {
		let best = 0;
		for (let r = 1; r < k; r++) if (Math.abs(rotation[r * k + c]) > Math.abs(rotation[best * k + c])) best = r;
		rows.add(best);
	}
	return rows.size === k;
}
