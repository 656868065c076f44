import { describe, expect, it } from 'vitest';
import { sessionQuestions } from '../../../src/lib/dialogue/questions.js';
import { buildTally, MIN_GROUP } from '../../../src/lib/dialogue/tally.js';

const [recognise] = sessionQuestions(2);
const bestFit = sessionQuestions(2).find((q) => q.key === 'best-fit')!;
const missing = sessionQuestions(2).find((q) => q.key === 'missing')!;

describe('buildTally (small-group rule: counts below 5 are hidden)', () => {
	it('hides everything, the total included, while fewer than five answered', () => {
		const tally = buildTally(recognise, { '4': 3, '5': 1 });
		expect(MIN_GROUP).toBe(5);
		expect(tally.total).toBeNull();
		expect(tally.mean).toBeNull();
		expect(tally.options.every((o) => o.count === null)).toBe(true);
	});

	it('shows the total, the mean and counts of five or more, and hides smaller counts (zero included)', () => {
		const tally = buildTally(recognise, { '4': 6, '5': 5, '2': 1, '3': 2 });
		expect(tally.total).toBe(14);
		// mean of 1×2 + 2×3 + 6×4 + 5×5 over 14 answers, computed by hand
		expect(tally.mean).toBeCloseTo(57 / 14, 12);
		expect(tally.options).toEqual([
			{ value: '1', count: null },
			{ value: '2', count: null },
			{ value: '3', count: null },
			{ value: '4', count: 6 },
			{ value: '5', count: 5 }
		]);
	});

	it('hides a second count when a single hidden one could be found by subtraction', () => {
		// Options: factor-1, factor-2, mix, none. Only "none" is below 5: total − shown would reveal it.
		const tally = buildTally(bestFit, { 'factor-1': 7, 'factor-2': 6, mix: 5, none: 2 });
		expect(tally.total).toBe(20);
		expect(tally.options).toEqual([
			{ value: 'factor-1', count: 7 },
			{ value: 'factor-2', count: 6 },
			{ value: 'mix', count: null },
			{ value: 'none', count: null }
		]);
		expect(tally.mean).toBeNull();
	});

	it('counts free-text answers under the same rule', () => {
		expect(buildTally(missing, { text: 4 }).total).toBeNull();
		expect(buildTally(missing, { text: 5 })).toEqual({ questionKey: 'missing', total: 5, options: [], mean: null });
	});
});
