import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.js';
import { assertGridFits, designProblems, type DesignSnapshot } from '../../../server/studies/design.js';
import { checkCapacity } from '../../../src/lib/researcher/distribution.js';
import { GRID_MISMATCH, gridCapacity } from '../../../src/lib/rules/grid.js';

// One grid-capacity rule (src/lib/rules/grid.ts, docs/methods.md §1): the grid designer (checkCapacity) and the
// server (assertGridFits when saving, designProblems before opening) give the same verdict with the same code.

// −1 (2 places), 0 (3 places), +1 (2 places): 7 places.
const grid = [
	{ value: -1, capacity: 2 },
	{ value: 0, capacity: 3 },
	{ value: 1, capacity: 2 }
];

/** What the server says: undefined when it accepts the grid, else the error code. */
function serverVerdict(forced: boolean, statements: number): string | undefined {
	try {
		assertGridFits(grid, forced, statements);
		return undefined;
	} catch (error) {
		if (error instanceof AppError) return error.code;
		throw error;
	}
}

function openingProblem(forced: boolean, statements: number): string | undefined {
	const design: DesignSnapshot = {
		languages: ['nl'],
		title: { nl: 'T' },
		consent: { nl: 'C' },
		instructions: { nl: 'I' },
		forced,
		grid,
		qset: Array.from({ length: statements }, (_, i) => ({ code: `S${i + 1}`, text: { nl: `Stelling ${i + 1}` } })),
		questions: []
	};
	return designProblems(design).find((problem) => problem.code === GRID_MISMATCH)?.code;
}

describe('grid capacity, client and server', () => {
	it.each([
		// forced grid: exactly one place per statement, else GRID_MISMATCH on both sides
		[true, 7, undefined],
		[true, 9, GRID_MISMATCH], // too few places
		[true, 4, GRID_MISMATCH], // too many places
		// free grid: the column sizes are a guide, never a blocking error
		[false, 7, undefined],
		[false, 9, undefined], // too few places: a hint at most
		[false, 4, undefined] // too many places
	])('forced %s, %i statements for 7 places → %s everywhere', (forced, statements, expected) => {
		expect(gridCapacity(grid, forced, statements).problem).toBe(expected);
		expect(checkCapacity(grid, statements, forced).problem).toBe(expected);
		expect(serverVerdict(forced, statements)).toBe(expected);
		expect(openingProblem(forced, statements)).toBe(expected);
	});

	it('counts places and the surplus', () => {
		expect(gridCapacity(grid, true, 9)).toEqual({ places: 7, statements: 9, surplus: -2, problem: GRID_MISMATCH });
		expect(gridCapacity(grid, false, 4)).toEqual({ places: 7, statements: 4, surplus: 3, problem: undefined });
	});

	it('shows a free grid with too few places as a hint the researcher can still save', () => {
		const check = checkCapacity(grid, 9, false);
		expect(check).toEqual({ kind: 'free-few-places', capacity: 7, statements: 9, difference: 2 });
	});
});
