import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// The one home of the queries on dialogue_mini_sort_tallies: one count per session and viewpoint (factor 0:
// none), never a sort or a link to an attendee. Every function takes the executor (`db`, or `trx`).

/** Counts one more attendee closest to `factor` in this session. */
export async function incrementMiniSortTally(db: Kysely<Database>, sessionId: string, factor: number): Promise<void> {
	await db
		.insertInto('dialogue_mini_sort_tallies')
		.values({ session_id: sessionId, factor, count: 1 })
		.onConflict((oc) =>
			oc
				.columns(['session_id', 'factor'])
				.doUpdateSet((eb) => ({ count: eb('dialogue_mini_sort_tallies.count', '+', 1) }))
		)
		.execute();
}

/** The counts of these sessions, per session and factor. */
export async function miniSortCounts(
	db: Kysely<Database>,
	sessionIds: string[]
): Promise<{ session_id: string; factor: number; n: number }[]> {
	if (sessionIds.length === 0) return [];
	const rows = await db
		.selectFrom('dialogue_mini_sort_tallies')
		.select(['session_id', 'factor'])
		.select((eb) => eb.fn.sum<number>('count').as('n'))
		.where('session_id', 'in', sessionIds)
		.groupBy(['session_id', 'factor'])
		.execute();
	return rows.map((row) => ({ session_id: row.session_id, factor: row.factor, n: Number(row.n) }));
}
