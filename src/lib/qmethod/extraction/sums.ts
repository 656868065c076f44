/**
 * Σ values with Neumaier's compensated summation: the error stays at about one rounding of the
 * result, like R's `sum`/`colSums`, which accumulate in long double. The centroid's reflection
 * decisions rest on column sums of order 1e-6 made of terms of order 1, so plain left-to-right
 * summation would let rounding, not the data, choose.
 */
export function accurateSum(values: ArrayLike<number>): number {
	let sum = 0;
	let compensation = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		const next = sum + value;
		compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
		sum = next;
	}
	return sum + compensation;
}

/** Column sums of the row-major n × n matrix, each summed accurately (R's `colSums`). */
export function columnSums(matrix: Float64Array, n: number, sums: Float64Array, scratch: Float64Array): void {
	for (let j = 0; j < n; j++) {
		for (let i = 0; i < n; i++) scratch[i] = matrix[i * n + j];
		sums[j] = accurateSum(scratch);
	}
}
