import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findStudy } from '../studies/studies-repository.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContent, type BackupScope } from './format.js';
import { backupTables, studyCondition, UNUSABLE_PASSWORD } from './tables.js';

export interface SnapshotOptions {
	/** Unset: the whole database. */
	studyId?: string;
}

/**
 * Reads the whole database, or one study with everything that belongs to it, in ONE read-only
 * repeatable-read transaction: a consistent snapshot even while participants keep submitting. Rows are
 * written by Postgres itself (`to_jsonb`, with the session time zone set to UTC), so that every type
 * survives exactly and a backup of a restored database is identical; they are ordered by their text.
 */
export async function readSnapshot(db: Kysely<Database>, options: SnapshotOptions = {}): Promise<BackupContent> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			await sql`set transaction read only`.execute(trx);
			await sql`set local timezone to 'UTC'`.execute(trx);
			const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
			let scope: BackupScope = { kind: 'database' };
			if (options.studyId) {
				const study = await findStudy(trx, options.studyId);
				if (!study) throw new AppError(404, 'STUDY_NOT_FOUND', 'There is no such study.');
				scope = { kind: 'study', id: study.id, slug: study.slug };
			}
			const rows = new Map<string, string[]>();
			const tables: { name: string; rows: number }[] = [];
			for (const name of await backupTables(trx)) {
				let condition = sql`true`;
				let row = sql`(to_jsonb(t))`;
				if (options.studyId) {
					const scoped = studyCondition(name, options.studyId);
					if (!scoped) throw new Error(`A study backup does not know which rows of table ${name} belong to a study.`);
					condition = scoped;
					if (name === 'researchers')
						row = sql`(to_jsonb(t) || jsonb_build_object('password_hash', ${UNUSABLE_PASSWORD}::text))`;
				}
				const result = await sql<{
					j: string;
				}>`select ${row}::text as j from ${sql.table(name)} t where ${condition} order by ${row}::text collate "C"`.execute(
					trx
				);
				rows.set(
					name,
					result.rows.map((r) => r.j)
				);
				tables.push({ name, rows: result.rows.length });
			}
			return {
				header: {
					format: BACKUP_FORMAT,
					version: BACKUP_VERSION,
					createdAt: new Date().toISOString(),
					migrations: migrations.rows.map((m) => m.name),
					scope,
					tables
				},
				rows
			};
		});
}
