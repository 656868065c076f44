import type { DialogueQuestion, OptionCount, Tally } from '../api/types/dialogue.js';

/** Fewest answers a question needs before anything about them is shown (product brief §5). */
export const MIN_GROUP = 5;

// The tally's shape is an API shape (presenter screen, reactions report): written once, as a schema, in
// src/lib/api/types/dialogue.ts.
export type { OptionCount, Tally };

/** Raw answer counts of one question: option value → count (free text: `{ text: n }`). */
export type Counts = Record<string, number>;

function totalOf(question: DialogueQuestion, counts: Counts): number {
	const values = question.options.length ? question.options.map((value) => counts[value] ?? 0) : Object.values(counts);
	return values.reduce((sum, count) => sum + count, 0);
}

/**
 * The one small-group rule for a question's tally (issue 11 §2 with issue 12 §8): a question's
 * distribution, and every statistic computed from it such as the mean, is shown once it has at least
 * MIN_GROUP answers in total; below that nothing is shown, neither counts nor total nor mean. A room
 * of eight sees its own distribution, a room of two sees nothing.
 */
export function buildTally(question: DialogueQuestion, counts: Counts): Tally {
	const total = totalOf(question, counts);
	if (total < MIN_GROUP) {
		return {
			questionKey: question.key,
			total: null,
			options: question.options.map((value) => ({ value, count: null })),
			mean: null
		};
	}
	const options = question.options.map((value) => ({ value, count: counts[value] ?? 0 }));
	const scale = question.kind === 'recognise' || question.kind === 'relevant';
	const mean = scale ? options.reduce((sum, option) => sum + Number(option.value) * option.count, 0) / total : null;
	return { questionKey: question.key, total, options, mean };
}

/**
 * A question's tally over several sessions, when each session's own tally is shown beside it. A session
 * below MIN_GROUP answers is hidden on its own, so the total minus the shown sessions would reveal it:
 * the hidden sessions are counted in only when together they have at least MIN_GROUP answers (then the
 * difference is a group of at least five, which the rule allows); otherwise they are left out and the
 * tally says so (`partial`).
 */
export function combineTallies(question: DialogueQuestion, perSession: readonly Counts[]): Tally {
	const hidden = perSession.filter((counts) => {
		const total = totalOf(question, counts);
		return total > 0 && total < MIN_GROUP;
	});
	const residue = hidden.reduce((sum, counts) => sum + totalOf(question, counts), 0);
	const included =
		residue > 0 && residue < MIN_GROUP ? perSession.filter((counts) => !hidden.includes(counts)) : perSession;
	const sum: Counts = {};
	for (const counts of included) for (const [value, n] of Object.entries(counts)) sum[value] = (sum[value] ?? 0) + n;
	const tally = buildTally(question, sum);
	return included.length < perSession.length && tally.total !== null ? { ...tally, partial: true } : tally;
}
