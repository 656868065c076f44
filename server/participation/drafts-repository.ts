import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

// The home of the `drafts` table (tests/lint/table-repositories.test.ts): a participant's unsent sort, kept as
// the browser sent it. Inside a transaction pass `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;

/** The stored draft of a participation, or undefined. */
export async function draftOf(db: Executor, participantId: string): Promise<{ data: unknown } | undefined> {
	return db.selectFrom('drafts').select('data').where('participant_id', '=', participantId).executeTakeFirst();
}

/** Stores (or replaces) a participation's draft; `json` is the draft as JSON text. */
export async function upsertDraft(db: Executor, participantId: string, json: string): Promise<void> {
	await db
		.insertInto('drafts')
		.values({ participant_id: participantId, data: json })
		.onConflict((oc) => oc.column('participant_id').doUpdateSet({ data: json, updated_at: new Date() }))
		.execute();
}

export async function deleteDraftOf(db: Executor, participantId: string): Promise<void> {
	await db.deleteFrom('drafts').where('participant_id', '=', participantId).execute();
}

/**
 * In one statement: deletes the drafts of participations not submitted that have not changed for longer than their
 * study's `draft_retention_days`, and puts those participations that were in progress back to "new". Returns the
 * number removed per study. A draft is removed (and counted) once even when several processes run this at once.
 */
export async function deleteExpiredDrafts(
	trx: Transaction<Database>,
	now: Date
): Promise<{ studyId: string; removed: number }[]> {
	const result = await sql<{ study_id: string; removed: string | number }>`
		with expired as (
			delete from drafts d
			using participants p, studies s
			where p.id = d.participant_id and s.id = p.study_id and p.status <> 'submitted'
				and d.updated_at < ${now}::timestamptz - make_interval(days => s.draft_retention_days)
			returning d.participant_id, p.study_id
		), reset as (
			update participants set status = 'new', started_at = null
			where id in (select participant_id from expired) and status = 'in_progress'
		)
		select study_id, count(*) as removed from expired group by study_id`.execute(trx);
	return result.rows.map((row) => ({ studyId: row.study_id, removed: Number(row.removed) }));
}
