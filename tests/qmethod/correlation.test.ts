// Expected values: spec §12.2 (Lipset correlations × 160 are exact integers; same as KADE's
// unit-test fixture). Tolerance 1e-12.
import { describe, expect, it } from 'vitest';
import { correlationMatrix, midRanks, validateSorts } from '../../src/lib/qmethod/index.js';
import { generatedStudy, grid } from './generated.js';
import { lipsetDat } from './lipset.js';

const TIMES_160 = [
	[160, 86, 33, 36, 16, -36, -51, 38, 8],
	[86, 160, -12, 14, 28, -4, -26, 61, 11],
	[33, -12, 160, 64, -87, 14, 8, -15, 18],
	[36, 14, 64, 160, -90, 44, 27, 9, 4],
	[16, 28, -87, -90, 160, -10, -21, 3, -5],
	[-36, -4, 14, 44, -10, 160, 99, -59, -34],
	[-51, -26, 8, 27, -21, 99, 160, -46, -5],
	[38, 61, -15, 9, 3, -59, -46, 160, -34],
	[8, 11, 18, 4, -5, -34, -5, -34, 160]
];

describe('correlationMatrix', () => {
	it('reproduces the Lipset correlations of spec §12.2', () => {
		const { size, data } = correlationMatrix(validateSorts(lipsetDat()));
		expect(size).toBe(9);
		TIMES_160.forEach((row, i) =>
			row.forEach((value, j) => expect(Math.abs(data[i * 9 + j] * 160 - value)).toBeLessThan(1e-12))
		);
	});

	it('is symmetric with an exact unit diagonal (generated unforced-looking data)', () => {
		const study = generatedStudy({ sorts: 25, distribution: grid(-3, [2, 3, 4, 5, 4, 3, 2]), viewpoints: 3, seed: 7 });
		const { size, data } = correlationMatrix(validateSorts(study), 'spearman');
		for (let i = 0; i < size; i++) {
			expect(data[i * size + i]).toBe(1);
			for (let j = 0; j < size; j++) {
				expect(data[i * size + j]).toBe(data[j * size + i]);
				expect(Math.abs(data[i * size + j])).toBeLessThanOrEqual(1 + 1e-12);
			}
		}
	});

	it('Spearman equals Pearson on mid-ranks and differs from Pearson on grid values', () => {
		const data = validateSorts(lipsetDat());
		const spearman = correlationMatrix(data, 'spearman').data;
		const pearson = correlationMatrix(data, 'pearson').data;
		// US1 vs US2 by hand: Pearson of the mid-ranks (computed independently below).
		const rank = (sort: ArrayLike<number>) => {
			const r = new Float64Array(33);
			midRanks(sort, r);
			return Array.from(r);
		};
		const [a, b] = [rank(lipsetDat().sorts[0]), rank(lipsetDat().sorts[1])];
		const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
		const [ma, mb] = [mean(a), mean(b)];
		const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i] - mb), 0);
		const r = cov / Math.sqrt(a.reduce((s, x) => s + (x - ma) ** 2, 0) * b.reduce((s, x) => s + (x - mb) ** 2, 0));
		expect(spearman[1]).toBeCloseTo(r, 12);
		expect(Math.abs(spearman[1] - pearson[1])).toBeGreaterThan(1e-4);
	});

	it('midRanks averages tied ranks', () => {
		const ranks = new Float64Array(5);
		midRanks([3, 1, 3, 2, 5], ranks);
		expect(Array.from(ranks)).toEqual([3.5, 1, 3.5, 2, 5]);
	});
});
