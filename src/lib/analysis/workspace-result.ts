import {
	communalities,
	correlationEigenvalues,
	correlationFromScaled,
	loadingRows,
	toAnalysisJson,
	unitScaledSorts,
	type FullAnalysis,
	type QSortData
} from '../qmethod/index.js';
import { runRequest } from './pipeline.js';
import { parallelAnalysis, retentionAids, type RetentionAids } from './retention.js';
import type { AnalysisRequest, AnalysisResult } from './types.js';

/** Per statement and factor: is it distinguishing, at which level, and is the factor higher or lower. */
export interface DistinguishingMark {
	/** 0 not distinguishing, 1 p < .05, 2 p < .01 against every other factor. */
	level: 0 | 1 | 2;
	/** ▲ the factor ranks it higher than every other factor, ▼ lower (by z-score). */
	direction: 'up' | 'down' | null;
}

/** Everything the workspace shows, as plain serialisable data (built in the worker). */
export interface WorkspaceResult {
	/** Exactly the API's/CLI's result for the same request. */
	result: AnalysisResult;
	correlations: number[][];
	unrotated: number[][];
	/** All eigenvalues of the correlation matrix (decreasing), for the scree plot and Kaiser–Guttman. */
	allEigenvalues: number[];
	communalities: number[];
	weights: number[][];
	tied: boolean[][];
	marks: DistinguishingMark[][];
	/** 1-based statement numbers not significant for any pair at p < .01 (PQMethod's consensus list). */
	consensus01: number[];
	factorCorrelations: (number | null)[][];
	sed: (number | null)[][];
	cribSheets: { top: number[]; bottom: number[]; rankedHigher: number[]; rankedLower: number[] }[];
	aids: RetentionAids;
	/** Milliseconds the engine took (not counting parallel analysis when cached). */
	elapsedMs: number;
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);
const square = (data: Float64Array, k: number) =>
	Array.from({ length: k }, (_, f) => Array.from(data.subarray(f * k, f * k + k), finite));

/** Distinguishing marks from the engine's pairwise significance levels. */
export function distinguishingMarks(full: FullAnalysis): DistinguishingMark[][] {
	const m = full.data.nStatements;
	const k = full.loadings.columns;
	const { pairSignificance, distinguishing05, distinguishing01 } = full.classification;
	const d05 = distinguishing05.map((list) => new Set(list));
	const d01 = distinguishing01.map((list) => new Set(list));
	return Array.from({ length: m }, (_, s) =>
		Array.from({ length: k }, (_, f): DistinguishingMark => {
			const level = d01[f].has(s) ? 2 : d05[f].has(s) ? 1 : 0;
			if (!level) return { level: 0, direction: null };
			const z = full.zScores[s * k + f];
			let higher = true;
			for (let g = 0; g < k; g++)
				if (g !== f && pairSignificance[(s * k + f) * k + g] && full.zScores[s * k + g] >= z) higher = false;
			return { level, direction: higher ? 'up' : 'down' };
		})
	);
}

/**
 * Runs a request and gathers the workspace's tables. `parallel` may be passed in from a cache, since
 * it depends on the data only.
 */
export function buildWorkspaceResult(
	input: QSortData,
	request: AnalysisRequest,
	cachedParallel?: RetentionAids['parallel']
): WorkspaceResult {
	const started = Date.now();
	const full = runRequest(input, request);
	const { data } = full;
	const n = data.nSorts;
	const m = data.nStatements;
	const k = full.loadings.columns;
	const unrotated = loadingRows(full.unrotated);
	const rotated = loadingRows(full.loadings);
	const scaled = unitScaledSorts(data, 'pearson');
	// The spectrum of R for every extraction: centroid factors are not eigenvectors, but the scree and the
	// Kaiser–Guttman aid are about R itself (docs/methods.md §9).
	const scree =
		request.extraction === 'pca' ? Array.from(full.allEigenvalues) : Array.from(correlationEigenvalues(scaled, n, m));
	const correlations = correlationFromScaled(scaled, n, m);
	const elapsedMs = Date.now() - started;
	const aids = retentionAids(data, scree, unrotated, rotated, cachedParallel ?? parallelAnalysis(data));
	return {
		result: toAnalysisJson(full),
		correlations: Array.from({ length: n }, (_, i) => Array.from(correlations.data.subarray(i * n, i * n + n))),
		unrotated,
		allEigenvalues: scree,
		communalities: Array.from(communalities(full.loadings)),
		weights: Array.from({ length: n }, (_, i) => Array.from(full.weights.subarray(i * k, i * k + k))),
		tied: Array.from({ length: m }, (_, s) => Array.from(full.tied.subarray(s * k, s * k + k), (t) => t !== 0)),
		marks: distinguishingMarks(full),
		consensus01: full.classification.consensus01.map((s) => s + 1),
		factorCorrelations: square(full.factorCorrelations, k),
		sed: square(full.sed, k),
		cribSheets: full.cribSheets.map((sheet) => ({
			top: sheet.top.map((s) => s + 1),
			bottom: sheet.bottom.map((s) => s + 1),
			rankedHigher: sheet.rankedHigher.map((s) => s + 1),
			rankedLower: sheet.rankedLower.map((s) => s + 1)
		})),
		aids,
		elapsedMs
	};
}
