import { sql, type InsertObject, type Kysely, type Transaction } from 'kysely';
import type { Database, SortSource } from '../db/schema.js';

// The one module that reads and writes the sorts table (migrations, and the backup's generic walk over every
// table, aside). Inside a transaction pass `trx`, never `db`: PGlite has a single connection. No function here
// returns the receipt except to the participant who holds it (`submittedSortOf`).

type Executor = Kysely<Database> | Transaction<Database>;

export async function countSorts(db: Executor, studyId: string): Promise<number> {
	const row = await db
		.selectFrom('sorts')
		.select(sql<string | number>`count(*)`.as('n'))
		.where('study_id', '=', studyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A correlated subquery: the number of sorts of the study whose id is in the outer query's column `column`. */
export function sortCountOf(db: Executor, column: string) {
	return db
		.selectFrom('sorts')
		.select(sql<string | number>`count(*)`.as('n'))
		.where('sorts.study_id', '=', sql.ref<string>(column));
}

export type SortRow = Awaited<ReturnType<typeof sortRows>>[number];

/** Every sort of a study, oldest submission first (then by label): the order of lists, exports and analyses. */
export function sortRows(db: Executor, studyId: string) {
	return db
		.selectFrom('sorts')
		.select([
			'id',
			'label',
			'source',
			'placements',
			'answers',
			'comments',
			'interviewer_notes',
			'respondent_number',
			'started_at',
			'submitted_at',
			'synthetic',
			'excluded',
			'exclusion_reason'
		])
		.where('study_id', '=', studyId)
		.orderBy('submitted_at')
		.orderBy('label')
		.execute();
}

/** What the monitoring figures count: source, exclusion and times of every sort of a study. */
export function sortTimings(db: Executor, studyId: string) {
	return db
		.selectFrom('sorts')
		.select(['source', 'excluded', 'started_at', 'submitted_at'])
		.where('study_id', '=', studyId)
		.execute();
}

/** Which of `labels` a study's sorts already carry. */
export async function takenLabels(db: Executor, studyId: string, labels: readonly string[]): Promise<string[]> {
	if (labels.length === 0) return [];
	const rows = await db
		.selectFrom('sorts')
		.select('label')
		.where('study_id', '=', studyId)
		.where('label', 'in', labels)
		.execute();
	return rows.map((r) => r.label);
}

export async function insertSort(db: Executor, values: InsertObject<Database, 'sorts'>): Promise<string> {
	const row = await db.insertInto('sorts').values(values).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** Inserts many sorts in one statement (an empty list inserts nothing). */
export async function insertSorts(db: Executor, rows: readonly InsertObject<Database, 'sorts'>[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('sorts').values(rows).execute();
}

/** Inserts a sort unless its label is taken in the study; returns its id, or undefined when taken. */
export async function insertSortWithFreeLabel(
	db: Executor,
	values: InsertObject<Database, 'sorts'>
): Promise<string | undefined> {
	const row = await db
		.insertInto('sorts')
		.values(values)
		.onConflict((oc) => oc.columns(['study_id', 'label']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

/** What participants and interviewers wrote beside the sorts with these labels: the material for quotes. */
export async function sortCommentRows(db: Executor, studyId: string, labels: readonly string[]) {
	if (labels.length === 0) return [];
	return db
		.selectFrom('sorts')
		.select(['label', 'comments', 'interviewer_notes', 'respondent_number'])
		.where('study_id', '=', studyId)
		.where('label', 'in', labels)
		.execute();
}

/** The receipt and payload hash of the sort a participant submitted, to recognise an identical retry. */
export async function submittedSortOf(
	db: Executor,
	participantId: string
): Promise<{ receipt: string | null; payload_hash: string | null } | undefined> {
	return db
		.selectFrom('sorts')
		.select(['receipt', 'payload_hash'])
		.where('participant_id', '=', participantId)
		.executeTakeFirst();
}

/** Sets or clears a sort's exclusion; false when the study has no such sort. */
export async function setSortExclusion(
	db: Executor,
	studyId: string,
	sortId: string,
	excluded: boolean,
	reason: string | null
): Promise<boolean> {
	const updated = await db
		.updateTable('sorts')
		.set({ excluded, exclusion_reason: reason })
		.where('study_id', '=', studyId)
		.where('id', '=', sortId)
		.returning('id')
		.executeTakeFirst();
	return updated !== undefined;
}

/** Deletes one sort; false when the study has no such sort. */
export async function deleteSortRow(db: Executor, studyId: string, sortId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('sorts')
		.where('study_id', '=', studyId)
		.where('id', '=', sortId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** Deletes the sort with this receipt; returns its participant and source, or undefined when none has it. */
export async function deleteSortByReceipt(
	trx: Transaction<Database>,
	studyId: string,
	receipt: string
): Promise<{ participant_id: string | null; source: SortSource } | undefined> {
	return trx
		.deleteFrom('sorts')
		.where('study_id', '=', studyId)
		.where('receipt', '=', receipt)
		.returning(['participant_id', 'source'])
		.executeTakeFirst();
}
