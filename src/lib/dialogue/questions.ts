// The question's shape is an API shape too (the attendee's phone and the presenter read it): written once,
// as a schema, in src/lib/api/types/dialogue.ts.
import type { DialogueQuestion, QuestionKind } from '../api/types/dialogue.js';

export type { DialogueQuestion, QuestionKind };

/**
 * The fixed questions of a dialogue session (issue 7 §3): per viewpoint "Herken ik dit?" and "Relevant
 * voor de praktijk?" on a 1–5 scale, then which viewpoint fits best and, as free text, what is missing.
 * Questions are addressed by a stable key, e.g. `recognise-2` for the second viewpoint.
 */
export const SCALE_OPTIONS = ['1', '2', '3', '4', '5'];
export const FREE_TEXT_MAX = 500;

export function bestFitOptions(nFactors: number): string[] {
	return [...Array.from({ length: nFactors }, (_, i) => `factor-${i + 1}`), 'mix', 'none'];
}

/** Every question of a session about an analysis with `nFactors` viewpoints, in the order they are asked. */
export function sessionQuestions(nFactors: number): DialogueQuestion[] {
	const questions: DialogueQuestion[] = [];
	for (let factor = 1; factor <= nFactors; factor++) {
		questions.push({ key: `recognise-${factor}`, kind: 'recognise', factor, options: SCALE_OPTIONS });
		questions.push({ key: `relevant-${factor}`, kind: 'relevant', factor, options: SCALE_OPTIONS });
	}
	questions.push({ key: 'best-fit', kind: 'best-fit', options: bestFitOptions(nFactors) });
	questions.push({ key: 'missing', kind: 'missing', options: [] });
	return questions;
}

export function findQuestion(key: string, nFactors: number): DialogueQuestion | undefined {
	return sessionQuestions(nFactors).find((question) => question.key === key);
}

export type AnswerCheck =
	{ ok: true; value: string | null; text: string | null } | { ok: false; code: 'ANSWER_INVALID'; message: string };

/** Checks an attendee's answer against the question: a listed option, or 1–500 characters of free text. */
export function checkAnswer(question: DialogueQuestion, answer: { value?: unknown; text?: unknown }): AnswerCheck {
	if (question.kind === 'missing') {
		const text = typeof answer.text === 'string' ? answer.text.trim() : '';
		if (!text) return { ok: false, code: 'ANSWER_INVALID', message: 'Write something before sending.' };
		if (text.length > FREE_TEXT_MAX) {
			return { ok: false, code: 'ANSWER_INVALID', message: `Keep it to ${FREE_TEXT_MAX} characters.` };
		}
		return { ok: true, value: null, text };
	}
	const value = typeof answer.value === 'string' ? answer.value : undefined;
	if (value === undefined || !question.options.includes(value)) {
		return {
			ok: false,
			code: 'ANSWER_INVALID',
			message: `Choose one of ${question.options.join(', ')} for question ${question.key}.`
		};
	}
	return { ok: true, value, text: null };
}
