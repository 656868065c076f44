import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, DialogueSessionsTable } from '../db/schema.js';
import type { DialogueSession } from './access.js';

// The one home of the queries on dialogue_sessions. Every function takes the executor (`db`, or `trx`
// inside a transaction: PGlite has one connection, so `db` inside a transaction would wait for ever).

export async function findSession(db: Kysely<Database>, id: string): Promise<DialogueSession | undefined> {
	return db.selectFrom('dialogue_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An open session by its (normalized) join code; a closed session's code finds nothing. */
export async function findOpenSessionByCode(
	db: Kysely<Database>,
	joinCode: string
): Promise<DialogueSession | undefined> {
	return db
		.selectFrom('dialogue_sessions')
		.selectAll()
		.where('join_code', '=', joinCode)
		.where('status', '=', 'open')
		.executeTakeFirst();
}

/** The sessions of these analyses, oldest first. */
export async function listSessionsOf(db: Kysely<Database>, analysisIds: string[]): Promise<DialogueSession[]> {
	if (analysisIds.length === 0) return [];
	return db
		.selectFrom('dialogue_sessions')
		.selectAll()
		.where('analysis_id', 'in', analysisIds)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** Inserts a session; undefined when its join code is taken already (the caller tries another). */
export async function insertSession(
	db: Kysely<Database>,
	values: Insertable<DialogueSessionsTable>
): Promise<DialogueSession | undefined> {
	return db
		.insertInto('dialogue_sessions')
		.values(values)
		.onConflict((oc) => oc.column('join_code').doNothing())
		.returningAll()
		.executeTakeFirst();
}

/** Changes a session that is still open; undefined when it is closed (or gone). */
export async function updateOpenSession(
	db: Kysely<Database>,
	id: string,
	change: Updateable<DialogueSessionsTable>
): Promise<DialogueSession | undefined> {
	return db
		.updateTable('dialogue_sessions')
		.set(change)
		.where('id', '=', id)
		.where('status', '=', 'open')
		.returningAll()
		.executeTakeFirst();
}
