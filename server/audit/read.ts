import { type Kysely, sql } from 'kysely';
import { toCsv } from '../exports/csv.js';
import type { AuditEventDto } from '../../src/lib/api/types/audit.js';
import type { Database } from '../db/schema.js';
import { ownedStudyIds, studyRowOf } from '../studies/studies-repository.js';

export type { AuditEventDto };

/** The newest events first; more than this many is a case for the CSV export, which has no limit. */
export const AUDIT_PAGE = 500;

type Row = {
	id: string;
	created_at: Date | string;
	study_id: string | null;
	study_slug: string | null;
	actor: string;
	action: string;
	details: Record<string, unknown>;
};

function toDto(row: Row): AuditEventDto {
	return {
		id: row.id,
		at: new Date(row.created_at).toISOString(),
		studyId: row.study_id,
		studySlug: row.study_slug,
		actor: row.actor,
		action: row.action,
		details: row.details
	};
}

const columns = ['id', 'created_at', 'study_id', 'study_slug', 'actor', 'action', 'details'] as const;

/** One study's trail, newest first. */
export async function studyAuditEvents(
	db: Kysely<Database>,
	studyId: string,
	limit?: number
): Promise<AuditEventDto[]> {
	let query = db
		.selectFrom('audit_events')
		.select(columns)
		.where('study_id', '=', studyId)
		.orderBy('created_at', 'desc')
		.orderBy('id');
	if (limit) query = query.limit(limit);
	return (await query.execute()).map(toDto);
}

/**
 * Everything a researcher may read across studies: the trails of the studies they own now, and of the
 * deleted studies they owned when the event was recorded (the rows keep their owners for that reason).
 */
export async function ownerAuditEvents(
	db: Kysely<Database>,
	researcherId: string,
	limit?: number
): Promise<AuditEventDto[]> {
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
	return (await query.execute()).map(toDto);
}

/** The trail as CSV (the app's one CSV writer, formulas neutralised): time (UTC, ISO 8601), study, actor, action, details (JSON). */
export function auditCsv(events: AuditEventDto[]): string {
	return toCsv(
		['time', 'study', 'actor', 'action', 'details'],
		events.map((e) => [e.at, e.studySlug ?? e.studyId ?? '', e.actor, e.action, JSON.stringify(e.details)])
	);
}
