import type { CompositionGroup, FactorComposition } from '../../src/lib/analysis/types.js';
import type { PreSortQuestion, SortAnswers } from './repository.js';

/** Groups smaller than this are never reported with their size (product brief §5: default 5). */
export const MIN_GROUP_SIZE = 5;
const SMALL = '< 5' as const;

const DECLINED = '__declined';
const UNANSWERED = '__unanswered';
const SPECIAL_LABELS: Record<string, Record<string, string>> = {
	[DECLINED]: { nl: 'Zegt dit liever niet', en: 'Prefers not to say' },
	[UNANSWERED]: { nl: 'Niet beantwoord', en: 'Not answered' }
};

function answerValues(value: unknown): string[] {
	if (Array.isArray(value))
		return value.length ? value.filter((v): v is string => typeof v === 'string') : [UNANSWERED];
	if (typeof value === 'string' && value !== '') return [value];
	if (value && typeof value === 'object' && (value as { declined?: unknown }).declined === true) return [DECLINED];
	return [UNANSWERED];
}

/**
 * Suppresses small counts. Every group below five shows "< 5" (zero included, so that an empty
 * group cannot be told from a small one). When exactly one group of a single-answer question is
 * hidden, it could be recovered from the factor's total, so the next smallest group is hidden too.
 */
export function suppressSmallGroups(counts: number[], singleAnswer: boolean): (number | typeof SMALL)[] {
	const shown: (number | typeof SMALL)[] = counts.map((count) => (count < MIN_GROUP_SIZE ? SMALL : count));
	const hidden = shown.filter((value) => value === SMALL).length;
	if (singleAnswer && hidden === 1) {
		let smallest = -1;
		counts.forEach((count, index) => {
			if (shown[index] !== SMALL && (smallest < 0 || count < counts[smallest])) smallest = index;
		});
		if (smallest >= 0) shown[smallest] = SMALL;
	}
	return shown;
}

/**
 * The composition of each factor's defining sorts by pre-sort answers. `defining[f]` lists the sort
 * ids flagged on factor f, as the server derived them (disclosure.ts decides whether it may be shown).
 * Only suppressed counts come out of this function: the API never sends a group size below five.
 */
export function factorComposition(
	defining: readonly (readonly string[])[],
	answers: readonly SortAnswers[],
	questions: readonly PreSortQuestion[]
): FactorComposition[] {
	const bySort = new Map(answers.map((sort) => [sort.id, sort.answers]));
	return defining.map((sortIds, factor) => {
		const members = sortIds.filter((id) => bySort.has(id));
		return {
			factor: factor + 1,
			nDefining: members.length < MIN_GROUP_SIZE ? SMALL : members.length,
			questions: questions.map((question) => {
				const values = [...question.options.map((o) => o.value), DECLINED, UNANSWERED];
				const counts = new Map(values.map((v) => [v, 0]));
				for (const id of members) {
					for (const value of answerValues(bySort.get(id)?.[question.key])) {
						if (counts.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
					}
				}
				// Every group is listed, empty or not: leaving out empty ones would tell that a listed one has someone.
				const listed = values;
				const shown = suppressSmallGroups(
					listed.map((v) => counts.get(v) ?? 0),
					question.type !== 'multiple'
				);
				const labelOf = (value: string) =>
					SPECIAL_LABELS[value] ?? question.options.find((o) => o.value === value)?.label ?? { nl: value, en: value };
				const groups: CompositionGroup[] = listed.map((value, index) => ({
					value,
					label: labelOf(value),
					count: shown[index]
				}));
				return { key: question.key, prompt: question.prompt, groups };
			})
		};
	});
}

/**
 * A factor whose composition may not be shown (its defining set is too close to one already shown):
 * every group "< 5", marked as withheld so that the page can say why.
 */
export function withheldComposition(composition: FactorComposition): FactorComposition {
	return {
		...composition,
		withheld: true,
		questions: composition.questions.map((question) => ({
			...question,
			groups: question.groups.map((group) => ({ ...group, count: SMALL }))
		}))
	};
}
