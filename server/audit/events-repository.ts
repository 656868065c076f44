import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { ownedStudyIds, ownerIdsJson, studyRowOf } from '../studies/studies-repository.js';

// The home of the `audit_events` table (tests/lint/table-repositories.test.ts): record.ts appends through it,
// read.ts reads through it.

export type AuditEventRow = {
	id: string;
	created_at: Date | string;
	study_id: string | null;
	study_slug: string | null;
	actor: string;
	action: string;
	details: Record<string, unknown>;
};

const columns = ['id', 'created_at', 'study_id', 'study_slug', 'actor', 'action', 'details'] as const;

/**
 * Appends one row; the study's current owners are copied into it in the same statement. The time is the
 * statement's, not the transaction's: two entries of one transaction keep their order.
 */
export async function insertAuditEvent(
	db: Kysely<Database>,
	event: {
		studyId: string | null;
		studySlug: string | null;
		actorId: string | null;
		actor: string;
		action: string;
		details: Record<string, unknown>;
	}
): Promise<void> {
	await sql`
		insert into audit_events (study_id, study_slug, actor_id, actor, action, details, owner_ids, created_at)
		values (
			${event.studyId}::uuid,
			${event.studySlug},
			${event.actorId}::uuid,
			${event.actor},
			${event.action},
			${JSON.stringify(event.details)}::jsonb,
			coalesce(${ownerIdsJson(db, event.studyId)}, '[]'::jsonb),
			clock_timestamp()
		)`.execute(db);
}

/** One study's trail, newest first. */
export async function studyAuditRows(db: Kysely<Database>, studyId: string, limit?: number): Promise<AuditEventRow[]> {
	let query = db
		.selectFrom('audit_events')
		.select(columns)
		.where('study_id', '=', studyId)
		.orderBy('created_at', 'desc')
		.orderBy('id');
	if (limit) query = query.limit(limit);
	return query.execute();
}

/**
 * The trails of the studies a researcher owns now, and of the deleted studies they owned when the event was
 * recorded (the rows keep their owners for that reason); newest first.
 */
export async function ownerAuditRows(
	db: Kysely<Database>,
	researcherId: string,
	limit?: number
): Promise<AuditEventRow[]> {
	let query = db
		.selectFrom('audit_events as a')
		.select(columns.map((c) => `a.${c}` as const))
		.where((eb) =>
			eb.or([
				eb('a.study_id', 'in', ownedStudyIds(db, researcherId)),
				eb.and([
					eb.not(eb.exists(studyRowOf(db, 'a.study_id'))),
					sql<boolean>`a.owner_ids @> ${JSON.stringify([researcherId])}::jsonb`
				])
			])
		)
		.orderBy('a.created_at', 'desc')
		.orderBy('a.id');
	if (limit) query = query.limit(limit);
	return query.execute();
}
