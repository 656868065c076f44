import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { studySlug } from '../studies/studies-repository.js';
import { insertAuditEvent } from './events-repository.js';

/** Who did it: a researcher (id and e-mail at the time), or the command line or the server itself. */
export interface AuditActor {
	id: string | null;
	label: string;
}

export const CLI_ACTOR: AuditActor = { id: null, label: 'cli' };
export const SYSTEM_ACTOR: AuditActor = { id: null, label: 'system' };

/**
 * What the trail records. Details name files, formats, counts, roles and ids of researchers' objects;
 * never a participant code, receipt, answer, comment or IP address.
 */
export type AuditAction =
	| 'study.status'
	| 'study.delete'
	| 'study.retention'
	| 'member.add'
	| 'member.invite'
	| 'member.uninvite'
	| 'member.role'
	| 'member.remove'
	| 'export.data'
	| 'export.codes'
	| 'export.analysis'
	| 'export.reactions'
	| 'export.audit'
	| 'export.backup'
	| 'import.data'
	| 'sort.delete'
	| 'sort.withdraw'
	| 'analysis.save'
	| 'drafts.expire'
	| 'codes.remove'
	| 'database.backup'
	| 'database.restore';

export interface AuditEntry {
	studyId: string | null;
	actor: AuditActor;
	action: AuditAction;
	details?: Record<string, unknown>;
}

/**
 * Appends one row to the audit trail. Pass the transaction that makes the change where there is one,
 * so that the change and its record commit together. The study's address and its owners are copied
 * into the row: both stay readable after the study itself is deleted.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
	const studyId = entry.studyId;
	await insertAuditEvent(db, {
		studyId,
		studySlug: await studySlug(db, studyId),
		actorId: entry.actor.id,
		actor: entry.actor.label,
		action: entry.action,
		details: entry.details ?? {}
	});
}
