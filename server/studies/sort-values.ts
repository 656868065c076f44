import { AppError } from '../errors.js';
import type { GridColumn, SortProblem } from '../../src/lib/api/types/studies.js';
import {
	fitSort,
	mismatchedColumns,
	placementsOf,
	type FitProblem,
	type Placement,
	type SortFit
} from '../../src/lib/rules/grid.js';

const signed = (value: number) => `${value > 0 ? '+' : ''}${value}`;

/** One line per problem code of a sort that does not fit its grid (English, for researchers and the API). */
function describe(code: FitProblem, fit: SortFit): string {
	switch (code) {
		case 'UNKNOWN_STATEMENTS':
			return `unknown statements: ${fit.unknown.join(', ')}`;
		case 'DUPLICATE_STATEMENTS':
			return `statements placed more than once: ${fit.duplicate.join(', ')}`;
		case 'MISSING_STATEMENTS':
			return `statements without a value: ${fit.missing.join(', ')}`;
		case 'VALUE_OUTSIDE_GRID':
			return `values that are not grid columns: ${fit.outside.map((p) => `${p.statement}=${p.value}`).join(', ')}`;
		case 'DISTRIBUTION_MISMATCH':
			return `does not follow the forced distribution (${mismatchedColumns(fit)
				.map((c) => `${signed(c.value)}: ${c.count} instead of ${c.capacity}`)
				.join('; ')})`;
	}
}

/**
 * Checks one sort, given as statement code → grid value or as a list of placements, against the Q-set and the grid, by the one grid rule
 * (src/lib/rules/grid.ts). Returns the problems (empty = fine) so that an import can report all of them at once.
 */
export function sortProblems(
	label: string,
	placements: Readonly<Record<string, number>> | readonly Placement[],
	qsetCodes: readonly string[],
	grid: readonly GridColumn[],
	forced: boolean
): SortProblem[] {
	const list = Array.isArray(placements) ? placements : placementsOf(placements as Readonly<Record<string, number>>);
	const fit = fitSort(grid, forced, qsetCodes, list);
	return fit.problems.map((code) => ({ sort: label, code, message: describe(code, fit) }));
}

/** Throws 422 with the first problem's code and all problems in the details. */
export function assertSortValid(...args: Parameters<typeof sortProblems>): void {
	const problems = sortProblems(...args);
	if (problems.length === 0) return;
	throw new AppError(422, problems[0]!.code, `Sort "${args[0]}": ${problems.map((p) => p.message).join('; ')}.`, {
		problems
	});
}

const SUBMISSION_MESSAGES: Record<FitProblem, string> = {
	UNKNOWN_STATEMENTS: 'Some placed statements are not in this study.',
	DUPLICATE_STATEMENTS: 'Some statements are placed more than once.',
	MISSING_STATEMENTS: 'Every statement must be placed.',
	VALUE_OUTSIDE_GRID: 'Some statements are placed outside the grid.',
	DISTRIBUTION_MISMATCH: 'Some columns hold more or fewer statements than they have places.'
};

/**
 * The 422 for a participant's submission that does not fit the grid (the first problem, as the sorting page
 * prevents all of them), with the statements or columns concerned; undefined when it fits.
 */
export function submissionFitError(fit: SortFit, grid: readonly GridColumn[]): AppError | undefined {
	const code = fit.problems[0];
	if (!code) return undefined;
	const details =
		code === 'UNKNOWN_STATEMENTS'
			? { statements: fit.unknown }
			: code === 'DUPLICATE_STATEMENTS'
				? { statements: fit.duplicate }
				: code === 'MISSING_STATEMENTS'
					? { statements: fit.missing }
					: code === 'VALUE_OUTSIDE_GRID'
						? { placements: fit.outside, values: grid.map((c) => c.value) }
						: { columns: mismatchedColumns(fit) };
	return new AppError(422, code, SUBMISSION_MESSAGES[code], details);
}
