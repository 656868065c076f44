import { QMethodInputError } from './errors.js';
import type { AnalysisWarning, FlagLevel, LoadingMatrix } from './types.js';

/** Critical z values: 1.96 (p < .05) and 2.58 (p < .01, Brown 1980 / PQMethod). */
export const CRITICAL_Z: Record<FlagLevel, number> = { 0.05: 1.96, 0.01: 2.58 };

/** Loading significance threshold `z_α / sqrt(m)` (Brown 1980: SE of a correlation over m statements). */
export function significanceThreshold(nStatements: number, level: FlagLevel = 0.05): number {
	return CRITICAL_Z[level] / Math.sqrt(nStatements);
}

export interface FlagResult {
	/** flags[i][f]: sort i defines factor f. */
	flags: boolean[][];
	warnings: AnalysisWarning[];
}

/**
 * Automatic pre-flagging (qmethod `qflag`, KADE default; docs/methods.md §5.1): sort i defines factor f iff
 * `|a_if| > z_α/√m` and `a_if² > h_i² − a_if²` (majority of common variance). Both strict.
 * Negative loaders are flagged too (they enter the composite with negative weight) and warned
 * about. Loadings with |a| ≥ 1 (Heywood) are never flagged automatically. Matches qmethod 1.8.4
 * `qflag` exactly on Lipset (tests/qmethod/lipset-reference.test.ts).
 */
export function autoFlag(
	loadings: LoadingMatrix,
	nStatements: number,
	sortIds: readonly string[],
	level: FlagLevel = 0.05
): FlagResult {
	const { rows: n, columns: k, data } = loadings;
	const threshold = significanceThreshold(nStatements, level);
	const flags: boolean[][] = [];
	for (let i = 0; i < n; i++) {
		let communality = 0;
		for (let f = 0; f < k; f++) communality += data[i * k + f] ** 2;
		const row: boolean[] = [];
		for (let f = 0; f < k; f++) {
			const a = data[i * k + f];
			row.push(Math.abs(a) > threshold && a * a > communality - a * a && Math.abs(a) < 1);
		}
		flags.push(row);
	}
	return { flags, warnings: flagWarnings(loadings, flags, nStatements, sortIds, level) };
}

/**
 * Checks manual flags (a researcher's override) and returns warnings for them.
 * @throws QMethodInputError invalid_flags (shape), heywood_loading (a flagged |a| ≥ 1 cannot be weighted)
 */
export function checkManualFlags(
	loadings: LoadingMatrix,
	flags: ReadonlyArray<ReadonlyArray<boolean>>,
	nStatements: number,
	sortIds: readonly string[],
	level: FlagLevel = 0.05
): AnalysisWarning[] {
	const { rows: n, columns: k, data } = loadings;
	if (flags.length !== n || flags.some((row) => row.length !== k)) {
		throw new QMethodInputError('invalid_flags', `flags must be ${n} rows of ${k} booleans`);
	}
	for (let i = 0; i < n; i++) {
		for (let f = 0; f < k; f++) {
			if (flags[i][f] && Math.abs(data[i * k + f]) >= 1) {
				throw new QMethodInputError(
					'heywood_loading',
					`Q-sort "${sortIds[i]}" is flagged on factor ${f + 1} with loading ${data[i * k + f].toFixed(4)}; |loading| ≥ 1 cannot be weighted`
				);
			}
		}
	}
	return flagWarnings(loadings, flags, nStatements, sortIds, level);
}

function flagWarnings(
	loadings: LoadingMatrix,
	flags: ReadonlyArray<ReadonlyArray<boolean>>,
	nStatements: number,
	sortIds: readonly string[],
	level: FlagLevel
): AnalysisWarning[] {
	const { rows: n, columns: k, data } = loadings;
	const threshold = significanceThreshold(nStatements, level);
	const warnings: AnalysisWarning[] = [];
	const negative: string[] = [];
	const confounded: string[] = [];
	const doubly: string[] = [];
	const heywood: string[] = [];
	const defining = new Array<number>(k).fill(0);
	for (let i = 0; i < n; i++) {
		let significant = 0;
		let flagCount = 0;
		for (let f = 0; f < k; f++) {
			const a = data[i * k + f];
			if (Math.abs(a) > threshold) significant++;
			if (Math.abs(a) >= 1) heywood.push(`${sortIds[i]} (factor ${f + 1})`);
			if (!flags[i][f]) continue;
			flagCount++;
			defining[f]++;
			if (a < 0) negative.push(`${sortIds[i]} (factor ${f + 1})`);
		}
		if (significant > 1) confounded.push(sortIds[i]);
		if (flagCount > 1) doubly.push(sortIds[i]);
	}
	if (negative.length) {
		warnings.push({
			code: 'negative_loading_flagged',
			message: `Q-sorts flagged with a negative loading enter their factor reversed: ${list(negative)}; consider inverting or splitting the factor`
		});
	}
	if (doubly.length)
		warnings.push({ code: 'sort_flagged_twice', message: `Q-sorts flagged on more than one factor: ${list(doubly)}` });
	if (confounded.length) {
		warnings.push({
			code: 'confounded_sorts',
			message: `Q-sorts loading significantly on more than one factor: ${list(confounded)}`
		});
	}
	if (heywood.length) {
		warnings.push({
			code: 'heywood_loading',
			message: `loadings with |a| ≥ 1 (Heywood case), not flagged: ${list(heywood)}`
		});
	}
	defining.forEach((count, f) => {
		if (count === 0)
			warnings.push({
				code: 'factor_without_defining_sorts',
				message: `factor ${f + 1} has no defining Q-sort, so it has no scores`
			});
		if (count === 1) {
			warnings.push({
				code: 'factor_with_one_defining_sort',
				message: `factor ${f + 1} has one defining Q-sort; its array reproduces that one person's sort`
			});
		}
	});
	return warnings;
}

function list(items: string[]): string {
	return items.length > 10 ? `${items.slice(0, 10).join(', ')} and ${items.length - 10} more` : items.join(', ');
}
