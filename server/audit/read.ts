import type { Kysely } from 'kysely';
import { toCsv } from '../exports/csv.js';
import type { AuditEventDto } from '../../src/lib/api/types/audit.js';
import type { Database } from '../db/schema.js';
import { type AuditEventRow, ownerAuditRows, studyAuditRows } from './events-repository.js';

export type { AuditEventDto };

/** The newest events first; more than this many is a case for the CSV export, which has no limit. */
export const AUDIT_PAGE = 500;

function toDto(row: AuditEventRow): AuditEventDto {
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

/** One study's trail, newest first. */
export async function studyAuditEvents(
	db: Kysely<Database>,
	studyId: string,
	limit?: number
): Promise<AuditEventDto[]> {
	return (await studyAuditRows(db, studyId, limit)).map(toDto);
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
	return (await ownerAuditRows(db, researcherId, limit)).map(toDto);
}

/** The trail as CSV (the app's one CSV writer, formulas neutralised): time (UTC, ISO 8601), study, actor, action, details (JSON). */
export function auditCsv(events: AuditEventDto[]): string {
	return toCsv(
		['time', 'study', 'actor', 'action', 'details'],
		events.map((e) => [e.at, e.studySlug ?? e.studyId ?? '', e.actor, e.action, JSON.stringify(e.details)])
	);
}
