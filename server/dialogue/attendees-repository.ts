import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// The one home of the queries on dialogue_attendees. Every function takes the executor (`db`, or `trx`
// inside a transaction: PGlite has one connection, so `db` inside a transaction would wait for ever).

/** The attendee of a session with this token hash. */
export async function findAttendeeRow(
	db: Kysely<Database>,
	sessionId: string,
	tokenHash: string
): Promise<{ id: string; mini_sort_done: boolean } | undefined> {
	return db
		.selectFrom('dialogue_attendees')
		.select(['id', 'mini_sort_done'])
		.where('token_hash', '=', tokenHash)
		.where('session_id', '=', sessionId)
		.executeTakeFirst();
}

export async function insertAttendee(db: Kysely<Database>, sessionId: string, tokenHash: string): Promise<void> {
	await db.insertInto('dialogue_attendees').values({ session_id: sessionId, token_hash: tokenHash }).execute();
}

/** Marks the attendee's mini-sort as done; false when it was done already (so it is counted once). */
export async function markMiniSortDone(db: Kysely<Database>, attendeeId: string): Promise<boolean> {
	const result = await db
		.updateTable('dialogue_attendees')
		.set({ mini_sort_done: true })
		.where('id', '=', attendeeId)
		.where('mini_sort_done', '=', false)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** How many attendees joined these sessions together. */
export async function countAttendees(db: Kysely<Database>, sessionIds: string[]): Promise<number> {
	if (sessionIds.length === 0) return 0;
	const row = await db
		.selectFrom('dialogue_attendees')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', 'in', sessionIds)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
