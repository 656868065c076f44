import type { Insertable, Kysely } from 'kysely';
import type { QuestionDto } from '../../src/lib/api/types/studies.js';
import type { QuestionInput, QuestionPatch } from '../../src/lib/api/types/study-requests.js';
import type { Database, LocalizedText, Question, QuestionOption, QuestionsTable, Study } from '../db/schema.js';
import { AppError } from '../errors.js';
import { assertQuestionOptions } from './design.js';
import { questionRowToDto } from './dto.js';
import { withStudyLock } from './locks.js';
import { toLocalized } from './texts.js';

const questionNotFound = () => new AppError(404, 'QUESTION_NOT_FOUND', 'There is no such question in this study.');
const keyTaken = (key: string) =>
	new AppError(409, 'QUESTION_KEY_TAKEN', `Another question of this study already has the key "${key}".`);

function options(study: Study, items: QuestionInput['options']): QuestionOption[] {
	return (items ?? []).map((o) => ({ value: o.value.trim(), label: toLocalized(o.label, study.languages) }));
}

function prompt(study: Study, value: string | LocalizedText): LocalizedText {
	const text = toLocalized(value, study.languages);
	if (Object.keys(text).length === 0)
		throw new AppError(422, 'QUESTION_PROMPT_EMPTY', 'A question needs a text in at least one language.');
	return text;
}

// This module is the home of the `questions` table (tests/lint/table-repositories.test.ts): other modules read and
// write questions through the functions below.

/** A study's questions as the designer lists them: the ones before sorting first, each phase by position. */
export async function questionRows(db: Kysely<Database>, studyId: string): Promise<Question[]> {
	return db
		.selectFrom('questions')
		.selectAll()
		.where('study_id', '=', studyId)
		.orderBy('phase', 'desc')
		.orderBy('position')
		.execute();
}

/** A study's questions by position alone, as the participation pages take them. */
export async function questionRowsByPosition(db: Kysely<Database>, studyId: string): Promise<Question[]> {
	return db.selectFrom('questions').selectAll().where('study_id', '=', studyId).orderBy('position').execute();
}

/** The choice questions (single, multiple, scale) asked before sorting, by position. */
export async function preSortChoiceQuestionRows(db: Kysely<Database>, studyId: string) {
	return db
		.selectFrom('questions')
		.select(['key', 'type', 'prompt', 'options'])
		.where('study_id', '=', studyId)
		.where('phase', '=', 'pre')
		.where('type', 'in', ['single', 'multiple', 'scale'])
		.orderBy('position')
		.execute();
}

/** Adds questions as they are (the demo study's); texts and options are bound as JSON by the caller. */
export async function insertQuestionRows(db: Kysely<Database>, rows: Insertable<QuestionsTable>[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('questions').values(rows).execute();
}

export async function listQuestions(db: Kysely<Database>, studyId: string): Promise<QuestionDto[]> {
	return (await questionRows(db, studyId)).map(questionRowToDto);
}

/** Adds a question at the end of its phase; "prefer not to say" is offered unless switched off. */
async function addQuestionLocked(db: Kysely<Database>, study: Study, input: QuestionInput): Promise<QuestionDto> {
	const opts = options(study, input.options);
	assertQuestionOptions(input.type, opts);
	const existing = await db
		.selectFrom('questions')
		.select(['key', 'position'])
		.where('study_id', '=', study.id)
		.execute();
	const keys = new Set(existing.map((q) => q.key));
	let key = input.key?.trim();
	if (key && keys.has(key)) throw keyTaken(key);
	if (!key) {
		let n = existing.length + 1;
		while (keys.has(`q${n}`)) n++;
		key = `q${n}`;
	}
	const row = await db
		.insertInto('questions')
		.values({
			study_id: study.id,
			key,
			phase: input.phase,
			type: input.type,
			prompt: JSON.stringify(prompt(study, input.prompt)),
			options: JSON.stringify(opts),
			required: input.required ?? false,
			offer_decline: input.offerDecline ?? true,
			position: existing.reduce((max, q) => Math.max(max, q.position), 0) + 1
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return questionRowToDto(row);
}

async function updateQuestionLocked(
	db: Kysely<Database>,
	study: Study,
	questionId: string,
	patch: QuestionPatch
): Promise<QuestionDto> {
	const row = await db
		.selectFrom('questions')
		.selectAll()
		.where('study_id', '=', study.id)
		.where('id', '=', questionId)
		.executeTakeFirst();
	if (!row) throw questionNotFound();
	const type = patch.type ?? row.type;
	const opts = patch.options !== undefined ? options(study, patch.options) : row.options;
	assertQuestionOptions(type, opts);
	const values: Record<string, unknown> = { type, options: JSON.stringify(opts) };
	if (patch.key !== undefined && patch.key.trim() !== row.key) {
		const taken = await db
			.selectFrom('questions')
			.select('id')
			.where('study_id', '=', study.id)
			.where('key', '=', patch.key.trim())
			.executeTakeFirst();
		if (taken) throw keyTaken(patch.key.trim());
		values.key = patch.key.trim();
	}
	if (patch.phase !== undefined) values.phase = patch.phase;
	if (patch.prompt !== undefined) values.prompt = JSON.stringify(prompt(study, patch.prompt));
	if (patch.required !== undefined) values.required = patch.required;
	if (patch.offerDecline !== undefined) values.offer_decline = patch.offerDecline;
	const updated = await db
		.updateTable('questions')
		.set(values)
		.where('id', '=', row.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	return questionRowToDto(updated);
}

export async function deleteQuestion(db: Kysely<Database>, study: Study, questionId: string): Promise<void> {
	const result = await db
		.deleteFrom('questions')
		.where('study_id', '=', study.id)
		.where('id', '=', questionId)
		.executeTakeFirst();
	if (Number(result.numDeletedRows) === 0) throw questionNotFound();
}

/** Orders the questions (positions are per study; the phase still decides pre or post). */
export async function reorderQuestions(
	db: Kysely<Database>,
	study: Study,
	ids: readonly string[]
): Promise<QuestionDto[]> {
	const rows = await db.selectFrom('questions').select('id').where('study_id', '=', study.id).execute();
	const known = new Set(rows.map((r) => r.id));
	if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
		throw new AppError(422, 'ORDER_INVALID', 'The new order must list every question of the study exactly once.');
	}
	await db.transaction().execute(async (trx) => {
		for (const [index, id] of ids.entries())
			await trx
				.updateTable('questions')
				.set({ position: index + 1 })
				.where('id', '=', id)
				.execute();
	});
	return listQuestions(db, study.id);
}

/** {@link addQuestionLocked} under the study's row lock, so that parallel requests cannot pick the same code or key. */
export function addQuestion(db: Kysely<Database>, study: Study, input: QuestionInput): Promise<QuestionDto> {
	return withStudyLock(db, study.id, (trx) => addQuestionLocked(trx, study, input));
}

/** {@link updateQuestionLocked} under the study's row lock, so that parallel requests cannot pick the same code or key. */
export function updateQuestion(
	db: Kysely<Database>,
	study: Study,
	questionId: string,
	patch: QuestionPatch
): Promise<QuestionDto> {
	return withStudyLock(db, study.id, (trx) => updateQuestionLocked(trx, study, questionId, patch));
}
