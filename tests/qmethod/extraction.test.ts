// Expected values: spec §12.3 (PCA, recomputed; eigen and SVD routes agree to 4e-15) and
// §12.7 (Brown centroid; KADE's unit-test fixture for factor 1 at tolerance 0.001; "converged"
// columns). Tolerance 1e-4 (the spec prints 4 decimals) unless stated.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
	correlationMatrix,
	extractCentroid,
	extractPrincipalComponents,
	unitScaledSorts,
	validateSorts
} from '../../src/lib/qmethod/index.js';
import { generatedStudy, grid } from './generated.js';
import { lipsetDat } from './lipset.js';

const lipset = () => validateSorts(lipsetDat());

function expectColumnsClose(actual: Float64Array, k: number, expected: number[][], tolerance: number): void {
	expected.forEach((row, i) =>
		row.forEach((value, f) =>
			expect(Math.abs(actual[i * k + f] - value), `sort ${i + 1}, factor ${f + 1}`).toBeLessThan(tolerance)
		)
	);
}

describe('extractPrincipalComponents', () => {
	it('reproduces the Lipset eigenvalues and unrotated loadings of spec §12.3', () => {
		const data = lipset();
		const result = extractPrincipalComponents(unitScaledSorts(data), 9, 33, 3);
		expect(Array.from(result.allEigenvalues, (v) => Number(v.toFixed(4)))).toEqual([
			2.3838, 2.0153, 1.3408, 1.1274, 0.7322, 0.5117, 0.4013, 0.3196, 0.1679
		]);
		expect(result.allEigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(9, 12);
		expectColumnsClose(
			result.loadings.data,
			3,
			[
				[-0.481, 0.6065, 0.2281],
				[-0.5008, 0.3915, 0.5417],
				[0.3876, 0.6675, -0.2654],
				[0.4162, 0.7249, 0.1708],
				[-0.5253, -0.5997, 0.289],
				[0.6907, -0.1072, 0.5914],
				[0.711, -0.1821, 0.386],
				[-0.5647, 0.3201, 0.2337],
				[-0.0268, 0.1277, -0.5087]
			],
			1e-4
		);
	});

	it.each([
		[30, 24, 3],
		[200, 40, 4],
		[12, 40, 5]
	])('matches a full eigen-decomposition of R on generated data (n=%s, m=%s, k=%s) within 1e-10', (n, m, k) => {
		const heights = m === 24 ? [2, 3, 4, 6, 4, 3, 2] : [2, 3, 4, 5, 6, 5, 6, 4, 3, 2];
		const study = generatedStudy({
			sorts: n,
			distribution: grid(-Math.floor(heights.length / 2), heights),
			viewpoints: k,
			seed: n
		});
		const data = validateSorts(study);
		const result = extractPrincipalComponents(unitScaledSorts(data), n, m, k);
		const r = correlationMatrix(data);
		const evd = new EigenvalueDecomposition(
			new Matrix(Array.from({ length: n }, (_, i) => Array.from(r.data.subarray(i * n, i * n + n)))),
			{ assumeSymmetric: true }
		);
		const values = [...evd.realEigenvalues].map((v, c) => ({ v, c })).sort((a, b) => b.v - a.v);
		for (let f = 0; f < k; f++) {
			expect(Math.abs(result.eigenvalues[f] - values[f].v)).toBeLessThan(1e-10);
			const vector = Array.from(
				{ length: n },
				(_, i) => evd.eigenvectorMatrix.get(i, values[f].c) * Math.sqrt(values[f].v)
			);
			const sign = vector.reduce((s, a) => s + a * Math.abs(a), 0) < 0 ? -1 : 1;
			vector.forEach((a, i) => expect(Math.abs(result.loadings.data[i * k + f] - sign * a)).toBeLessThan(1e-10));
		}
		// Explained variance of all components sums to n (the trace of R), within rank min(n, m − 1).
		expect(result.allEigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(n, 8);
	});

	it('orients each component so that Σ a|a| > 0', () => {
		const result = extractPrincipalComponents(unitScaledSorts(lipset()), 9, 33, 5);
		for (let f = 0; f < 5; f++) {
			let sum = 0;
			for (let i = 0; i < 9; i++) sum += result.loadings.data[i * 5 + f] * Math.abs(result.loadings.data[i * 5 + f]);
			expect(sum).toBeGreaterThan(0);
		}
	});
});

describe('extractCentroid', () => {
	const converged = [
		[-0.2913, 0.5497, 0.2726],
		[-0.3839, 0.2583, 0.5337],
		[0.3681, 0.5329, -0.0623],
		[0.3347, 0.4882, 0.2333],
		[-0.5489, -0.551, 0.1002],
		[0.4784, -0.2583, 0.4949],
		[0.5831, -0.2768, 0.3184],
		[-0.5157, 0.2515, 0.1562],
		[0.0054, 0.1023, -0.205]
	];

	it('reaches the converged Lipset loadings of spec §12.7 with qmethod’s stopping rule (spc 1e-5)', () => {
		const result = extractCentroid(correlationMatrix(lipset()), 3);
		expectColumnsClose(result.loadings.data, 3, converged, 1.01e-4);
		expect(result.warnings).toEqual([]);
	});

	it('reproduces KADE’s first-factor fixture with the PQMethod/KADE variant (start 0.5, stop 0.001; 1e-6)', () => {
		const result = extractCentroid(correlationMatrix(lipset()), 1, { variant: 'pqmethod' });
		const kade = [
			-0.2913921, -0.38405309, 0.36818255, 0.33476604, -0.54873003, 0.47844413, 0.58270093, -0.5156279, 0.00535119
		];
		kade.forEach((value, i) => expect(Math.abs(result.loadings.data[i] - value)).toBeLessThan(1e-6));
	});

	it('gives the 7-factor sums of squares of spec §12.7 with the PQMethod/KADE variant, 7th larger than 6th', () => {
		const result = extractCentroid(correlationMatrix(lipset()), 7, { variant: 'pqmethod' });
		expect(Array.from(result.eigenvalues, (v) => Number(v.toFixed(4)))).toEqual([
			1.6155, 1.4113, 0.8401, 0.5535, 0.3844, 0.1831, 0.2783
		]);
	});

	it('satisfies the fixed point a_j = (c_j + a_j²) / Σ|a| on generated data (stopping tolerance 1e-12 → 1e-9)', () => {
		const study = generatedStudy({
			sorts: 40,
			distribution: grid(-4, [2, 3, 4, 5, 6, 5, 4, 3, 2]),
			viewpoints: 3,
			seed: 11
		});
		const r = correlationMatrix(validateSorts(study));
		const n = r.size;
		const result = extractCentroid(r, 1, { tolerance: 1e-12 });
		const a = Array.from(result.loadings.data);
		// In the reflected space every loading is positive: signs are those of the loadings.
		const signs = a.map((v) => (v < 0 ? -1 : 1));
		const total = a.reduce((s, v) => s + Math.abs(v), 0);
		for (let j = 0; j < n; j++) {
			let c = 0;
			for (let i = 0; i < n; i++) if (i !== j) c += signs[j] * signs[i] * r.data[i * n + j];
			expect(Math.abs(Math.abs(a[j]) - (c + a[j] ** 2) / total)).toBeLessThan(1e-9);
		}
	});

	it('extracts up to 8 factors and reports non-convergence as a warning', () => {
		const result = extractCentroid(correlationMatrix(lipset()), 8);
		expect(result.loadings.columns).toBe(8);
		const stopped = extractCentroid(correlationMatrix(lipset()), 2, { maxIterations: 2 });
		expect(stopped.warnings.map((w) => w.code)).toContain('centroid_not_converged');
	});
});

describe('symmetricEigen (tred2/tql2 on flat arrays)', () => {
	it('matches ml-matrix on random symmetric matrices and handles diagonal and repeated eigenvalues', async () => {
		const { symmetricEigen } = await import('../../src/lib/qmethod/internal/matrix.js');
		const { seededRandom } = await import('../../src/lib/qmethod/index.js');
		const random = seededRandom(4);
		for (const size of [1, 2, 5, 17]) {
			const data = new Float64Array(size * size);
			for (let r = 0; r < size; r++)
				for (let c = r; c < size; c++) data[r * size + c] = data[c * size + r] = random() - 0.5;
			const ours = symmetricEigen(data, size);
			const theirs = new EigenvalueDecomposition(
				new Matrix(Array.from({ length: size }, (_, r) => Array.from(data.subarray(r * size, r * size + size)))),
				{ assumeSymmetric: true }
			);
			const expected = [...theirs.realEigenvalues].sort((a, b) => b - a);
			expected.forEach((value, c) => expect(Math.abs(ours.values[c] - value)).toBeLessThan(1e-12));
			// A v = λ v for every returned pair.
			for (let c = 0; c < size; c++) {
				for (let r = 0; r < size; r++) {
					let sum = 0;
					for (let t = 0; t < size; t++) sum += data[r * size + t] * ours.vectors[t * size + c];
					expect(Math.abs(sum - ours.values[c] * ours.vectors[r * size + c])).toBeLessThan(1e-12);
				}
			}
		}
		const diagonal = Float64Array.from([2, 0, 0, 0, 2, 0, 0, 0, 1]);
		const result = symmetricEigen(diagonal, 3);
		expect(Array.from(result.values)).toEqual([2, 2, 1]);
	});
});
