import type { LocalizedText, QuestionDto, QuestionOptionDto, QuestionType } from '../api/researcher.js';
import type { QuestionPhase } from '../api/types/common.js';

export { QUESTION_TYPES } from '../api/types/common.js';

/**
 * What the question form sends: a complete question but for its server-made id and position (the key is left to
 * the server). A narrower QuestionInput: every text per language, every field set.
 */
export type QuestionFormInput = Omit<QuestionDto, 'id' | 'key' | 'position'>;

/** Whether the type asks for a list of options (a scale's points are generated from its range). */
export const hasOptions = (type: QuestionType) => type === 'single' || type === 'multiple';

/** The points of a scale question, from..to inclusive, labelled with their number. */
export function scaleOptions(from: number, to: number, languages: readonly string[]): QuestionOptionDto[] {
	const options: QuestionOptionDto[] = [];
	for (let n = Math.min(from, to); n <= Math.max(from, to); n++) {
		options.push({ value: String(n), label: Object.fromEntries(languages.map((language) => [language, String(n)])) });
	}
	return options;
}

/** The range of a saved scale question (1–5 when it has no numeric options). */
export function scaleRange(options: readonly QuestionOptionDto[]): { from: number; to: number } {
	const numbers = options.map((option) => Number(option.value)).filter(Number.isInteger);
	return numbers.length >= 2 ? { from: Math.min(...numbers), to: Math.max(...numbers) } : { from: 1, to: 5 };
}

export type DraftProblem = 'needPrompt' | 'needOptions';

/**
 * Checks a question before it is sent: a prompt in every study language and, for single and multiple
 * choice, at least two options, each with a label in every language. A scale needs at least two points.
 */
export function draftProblems(
	draft: { type: QuestionType; prompt: LocalizedText; options: QuestionOptionDto[] },
	languages: readonly string[]
): DraftProblem[] {
	const problems: DraftProblem[] = [];
	if (languages.some((language) => !draft.prompt[language]?.trim())) problems.push('needPrompt');
	if (draft.type === 'single' || draft.type === 'multiple' || draft.type === 'scale') {
		const complete = draft.options.filter((option) => languages.every((language) => option.label[language]?.trim()));
		if (draft.options.length < 2 || complete.length !== draft.options.length) problems.push('needOptions');
	}
	return problems;
}

/** Option values for single/multiple choice: a1, a2, … in order, so that exports have stable codes. */
export function numberOptions(labels: readonly LocalizedText[]): QuestionOptionDto[] {
	return labels.map((label, index) => ({ value: `a${index + 1}`, label }));
}

/** The request body for a draft: text questions have no options; "zeg ik liever niet" is on unless switched off. */
export function toQuestionInput(
	draft: {
		phase: QuestionPhase;
		type: QuestionType;
		prompt: LocalizedText;
		choiceLabels: LocalizedText[];
		scaleFrom: number;
		scaleTo: number;
		required: boolean;
		offerDecline: boolean;
	},
	languages: readonly string[]
): QuestionFormInput {
	const options = hasOptions(draft.type)
		? numberOptions(draft.choiceLabels)
		: draft.type === 'scale'
			? scaleOptions(draft.scaleFrom, draft.scaleTo, languages)
			: [];
	return {
		phase: draft.phase,
		type: draft.type,
		prompt: draft.prompt,
		options,
		required: draft.required,
		offerDecline: draft.offerDecline
	};
}

/** A new, empty draft, or one filled from a saved question. */
export function draftFrom(question: QuestionDto | undefined, phase: QuestionPhase, languages: readonly string[]) {
	const empty = () => Object.fromEntries(languages.map((language) => [language, ''])) as LocalizedText;
	const range = scaleRange(question?.options ?? []);
	return {
		phase: question?.phase ?? phase,
		type: question?.type ?? ('single' as QuestionType),
		prompt: { ...empty(), ...question?.prompt },
		choiceLabels:
			question && hasOptions(question.type)
				? question.options.map((option) => ({ ...empty(), ...option.label }))
				: [empty(), empty()],
		scaleFrom: range.from,
		scaleTo: range.to,
		required: question?.required ?? false,
		offerDecline: question?.offerDecline ?? true
	};
}
