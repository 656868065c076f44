import { createHash } from 'node:crypto';
import type { AnswerValue, SubmissionBody } from '../../src/lib/api/participate.js';
import { AppError } from '../errors.js';

export interface StudyShape {
	statementCodes: string[];
	grid: { value: number; capacity: number }[];
	forced: boolean;
	questions: { key: string; type: string; options: { value: string }[]; required: boolean; offer_decline: boolean }[];
}

const invalid = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);

/**
 * Checks a submission against the study: every Q-set statement exactly once, values inside the
 * grid, no column over its capacity (and, in a forced grid, every column exactly full), answers
 * that fit their questions, comments on known statements. Throws a 422 AppError naming the problem.
 */
export function validateSubmission(study: StudyShape, body: SubmissionBody): void {
	const known = new Set(study.statementCodes);
	const seen = new Set<string>();
	const unknown: string[] = [];
	const duplicate: string[] = [];
	for (const { statement } of body.placements) {
		if (!known.has(statement)) unknown.push(statement);
		else if (seen.has(statement)) duplicate.push(statement);
		seen.add(statement);
	}
	if (unknown.length)
		throw invalid('UNKNOWN_STATEMENTS', 'Some placed statements are not in this study.', { statements: unknown });
	if (duplicate.length)
		throw invalid('DUPLICATE_STATEMENTS', 'Some statements are placed more than once.', { statements: duplicate });
	const missing = study.statementCodes.filter((code) => !seen.has(code));
	if (missing.length) throw invalid('MISSING_STATEMENTS', 'Every statement must be placed.', { statements: missing });

	const capacity = new Map(study.grid.map((column) => [column.value, column.capacity]));
	const counts = new Map<number, number>();
	const outside = body.placements.filter((p) => !capacity.has(p.value));
	if (outside.length) {
		throw invalid('VALUE_OUTSIDE_GRID', 'Some statements are placed outside the grid.', {
			placements: outside,
			values: study.grid.map((c) => c.value)
		});
	}
	for (const { value } of body.placements) counts.set(value, (counts.get(value) ?? 0) + 1);
	// A forced grid has as many places as statements, so "no column over capacity" already means "every column full".
	const over = study.grid
		.filter((column) => (counts.get(column.value) ?? 0) > column.capacity)
		.map((column) => ({ value: column.value, capacity: column.capacity, count: counts.get(column.value) ?? 0 }));
	if (study.forced && over.length)
		throw invalid('COLUMN_OVER_CAPACITY', 'A column holds more statements than it has places.', { columns: over });

	validateAnswers(study.questions, body.answers ?? {});
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
