import { polarFactor } from '../internal/matrix.js';
import { orientFactors } from '../orientation.js';
import type { LoadingMatrix } from '../types.js';
import { varimaxCriterion, type VarimaxResult } from './varimax.js';

/**
 * Varimax as R's `stats::varimax(x, normalize = TRUE, eps)` computes it, for results that must
 * match qmethod (its centroid path and `qmboots`): rows scaled to unit length, then the whole
 * rotation T updated at once, `B = xᵀ(z³ − z·diag(Σ z²)/n)` with `z = x T`, `T ← U Vᵀ` from the
 * SVD of B, until the sum of singular values grows by less than the factor 1 + eps (at most 1000
 * passes). With eps = 1e-5 it stops before the optimum that `varimax()` reaches (differences of a
 * few thousandths in small factors); docs/methods.md, "Rotation".
 */
export function varimaxLikeR(unrotated: LoadingMatrix, eps = 1e-5): VarimaxResult {
	const { rows: n, columns: k } = unrotated;
	const x = Float64Array.from(unrotated.data);
	const lengths = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = 0;
		for (let f = 0; f < k; f++) sum += x[i * k + f] ** 2;
		lengths[i] = Math.sqrt(sum);
		if (lengths[i] > 0) for (let f = 0; f < k; f++) x[i * k + f] /= lengths[i];
	}
	let rotation: Float64Array = new Float64Array(k * k);
	for (let f = 0; f < k; f++) rotation[f * k + f] = 1;
	const z = new Float64Array(n * k);
	const columnSquares = new Float64Array(k);
	const b = new Float64Array(k * k);
	let d = 0;
	let sweeps = 0;
	let converged = k < 2;
	while (!converged && sweeps < 1000) {
		sweeps++;
		multiply(x, rotation, z, n, k);
		columnSquares.fill(0);
		for (let i = 0; i < n; i++) for (let f = 0; f < k; f++) columnSquares[f] += z[i * k + f] ** 2;
		b.fill(0);
		for (let i = 0; i < n; i++) {
			for (let f = 0; f < k; f++) {
				const zf = z[i * k + f];
				const target = zf ** 3 - (zf * columnSquares[f]) / n;
				for (let p = 0; p < k; p++) b[p * k + f] += x[i * k + p] * target;
			}
		}
		const polar = polarFactor(b, k);
		rotation = polar.rotation;
		const previous = d;
		d = polar.singularValueSum;
		converged = d < previous * (1 + eps);
	}
	const data = new Float64Array(n * k);
	multiply(x, rotation, data, n, k);
	const criterion = varimaxCriterion(data, n, k);
	for (let i = 0; i < n; i++) for (let f = 0; f < k; f++) data[i * k + f] *= lengths[i];
	const loadings = { rows: n, columns: k, data };
	orientFactors(loadings, { rows: k, data: rotation });
	return { loadings, rotation, criterion, sweeps, converged };
}

function multiply(x: Float64Array, rotation: Float64Array, out: Float64Array, n: number, k: number): void {
	out.fill(0);
	for (let i = 0; i < n; i++)
		for (let p = 0; p < k; p++) for (let f = 0; f < k; f++) out[i * k + f] += x[i * k + p] * rotation[p * k + f];
}
