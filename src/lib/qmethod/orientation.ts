import type { LoadingMatrix } from './types.js';

/**
 * Orients every factor so that the sum of its signed squared loadings is positive,
 * `Σ_i a_if·|a_if| > 0` (the KADE rule, docs/methods.md §3.1/§4.1). Factors are never re-ordered.
 * Returns the indices of the flipped factors; `loadings` is changed in place, and so is the
 * k-column matrix `alsoFlip` (e.g. a rotation matrix) when given.
 */
export function orientFactors(loadings: LoadingMatrix, alsoFlip?: { rows: number; data: Float64Array }): number[] {
	const { rows, columns: k, data } = loadings;
	const flipped: number[] = [];
	for (let f = 0; f < k; f++) {
		let signedSquares = 0;
		for (let i = 0; i < rows; i++) {
			const a = data[i * k + f];
			signedSquares += a * Math.abs(a);
		}
		if (signedSquares < 0) {
			flipped.push(f);
			for (let i = 0; i < rows; i++) data[i * k + f] = -data[i * k + f];
			if (alsoFlip) for (let r = 0; r < alsoFlip.rows; r++) alsoFlip.data[r * k + f] = -alsoFlip.data[r * k + f];
		}
	}
	return flipped;
}

/** Sum of squared loadings per factor ("eigenvalue" of a rotated or centroid factor). */
export function columnSumsOfSquares(loadings: LoadingMatrix): Float64Array {
	const { rows, columns: k, data } = loadings;
	const sums = new Float64Array(k);
	for (let i = 0; i < rows; i++) for (let f = 0; f < k; f++) sums[f] += data[i * k + f] ** 2;
	return sums;
}

/** Communalities `h_i² = Σ_f a_if²`, one per sort. */
export function communalities(loadings: LoadingMatrix): Float64Array {
	const { rows, columns: k, data } = loadings;
	const result = new Float64Array(rows);
	for (let i = 0; i < rows; i++) {
		let sum = 0;
		for (let f = 0; f < k; f++) sum += data[i * k + f] ** 2;
		result[i] = sum;
	}
	return result;
}

/** Row-major copy of a loading matrix as nested arrays (for JSON). */
export function loadingRows(loadings: LoadingMatrix): number[][] {
	const { rows, columns: k, data } = loadings;
	return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * k, i * k + k)));
}

/** A loading matrix from nested rows (copies). */
export function loadingMatrix(rows: ReadonlyArray<ArrayLike<number>>): LoadingMatrix {
	const k = rows.length ? rows[0].length : 0;
	const data = new Float64Array(rows.length * k);
	rows.forEach((row, i) => {
		for (let f = 0; f < k; f++) data[i * k + f] = row[f];
	});
	return { rows: rows.length, columns: k, data };
}
