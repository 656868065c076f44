import { AppError } from '../errors.js';
import type { GridColumn, SortProblem } from '../../src/lib/api/types/studies.js';

/**
 * Checks one sort given as statement code → grid value against the Q-set and the grid: every statement
 * exactly once, values that are grid columns, and in a forced grid every column filled to its capacity.
 * Returns the problems (empty = fine) so that an import can report all of them at once.
 */
export function sortProblems(
	label: string,
	placements: Readonly<Record<string, number>>,
	qsetCodes: readonly string[],
	grid: readonly GridColumn[],
	forced: boolean
): SortProblem[] {
	const problems: SortProblem[] = [];
	const known = new Set(qsetCodes);
	const unknown = Object.keys(placements).filter((code) => !known.has(code));
	if (unknown.length)
		problems.push({ sort: label, code: 'UNKNOWN_STATEMENTS', message: `unknown statements: ${unknown.join(', ')}` });
	const missing = qsetCodes.filter((code) => placements[code] === undefined);
	if (missing.length)
		problems.push({
			sort: label,
			code: 'MISSING_STATEMENTS',
			message: `statements without a value: ${missing.join(', ')}`
		});
	const capacity = new Map(grid.map((c) => [c.value, c.capacity]));
	const counts = new Map<number, number>();
	const outside: string[] = [];
	for (const [code, value] of Object.entries(placements)) {
		if (!Number.isInteger(value) || !capacity.has(value)) outside.push(`${code}=${value}`);
		else counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	if (outside.length) {
		problems.push({
			sort: label,
			code: 'VALUE_OUTSIDE_GRID',
			message: `values that are not grid columns: ${outside.join(', ')}`
		});
	}
	if (forced && outside.length === 0 && unknown.length === 0 && missing.length === 0) {
		const wrong = grid.filter((c) => (counts.get(c.value) ?? 0) !== c.capacity);
		if (wrong.length) {
			const described = wrong.map(
				(c) => `${c.value > 0 ? '+' : ''}${c.value}: ${counts.get(c.value) ?? 0} instead of ${c.capacity}`
			);
			problems.push({
				sort: label,
				code: 'DISTRIBUTION_MISMATCH',
				message: `does not follow the forced distribution (${described.join('; ')})`
			});
		}
	}
	return problems;
}

/** Throws 422 with the first problem's code and all problems in the details. */
export function assertSortValid(...args: Parameters<typeof sortProblems>): void {
	const problems = sortProblems(...args);
	if (problems.length === 0) return;
	throw new AppError(422, problems[0]!.code, `Sort "${args[0]}": ${problems.map((p) => p.message).join('; ')}.`, {
		problems
	});
}
