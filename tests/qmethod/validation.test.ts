// Each QMethodInputError code of validateSorts / validateFactorCount / analyze (spec §1).
import { describe, expect, it } from 'vitest';
import {
	analyze,
	QMethodInputError,
	validateFactorCount,
	validateSorts,
	type QSortData
} from '../../src/lib/qmethod/index.js';
import { fitSort } from '../../src/lib/rules/grid.js';
import { lipsetDat } from './lipset.js';

function expectCode(action: () => unknown, code: string): void {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(QMethodInputError);
		expect((error as QMethodInputError).code).toBe(code);
		expect((error as Error).message).not.toMatch(/\.$/);
		return;
	}
	throw new Error(`expected QMethodInputError ${code}`);
}

const small = (): QSortData => ({
	statementCodes: ['a', 'b', 'c', 'd'],
	sortIds: ['p1', 'p2', 'p3'],
	sorts: [
		[-1, 0, 0, 1],
		[1, 0, -1, 0],
		[0, 1, -1, 0]
	]
});

describe('validateSorts', () => {
	it('accepts Lipset and stores it sort-major with the sorted distribution', () => {
		const data = validateSorts(lipsetDat());
		expect(data.nSorts).toBe(9);
		expect(data.nStatements).toBe(33);
		expect(Array.from(data.values.subarray(0, 4))).toEqual([-1, 0, -2, 0]);
		expect(Array.from(data.distribution.subarray(0, 3))).toEqual([-4, -4, -3]);
		expect(data.forced).toBe(true);
	});

	it('does not modify its input', () => {
		const input = small();
		const copy = structuredClone(input);
		validateSorts(input);
		expect(input).toEqual(copy);
	});

	it.each([
		['empty_input', { ...small(), sortIds: [], sorts: [] }],
		['too_few_statements', { statementCodes: ['a', 'b'], sortIds: ['p'], sorts: [[0, 1]] }],
		['duplicate_sort_id', { ...small(), sortIds: ['p1', 'p2', 'p1'] }],
		['duplicate_statement_code', { ...small(), statementCodes: ['a', 'b', 'a', 'd'] }],
		[
			'wrong_length',
			{
				...small(),
				sorts: [
					[-1, 0, 0, 1],
					[1, 0, -1],
					[0, 1, -1, 0]
				]
			}
		],
		['wrong_length', { ...small(), sortIds: ['p1', 'p2'] }],
		[
			'not_integer',
			{
				...small(),
				sorts: [
					[-1, 0, 0, 1],
					[1, 0, -1, 0.5],
					[0, 1, -1, 0]
				]
			}
		],
		[
			'not_integer',
			{
				...small(),
				sorts: [
					[-1, 0, 0, 1],
					[1, 0, -1, NaN],
					[0, 1, -1, 0]
				]
			}
		],
		[
			'value_outside_grid',
			{
				...small(),
				forced: false,
				distribution: [-1, 0, 0, 1],
				sorts: [
					[-1, 0, 0, 1],
					[2, 0, -1, 0],
					[0, 1, -1, 0]
				]
			}
		],
		['value_outside_grid', { ...small(), forced: false, distribution: [-7, 0, 0, 1] }],
		[
			'distribution_mismatch',
			{
				...small(),
				sorts: [
					[-1, 0, 0, 1],
					[1, 1, -1, 0],
					[0, 1, -1, 0]
				]
			}
		],
		['distribution_mismatch', { ...small(), forced: false }],
		[
			'zero_variance',
			{
				...small(),
				forced: false,
				distribution: [-1, 0, 0, 1],
				sorts: [
					[-1, 0, 0, 1],
					[0, 0, 0, 0],
					[0, 1, -1, 0]
				]
			}
		]
	] as [string, QSortData][])('rejects with %s', (code, input) => {
		expectCode(() => validateSorts(input), code);
	});

	it('checks a forced sort by the one grid rule (src/lib/rules/grid.ts), on the same sorts', () => {
		const grid = [
			{ value: -1, capacity: 1 },
			{ value: 0, capacity: 2 },
			{ value: 1, capacity: 1 }
		];
		const codes = ['a', 'b', 'c', 'd'];
		for (const sort of [
			[0, -1, 1, 0],
			[1, 1, -1, 0],
			[-1, -1, 0, 1]
		]) {
			const placements = sort.map((value, s) => ({ statement: codes[s]!, value }));
			const fits = fitSort(grid, true, codes, placements).fits;
			const data = { ...small(), sorts: [[-1, 0, 0, 1], sort], sortIds: ['p1', 'p2'] };
			if (fits) expect(() => validateSorts(data)).not.toThrow();
			else expectCode(() => validateSorts(data), 'distribution_mismatch');
		}
	});

	it('accepts unforced sorts inside the grid of the target distribution', () => {
		const data = validateSorts({
			...small(),
			forced: false,
			distribution: [-1, 0, 0, 1],
			sorts: [
				[-1, -1, 0, 1],
				[1, 0, 1, 0],
				[0, 1, -1, 0]
			]
		});
		expect(data.forced).toBe(false);
	});
});

describe('validateFactorCount', () => {
	it.each([
		[0, 9, 33, 'invalid_option'],
		[9, 20, 33, 'invalid_option'],
		[2.5, 9, 33, 'invalid_option'],
		[4, 3, 33, 'too_few_sorts'],
		[4, 9, 4, 'too_few_statements']
	])('rejects %s factors for %s sorts and %s statements with %s', (factors, n, m, code) => {
		expectCode(() => validateFactorCount(factors, n, m), code);
	});

	it('is applied by analyze', () => {
		expectCode(() => analyze(lipsetDat(), { factors: 10 }), 'invalid_option');
		expectCode(() => analyze(small(), { factors: 4 }), 'too_few_sorts');
	});
});

describe('analyze options', () => {
	it.each([[{ extraction: 'ml' }], [{ rotation: 'quartimax' }], [{ correlation: 'kendall' }], [{ flagLevel: 0.1 }]])(
		'rejects %o with invalid_option',
		(extra) => {
			expectCode(() => analyze(lipsetDat(), { factors: 2, ...(extra as object) }), 'invalid_option');
		}
	);
});
