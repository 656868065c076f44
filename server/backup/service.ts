import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { isUuid } from '../studies/access.js';
import { findStudy, studyIdBySlug } from '../studies/studies-repository.js';
import { type BackupHeader, encodeBackup } from './format.js';
import { readSnapshot } from './snapshot.js';

export interface BackupFile {
	file: Buffer;
	header: BackupHeader;
	rows: number;
}

/** A study by its slug or id; 404 STUDY_NOT_FOUND otherwise. */
export async function resolveStudyId(db: Kysely<Database>, ref: string): Promise<string> {
	const id = (isUuid(ref) ? (await findStudy(db, ref))?.id : undefined) ?? (await studyIdBySlug(db, ref));
	if (!id) throw new AppError(404, 'STUDY_NOT_FOUND', `There is no study "${ref}".`);
	return id;
}

/**
 * Makes a backup file of the whole database or of one study, and records it in the audit trail
 * (after the snapshot, so the file does not contain its own entry).
 */
export async function createBackup(db: Kysely<Database>, actor: AuditActor, studyId?: string): Promise<BackupFile> {
	const content = await readSnapshot(db, { studyId });
	const file = encodeBackup(content);
	const rows = content.header.tables.reduce((sum, t) => sum + t.rows, 0);
	await recordAudit(db, {
		studyId: studyId ?? null,
		actor,
		action: studyId ? 'export.backup' : 'database.backup',
		details: { rows, bytes: file.length }
	});
	return { file, header: content.header, rows };
}

/** `standpunt-<slug or database>-<UTC time>.standpunt.gz` */
export function backupFileName(header: BackupHeader): string {
	const stamp = header.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
	const what = header.scope.kind === 'study' ? header.scope.slug : 'database';
	return `standpunt-${what}-${stamp}.standpunt.gz`;
}
