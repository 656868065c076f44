import { firstSlotMismatch, GRID_MAX, GRID_MIN, slotCounts } from '../rules/grid.js';
import { QMethodInputError } from './errors.js';
import type { QSortData, ValidatedData } from './types.js';

/** The grid range −6…+13, defined once in src/lib/rules/grid.ts. */
export { GRID_MAX, GRID_MIN };

/**
 * Checks Q-sorts and returns them in flat sort-major storage.
 *
 * Rules (docs/methods.md §1): unique sort ids and statement codes; every sort has m integer values within
 * −6…+13 and within the range of the distribution; a forced sort is a permutation of the
 * distribution (the forced-grid rule of src/lib/rules/grid.ts, here on arrays of values); no sort puts every card in one column (its correlation would be undefined).
 * The input is never modified.
 * @throws QMethodInputError empty_input, too_few_statements, duplicate_sort_id,
 *   duplicate_statement_code, wrong_length, not_integer, value_outside_grid,
 *   distribution_mismatch, zero_variance
 */
export function validateSorts(input: QSortData): ValidatedData {
	const { statementCodes, sortIds, sorts } = input;
	const forced = input.forced ?? true;
	const m = statementCodes.length;
	const n = sorts.length;
	if (n === 0) throw new QMethodInputError('empty_input', 'analysis requires at least one Q-sort');
	if (m < 3) throw new QMethodInputError('too_few_statements', 'analysis requires at least 3 statements');
	if (sortIds.length !== n) {
		throw new QMethodInputError('wrong_length', `got ${sortIds.length} sort ids for ${n} Q-sorts`);
	}
	firstDuplicate(sortIds, 'duplicate_sort_id', 'Q-sort id');
	firstDuplicate(statementCodes, 'duplicate_statement_code', 'statement code');

	const distribution = targetDistribution(input, m, forced);
	const low = distribution[0];
	const high = distribution[m - 1];
	const values = new Float64Array(n * m);
	const counts = slotCounts([]);
	const expectedCounts = slotCounts(distribution);
	for (let i = 0; i < n; i++) {
		const sort = sorts[i];
		const id = sortIds[i];
		if (!sort || sort.length !== m) {
			throw new QMethodInputError('wrong_length', `Q-sort "${id}" has ${sort ? sort.length : 0} values, expected ${m}`);
		}
		let min = Infinity;
		let max = -Infinity;
		for (let s = 0; s < m; s++) {
			const value = sort[s];
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				throw new QMethodInputError(
					'not_integer',
					`Q-sort "${id}", statement ${s + 1}: "${String(value)}" is not an integer`
				);
			}
			if (value < low || value > high || value < GRID_MIN || value > GRID_MAX) {
				throw new QMethodInputError(
					'value_outside_grid',
					`Q-sort "${id}", statement ${s + 1}: ${value} is outside the grid ${low}…${high}`
				);
			}
			values[i * m + s] = value;
			if (value < min) min = value;
			if (value > max) max = value;
		}
		if (min === max) {
			throw new QMethodInputError(
				'zero_variance',
				`Q-sort "${id}" puts every statement in one column, so it cannot be correlated`
			);
		}
		if (forced) {
			// Compare column counts (grid values are integers in −6…+13) instead of sorting.
			const column = firstSlotMismatch(slotCounts(values.subarray(i * m, (i + 1) * m), counts), expectedCounts);
			if (column !== undefined) {
				throw new QMethodInputError(
					'distribution_mismatch',
					`Q-sort "${id}" puts ${counts[column - GRID_MIN]} statements in column ${column}, the forced distribution ${expectedCounts[column - GRID_MIN]}; declare the data unforced or correct the sort`
				);
			}
		}
	}
	return { nStatements: m, nSorts: n, statementCodes, sortIds, values, distribution, forced };
}

function targetDistribution(input: QSortData, m: number, forced: boolean): Float64Array {
	const source = input.distribution ?? (forced ? input.sorts[0] : undefined);
	if (!source) {
		throw new QMethodInputError(
			'distribution_mismatch',
			'unforced data needs a target distribution for the factor arrays'
		);
	}
	if (source.length !== m) {
		throw new QMethodInputError('wrong_length', `the distribution has ${source.length} values, expected ${m}`);
	}
	const distribution = Float64Array.from(source as ArrayLike<number>);
	for (const value of distribution) {
		if (!Number.isInteger(value))
			throw new QMethodInputError('not_integer', `distribution value ${value} is not an integer`);
		if (value < GRID_MIN || value > GRID_MAX) {
			throw new QMethodInputError(
				'value_outside_grid',
				`distribution value ${value} is outside ${GRID_MIN}…${GRID_MAX}`
			);
		}
	}
	distribution.sort();
	if (distribution[0] === distribution[m - 1]) {
		throw new QMethodInputError('zero_variance', 'the distribution has only one column');
	}
	return distribution;
}

function firstDuplicate(
	names: readonly string[],
	code: 'duplicate_sort_id' | 'duplicate_statement_code',
	label: string
): void {
	const seen = new Set<string>();
	for (const name of names) {
		if (seen.has(name)) throw new QMethodInputError(code, `${label} "${name}" occurs more than once`);
		seen.add(name);
	}
}

/**
 * Checks that `factors` factors can be extracted from n sorts and m statements: 1…8, at most
 * n, and for PCA at most m − 1 (centred data have rank ≤ m − 1, docs/methods.md §3.1).
 * @throws QMethodInputError invalid_option, too_few_sorts
 */
export function validateFactorCount(factors: number, nSorts: number, nStatements: number): void {
	if (!Number.isInteger(factors) || factors < 1 || factors > 8) {
		throw new QMethodInputError(
			'invalid_option',
			`the number of factors must be an integer from 1 to 8, got ${factors}`
		);
	}
	if (factors > nSorts) {
		throw new QMethodInputError('too_few_sorts', `${factors} factors need at least ${factors} Q-sorts, got ${nSorts}`);
	}
	if (factors > nStatements - 1) {
		throw new QMethodInputError(
			'too_few_statements',
			`${factors} factors need at least ${factors + 1} statements, got ${nStatements}`
		);
	}
}
