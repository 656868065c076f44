import type { DialogueQuestion } from './questions.js';

/** Smallest group whose count may be shown (product brief §5): anything below is hidden. */
export const MIN_GROUP = 5;

export interface OptionCount {
	value: string;
	/** null: hidden because fewer than MIN_GROUP (or hidden to protect another hidden count). */
	count: number | null;
}

export interface Tally {
	questionKey: string;
	/** Number of answers, or null when fewer than MIN_GROUP answered. */
	total: number | null;
	options: OptionCount[];
	/** Mean of a 1–5 scale question, only when at least MIN_GROUP answered. */
	mean: number | null;
}

/**
 * Turns raw counts into what may be shown. Every count below MIN_GROUP is hidden (zero included: a
 * shown zero beside a shown total narrows down the hidden ones). When exactly one option is hidden
 * while the total is shown, it could be recovered by subtraction, so the smallest shown count is
 * hidden with it.
 */
export function buildTally(question: DialogueQuestion, counts: Record<string, number>): Tally {
	const raw = question.options.map((value) => ({ value, count: counts[value] ?? 0 }));
	const total = question.options.length
		? raw.reduce((sum, option) => sum + option.count, 0)
		: Object.values(counts).reduce((sum, count) => sum + count, 0);
	if (total < MIN_GROUP) {
		return { questionKey: question.key, total: null, options: raw.map(({ value }) => ({ value, count: null })), mean: null };
	}
	const hidden = new Set(raw.filter((option) => option.count < MIN_GROUP).map((option) => option.value));
	if (hidden.size === 1) {
		const smallestShown = raw
			.filter((option) => !hidden.has(option.value))
			.sort((a, b) => a.count - b.count)[0];
		if (smallestShown) hidden.add(smallestShown.value);
	}
	let mean: number | null = null;
	if (question.kind === 'recognise' || question.kind === 'relevant') {
		mean = raw.reduce((sum, option) => sum + Number(option.value) * option.count, 0) / total;
	}
	return {
		questionKey: question.key,
		total,
		options: raw.map(({ value, count }) => ({ value, count: hidden.has(value) ? null : count })),
		mean
	};
}
