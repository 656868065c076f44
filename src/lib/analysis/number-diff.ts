import type { AnalysisResult } from './types.js';

/**
 * Two computations of the same analysis agree when every number agrees to within this tolerance,
 * relative to max(1, |x|): 1e-9 absolute for loadings, z-scores and correlations (all ≤ 1 or a few units),
 * relative for larger numbers such as explained variance in percent. The browser's JavaScript engine and the
 * server's may round the last bit of Math functions differently; on the demo study that gives differences up
 * to 4e-15, far below this tolerance, which is in turn far below the 2–4 decimals any screen or export shows
 * and the 1e-4 to which the results agree with qmethod. Everything that is not a number (flags, factor
 * arrays, statement lists, warnings) must be exactly equal.
 */
export const NUMBER_TOLERANCE = 1e-9;

/** The differences found in one top-level field of the result (`loadings`, `flagged`, …). */
export interface FieldDifference {
	field: string;
	/** How many values differ: numbers beyond the tolerance, anything else that is not equal. */
	count: number;
	/** The largest absolute difference between numbers; null when only non-numbers differ. */
	largest: number | null;
	/** Indices below the field of the largest (or first) difference, e.g. [11, 1] for loadings[11][1]. */
	at: (number | string)[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Compares two analysis results value by value (object key order does not matter) and lists, per field,
 * how many values differ and by how much. An empty list means the results are the same numbers.
 */
export function numberDifferences(
	a: AnalysisResult,
	b: AnalysisResult,
	tolerance = NUMBER_TOLERANCE
): FieldDifference[] {
	const byField = new Map<string, FieldDifference>();
	const record = (path: (number | string)[], size: number | null) => {
		const [field, ...at] = path;
		const entry = byField.get(String(field)) ?? { field: String(field), count: 0, largest: null, at };
		entry.count++;
		if (size !== null && (entry.largest === null || size > entry.largest)) {
			entry.largest = size;
			entry.at = at;
		}
		byField.set(entry.field, entry);
	};
	const walk = (x: unknown, y: unknown, path: (number | string)[]) => {
		if (typeof x === 'number' && typeof y === 'number') {
			const size = Math.abs(x - y);
			// NaN never equals itself: two NaN (or equal infinities) are the same value; one of them is not.
			if (Object.is(x, y) || x === y) return;
			if (!(size <= tolerance * Math.max(1, Math.abs(x), Math.abs(y))))
				record(path, Number.isFinite(size) ? size : null);
			return;
		}
		if (Array.isArray(x) && Array.isArray(y)) {
			for (let i = 0; i < Math.max(x.length, y.length); i++) {
				if (i >= x.length || i >= y.length) record([...path, i], null);
				else walk(x[i], y[i], [...path, i]);
			}
			return;
		}
		if (isRecord(x) && isRecord(y)) {
			for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
				if (x[key] === undefined && y[key] === undefined) continue;
				walk(x[key], y[key], [...path, key]);
			}
			return;
		}
		if (x !== y) record(path, null);
	};
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		walk((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key], [key]);
	}
	return [...byField.values()];
}

/** Whether two results carry the same numbers to within NUMBER_TOLERANCE (and equal everything else). */
export function sameNumbers(a: AnalysisResult, b: AnalysisResult): boolean {
	return numberDifferences(a, b).length === 0;
}
