import { describe, expect, it } from 'vitest';
import { sessionQuestions } from '../../../src/lib/dialogue/questions.js';
import { buildTally, combineTallies, MIN_GROUP } from '../../../src/lib/dialogue/tally.js';

const [recognise] = sessionQuestions(2);
const bestFit = sessionQuestions(2).find((q) => q.key === 'best-fit')!;
const missing = sessionQuestions(2).find((q) => q.key === 'missing')!;
const nothing = (question: typeof recognise) => ({
	questionKey: question.key,
	total: null,
	mean: null,
	options: question.options.map((value) => ({ value, count: null }))
});

describe('buildTally: a question is shown once it has 5 answers in total, and not at all below that', () => {
	it('shows nothing at 4 answers, not even a mean, however the answers are spread', () => {
		expect(MIN_GROUP).toBe(5);
		expect(buildTally(recognise, { '1': 1, '2': 1, '4': 1, '5': 1 })).toEqual(nothing(recognise));
		expect(buildTally(recognise, { '5': 4 })).toEqual(nothing(recognise));
	});

	it('a room of two attendees sees nothing', () => {
		expect(buildTally(recognise, { '3': 2 })).toEqual(nothing(recognise));
		expect(buildTally(bestFit, { 'factor-1': 1, none: 1 })).toEqual(nothing(bestFit));
	});

	it('shows the whole distribution and the mean at 5 answers spread over 5 options', () => {
		const tally = buildTally(recognise, { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 });
		expect(tally.total).toBe(5);
		// (1 + 2 + 3 + 4 + 5) / 5, by hand
		expect(tally.mean).toBeCloseTo(3, 12);
		expect(tally.options).toEqual(['1', '2', '3', '4', '5'].map((value) => ({ value, count: 1 })));
	});

	it('shows counts of 1 and 0 beside larger ones once the total reaches 5 (a room of 8 sees its distribution)', () => {
		const tally = buildTally(recognise, { '4': 6, '5': 1, '2': 1 });
		expect(tally.total).toBe(8);
		// (2 + 6×4 + 5) / 8, by hand
		expect(tally.mean).toBeCloseTo(31 / 8, 12);
		expect(tally.options).toEqual([
			{ value: '1', count: 0 },
			{ value: '2', count: 1 },
			{ value: '3', count: 0 },
			{ value: '4', count: 6 },
			{ value: '5', count: 1 }
		]);
		expect(buildTally(bestFit, { 'factor-1': 7, none: 2 }).mean).toBeNull();
	});

	it('counts free-text answers under the same rule', () => {
		expect(buildTally(missing, { text: 4 }).total).toBeNull();
		expect(buildTally(missing, { text: 5 })).toEqual({ questionKey: 'missing', total: 5, options: [], mean: null });
	});
});

describe('combineTallies: the tally over all sessions cannot reveal a hidden session', () => {
	it('counts hidden sessions in when together they reach 5 answers', () => {
		const tally = combineTallies(recognise, [{ '4': 3 }, { '2': 3 }, {}]);
		expect(tally.total).toBe(6);
		expect(tally.partial).toBeUndefined();
	});

	it('leaves out the hidden sessions, and says so, when together they have 1–4 answers', () => {
		// Session A (6 answers) is shown on its own; B (one answer of 1) is hidden. A total of 7 minus A's
		// six would reveal B's answer, so B is left out of the total.
		const tally = combineTallies(recognise, [{ '4': 5, '5': 1 }, { '1': 1 }]);
		expect(tally).toEqual({ ...buildTally(recognise, { '4': 5, '5': 1 }), partial: true });
		expect(tally.options[0]).toEqual({ value: '1', count: 0 });
	});

	it('shows nothing when everything together stays below 5', () => {
		expect(combineTallies(recognise, [{ '4': 2 }, { '5': 2 }])).toEqual(nothing(recognise));
	});
});
