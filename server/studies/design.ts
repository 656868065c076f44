import type { DesignProblem, GridColumn } from '../../src/lib/api/types/studies.js';
import type { LocalizedText, QuestionOption, QuestionType } from '../db/schema.js';
import { GRID_MISMATCH, gridCapacity } from '../../src/lib/rules/grid.js';
import { AppError } from '../errors.js';
import { missingLanguages } from './texts.js';

// server/routes/studies imports GridColumn from here.
export type { DesignProblem, GridColumn };

/** Columns sorted by value; 422 GRID_INVALID when a value repeats. */
export function normalizeGrid(columns: readonly GridColumn[]): GridColumn[] {
	const sorted = [...columns].sort((a, b) => a.value - b.value);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i]!.value === sorted[i - 1]!.value) {
			throw new AppError(422, 'GRID_INVALID', `The grid has the column ${sorted[i]!.value} twice.`);
		}
	}
	return sorted;
}

export function gridPlaces(columns: readonly GridColumn[]): number {
	return gridCapacity(columns, false, 0).places;
}

/**
 * Explains why a grid does not fit the Q-set, or undefined when it does. Decided by gridCapacity
 * (src/lib/rules/grid.ts), as the grid designer decides it: only a forced grid can mismatch.
 */
export function gridMismatch(
	columns: readonly GridColumn[],
	forced: boolean,
	statementCount: number
): string | undefined {
	const { places, surplus, problem } = gridCapacity(columns, forced, statementCount);
	if (!problem) return undefined;
	const difference = Math.abs(surplus);
	const fix =
		surplus < 0
			? `add ${difference} place${difference === 1 ? '' : 's'} to the grid or take ${difference} statement${difference === 1 ? '' : 's'} out of the Q-set`
			: `remove ${difference} place${difference === 1 ? '' : 's'} from the grid or add ${difference} statement${difference === 1 ? '' : 's'} to the Q-set`;
	return `A forced grid needs exactly one place per statement: it has ${places} places for ${statementCount} statements; ${fix}.`;
}

/** Throws 422 GRID_MISMATCH when a forced grid does not have one place per Q-set statement; a free grid always fits. */
export function assertGridFits(columns: readonly GridColumn[], forced: boolean, statementCount: number): void {
	const mismatch = gridMismatch(columns, forced, statementCount);
	if (mismatch) {
		throw new AppError(422, GRID_MISMATCH, mismatch, { places: gridPlaces(columns), statements: statementCount });
	}
}

const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(['single', 'multiple', 'scale']);

/** 422 QUESTION_OPTIONS_INVALID unless choice questions have ≥ 2 distinct options and text questions none. */
export function assertQuestionOptions(type: QuestionType, options: readonly QuestionOption[]): void {
	if (CHOICE_TYPES.has(type)) {
		if (options.length < 2) {
			throw new AppError(422, 'QUESTION_OPTIONS_INVALID', `A ${type} question needs at least two options.`);
		}
		const values = new Set(options.map((o) => o.value));
		if (values.size !== options.length) {
			throw new AppError(422, 'QUESTION_OPTIONS_INVALID', 'Two options of this question have the same value.');
		}
	} else if (options.length > 0) {
		throw new AppError(422, 'QUESTION_OPTIONS_INVALID', `A ${type} question has no options.`);
	}
}

export interface DesignSnapshot {
	languages: string[];
	title: LocalizedText;
	/** What participants read before they start; a study cannot open with either empty in a study language. */
	consent: LocalizedText;
	instructions: LocalizedText;
	forced: boolean;
	grid: GridColumn[];
	qset: { code: string; text: LocalizedText }[];
	questions: { key: string; type: QuestionType; prompt: LocalizedText; options: QuestionOption[] }[];
}

/** Everything that stops a study from opening, in words a researcher can act on. Empty = ready. */
export function designProblems(design: DesignSnapshot): DesignProblem[] {
	const problems: DesignProblem[] = [];
	const { languages } = design;
	if (missingLanguages(design.title, languages).length) {
		problems.push({
			code: 'TRANSLATION_MISSING',
			message: `The title is missing in: ${missingLanguages(design.title, languages).join(', ')}.`
		});
	}
	const noConsent = missingLanguages(design.consent, languages);
	if (noConsent.length) {
		problems.push({
			code: 'CONSENT_EMPTY',
			message: `The consent text is empty in: ${noConsent.join(', ')} (Basics tab).`,
			languages: noConsent
		});
	}
	const noInstructions = missingLanguages(design.instructions, languages);
	if (noInstructions.length) {
		problems.push({
			code: 'INSTRUCTIONS_EMPTY',
			message: `The instruction is empty in: ${noInstructions.join(', ')} (Basics tab).`,
			languages: noInstructions
		});
	}
	if (design.qset.length < 2) {
		problems.push({ code: 'QSET_TOO_SMALL', message: 'The Q-set needs at least two statements.' });
	}
	const untranslated = design.qset.filter((s) => missingLanguages(s.text, languages).length > 0).map((s) => s.code);
	if (untranslated.length) {
		problems.push({
			code: 'TRANSLATION_MISSING',
			message: `Statements without a text in every study language (${languages.join(', ')}): ${untranslated.join(', ')}.`
		});
	}
	if (design.grid.length === 0 || gridPlaces(design.grid) === 0) {
		problems.push({ code: 'GRID_EMPTY', message: 'The grid has no places yet.' });
	} else {
		const mismatch = gridMismatch(design.grid, design.forced, design.qset.length);
		if (mismatch) problems.push({ code: GRID_MISMATCH, message: mismatch });
	}
	for (const question of design.questions) {
		if (missingLanguages(question.prompt, languages).length) {
			problems.push({
				code: 'TRANSLATION_MISSING',
				message: `Question "${question.key}" is missing a text in: ${missingLanguages(question.prompt, languages).join(', ')}.`
			});
		}
		if (CHOICE_TYPES.has(question.type) && question.options.length < 2) {
			problems.push({
				code: 'QUESTION_OPTIONS_INVALID',
				message: `Question "${question.key}" needs at least two options.`
			});
		}
	}
	return problems;
}
