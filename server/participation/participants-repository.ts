import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ParticipantsTable } from '../db/schema.js';

// The home of the `participants` table (tests/lint/table-repositories.test.ts): one row per participant code.
// Inside a transaction pass `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;
type Status = NonNullable<Insertable<ParticipantsTable>['status']>;
type Source = NonNullable<Insertable<ParticipantsTable>['source']>;

/** Adds these codes to a study; returns the ones stored (a code that exists already is skipped). */
export async function insertCodes(db: Executor, studyId: string, codes: string[], source: Source): Promise<string[]> {
	const rows = await db
		.insertInto('participants')
		.values([...new Set(codes)].map((code) => ({ study_id: studyId, code, source })))
		.onConflict((oc) => oc.column('code').doNothing())
		.returning('code')
		.execute();
	return rows.map((r) => r.code);
}

/** Adds participants as they are (the demo study's). */
export async function insertParticipantRows(db: Executor, rows: Insertable<ParticipantsTable>[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('participants').values(rows).execute();
}

/** The participation with this (normalized) code; `lock` holds its row until the transaction ends. */
export async function findParticipantByCode(db: Executor, code: string, lock = false) {
	let query = db
		.selectFrom('participants')
		.select(['id', 'study_id', 'status', 'source', 'started_at'])
		.where('code', '=', code);
	if (lock) query = query.forUpdate();
	return query.executeTakeFirst();
}

/** A study's codes, oldest first. */
export async function codeRows(db: Executor, studyId: string) {
	return db
		.selectFrom('participants')
		.select(['code', 'status', 'source', 'created_at'])
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.orderBy('code')
		.execute();
}

/** Source, status and start of each participation of a study (for its statistics). */
export async function participationRows(db: Executor, studyId: string) {
	return db
		.selectFrom('participants')
		.select(['source', 'status', 'started_at'])
		.where('study_id', '=', studyId)
		.execute();
}

export async function countParticipants(db: Executor, studyId: string): Promise<number> {
	const row = await db
		.selectFrom('participants')
		.select((e) => e.fn.countAll().as('n'))
		.where('study_id', '=', studyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Deletes the codes of a study nobody has used yet; returns how many. */
export async function deleteUnusedCodes(db: Executor, studyId: string): Promise<number> {
	const removed = await db
		.deleteFrom('participants')
		.where('study_id', '=', studyId)
		.where('status', '=', 'new')
		.executeTakeFirst();
	return Number(removed.numDeletedRows);
}

/** Sets a participation's status (and, when given, when it started). */
export async function setParticipantStatus(
	db: Executor,
	participantId: string,
	status: Status,
	startedAt?: Date
): Promise<void> {
	await db
		.updateTable('participants')
		.set(startedAt ? { status, started_at: startedAt } : { status })
		.where('id', '=', participantId)
		.execute();
}
