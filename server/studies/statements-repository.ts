import { sql, type InsertObject, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, LocalizedText, Statement, StatementsTable } from '../db/schema.js';

// The one module that reads and writes the statements table (migrations, and the backup's generic walk over every
// table, aside). Inside a transaction pass `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;

/** Every statement of a study (concourse and Q-set), in the researcher's order. */
export async function statementRows(db: Executor, studyId: string): Promise<Statement[]> {
	return db.selectFrom('statements').selectAll().where('study_id', '=', studyId).orderBy('position').execute();
}

/** The Q-set: codes and texts in statement order (the engine's, the files' and the participant's order). */
export async function qsetStatements(db: Executor, studyId: string): Promise<{ code: string; text: LocalizedText }[]> {
	return db
		.selectFrom('statements')
		.select(['code', 'text'])
		.where('study_id', '=', studyId)
		.where('in_qset', '=', true)
		.orderBy('position')
		.orderBy('code')
		.execute();
}

/** Every statement's code and text (concourse and Q-set), for showing texts by code. */
export async function statementTextRows(
	db: Executor,
	studyId: string
): Promise<{ code: string; text: LocalizedText }[]> {
	return db.selectFrom('statements').select(['code', 'text']).where('study_id', '=', studyId).execute();
}

export async function qsetCount(db: Executor, studyId: string): Promise<number> {
	const row = await db
		.selectFrom('statements')
		.select(sql<string | number>`count(*)`.as('n'))
		.where('study_id', '=', studyId)
		.where('in_qset', '=', true)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The codes and positions of a study's statements, leaving out `exceptId`. */
export async function statementCodes(
	db: Executor,
	studyId: string,
	exceptId?: string
): Promise<{ id: string; code: string; position: number }[]> {
	let query = db.selectFrom('statements').select(['id', 'code', 'position']).where('study_id', '=', studyId);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return query.execute();
}

export async function findStatement(
	db: Executor,
	studyId: string,
	statementId: string
): Promise<Statement | undefined> {
	return db
		.selectFrom('statements')
		.selectAll()
		.where('study_id', '=', studyId)
		.where('id', '=', statementId)
		.executeTakeFirst();
}

/** Inserts statements and returns them in the order given (an empty list inserts nothing). */
export async function insertStatements(
	db: Executor,
	rows: readonly InsertObject<Database, 'statements'>[]
): Promise<Statement[]> {
	if (rows.length === 0) return [];
	const inserted = await db.insertInto('statements').values(rows).returningAll().execute();
	return inserted.sort((a, b) => a.position - b.position);
}

export async function updateStatementRow(
	db: Executor,
	statementId: string,
	values: Updateable<StatementsTable>
): Promise<Statement> {
	return db
		.updateTable('statements')
		.set(values)
		.where('id', '=', statementId)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function deleteStatementRow(db: Executor, statementId: string): Promise<void> {
	await db.deleteFrom('statements').where('id', '=', statementId).execute();
}

/** Numbers the statements 1, 2, … in the order of `ids`; part of the caller's transaction. */
export async function setStatementPositions(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
	for (const [index, id] of ids.entries()) {
		await trx
			.updateTable('statements')
			.set({ position: index + 1 })
			.where('id', '=', id)
			.execute();
	}
}
