import { createHash } from 'node:crypto';
import type { AnswerValue, SubmissionBody } from '../../src/lib/api/participate.js';
import { fitSort, type GridColumn } from '../../src/lib/rules/grid.js';
import { AppError } from '../errors.js';
import { submissionFitError } from '../studies/sort-values.js';

export interface StudyShape {
	statementCodes: string[];
	grid: GridColumn[];
	forced: boolean;
	questions: { key: string; type: string; options: { value: string }[]; required: boolean; offer_decline: boolean }[];
}

const invalid = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);

/**
 * Checks a submission against the study: the sort fits the grid (the one rule of src/lib/rules/grid.ts: every
 * Q-set statement exactly once, values that are grid columns, on a forced grid every column exactly full), answers
 * that fit their questions, comments on known statements. Throws a 422 AppError naming the problem.
 */
export function validateSubmission(study: StudyShape, body: SubmissionBody): void {
	const fit = fitSort(study.grid, study.forced, study.statementCodes, body.placements);
	const misfit = submissionFitError(fit, study.grid);
	if (misfit) throw misfit;

	validateAnswers(study.questions, body.answers ?? {});
	const known = new Set(study.statementCodes);
	const badComments = Object.keys(body.comments ?? {}).filter((code) => !known.has(code));
	if (badComments.length)
		throw invalid('UNKNOWN_STATEMENTS', 'Comments refer to statements not in this study.', { statements: badComments });
	const noteCodes = Object.keys(body.facilitated?.notes?.statements ?? {}).filter((code) => !known.has(code));
	if (noteCodes.length)
		throw invalid('UNKNOWN_STATEMENTS', 'Notes refer to statements not in this study.', { statements: noteCodes });
}

function validateAnswers(questions: StudyShape['questions'], answers: Record<string, AnswerValue>): void {
	const byKey = new Map(questions.map((q) => [q.key, q]));
	const problems: { question: string; problem: string }[] = [];
	for (const [key, value] of Object.entries(answers)) {
		const question = byKey.get(key);
		if (!question) {
			problems.push({ question: key, problem: 'unknown question' });
			continue;
		}
		if (value === null) {
			if (!question.offer_decline) problems.push({ question: key, problem: 'declining is not offered' });
			continue;
		}
		const allowed = new Set(question.options.map((o) => o.value));
		if (question.type === 'multiple') {
			if (!Array.isArray(value) || value.some((v) => !allowed.has(v)) || new Set(value).size !== value.length) {
				problems.push({ question: key, problem: 'expected a list of distinct options' });
			}
		} else if (question.type === 'single' || question.type === 'scale') {
			if (typeof value !== 'string' || !allowed.has(value))
				problems.push({ question: key, problem: 'not one of the options' });
		} else if (typeof value !== 'string') {
			problems.push({ question: key, problem: 'expected text' });
		}
	}
	for (const question of questions) {
		const value = answers[question.key];
		const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
		if (question.required && empty) problems.push({ question: question.key, problem: 'required' });
	}
	if (problems.length)
		throw invalid('INVALID_ANSWERS', 'Some answers do not fit their questions.', { answers: problems });
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])])
		);
	}
	return value;
}

/** sha256 of the submission in a canonical form (placement order and key order do not matter). */
export function submissionHash(body: SubmissionBody): string {
	const placements = [...body.placements].sort((a, b) =>
		a.statement < b.statement ? -1 : a.statement > b.statement ? 1 : 0
	);
	const text = JSON.stringify(
		canonical({
			placements,
			answers: body.answers ?? {},
			comments: body.comments ?? {},
			facilitated: body.facilitated ?? null
		})
	);
	return createHash('sha256').update(text).digest('hex');
}
