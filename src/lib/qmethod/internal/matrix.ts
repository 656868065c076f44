import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { tridiagonalQlEigen } from './symmetric-eigen.js';

/** The only file that touches ml-matrix classes: plain typed arrays in and out. */

/**
 * Eigen-decomposition of a symmetric size × size matrix (row-major; tred2/tql2 in
 * symmetric-eigen.ts). Eigenvalues come back in
 * decreasing order; `vectors[r * size + c]` is component r of eigenvector c.
 */
export function symmetricEigen(data: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
	const { values: raw, vectors: rawVectors } = tridiagonalQlEigen(data, size);
	const order = Array.from({ length: size }, (_, c) => c).sort((a, b) => raw[b] - raw[a]);
	const values = new Float64Array(size);
	const vectors = new Float64Array(size * size);
	order.forEach((source, target) => {
		values[target] = raw[source];
		for (let r = 0; r < size; r++) vectors[r * size + target] = rawVectors[r * size + source];
	});
	return { values, vectors };
}

/**
 * Orthogonal Procrustes rotation: the k × k orthogonal T minimising ‖A T − B‖ for n × k row-major
 * A and B, `T = U Vᵀ` from the SVD of `Aᵀ B = U S Vᵀ` (Schönemann 1966).
 */
export function procrustesRotation(a: Float64Array, b: Float64Array, rows: number, k: number): Float64Array {
	const cross = new Float64Array(k * k);
	for (let p = 0; p < k; p++) {
		for (let q = 0; q < k; q++) {
			let sum = 0;
			for (let i = 0; i < rows; i++) sum += a[i * k + p] * b[i * k + q];
			cross[p * k + q] = sum;
		}
	}
	return polarFactor(cross, k).rotation;
}

/**
 * The orthogonal factor U Vᵀ of a k × k matrix's SVD U D Vᵀ (row-major), and Σ D. R's
 * `La.svd(B); u %*% vt` gives the same matrix whenever B is non-singular.
 */
export function polarFactor(matrix: Float64Array, k: number): { rotation: Float64Array; singularValueSum: number } {
	// Fast path: BᵀB = V Λ Vᵀ, U Vᵀ = B V Λ^(−1/2) Vᵀ and Σ D = Σ √λ; the SVD below when B is (nearly) singular.
	const gram = new Float64Array(k * k);
	for (let p = 0; p < k; p++)
		for (let q = 0; q < k; q++) for (let r = 0; r < k; r++) gram[p * k + q] += matrix[r * k + p] * matrix[r * k + q];
	const { values, vectors } = symmetricEigen(gram, k);
	if (values[k - 1] > 1e-6 * values[0]) {
		const inverseRoot = new Float64Array(k * k);
		for (let p = 0; p < k; p++)
			for (let q = 0; q < k; q++)
				for (let c = 0; c < k; c++)
					inverseRoot[p * k + q] += (vectors[p * k + c] * vectors[q * k + c]) / Math.sqrt(values[c]);
		return {
			rotation: multiplyMatrices(matrix, inverseRoot, k, k, k),
			singularValueSum: values.reduce((sum, value) => sum + Math.sqrt(value), 0)
		};
	}
	const svd = new SingularValueDecomposition(
		new Matrix(Array.from({ length: k }, (_, r) => Array.from(matrix.subarray(r * k, r * k + k)))),
		{ autoTranspose: false }
	);
	const product = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
	const rotation = new Float64Array(k * k);
	for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) rotation[p * k + q] = product.get(p, q);
	return { rotation, singularValueSum: svd.diagonal.reduce((sum, value) => sum + value, 0) };
}

/** The k × k identity, row-major. */
export function identityMatrix(k: number): Float64Array {
	const result = new Float64Array(k * k);
	for (let f = 0; f < k; f++) result[f * k + f] = 1;
	return result;
}

/** (rows × inner) · (inner × columns), row-major. */
export function multiplyMatrices(
	a: Float64Array,
	b: Float64Array,
	rows: number,
	inner: number,
	columns: number
): Float64Array {
	const result = new Float64Array(rows * columns);
	for (let r = 0; r < rows; r++)
		for (let c = 0; c < columns; c++)
			for (let t = 0; t < inner; t++) result[r * columns + c] += a[r * inner + t] * b[t * columns + c];
	return result;
}
