import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { BackupFileError, type BackupContent } from './format.js';
import { NOT_BACKED_UP } from './tables.js';

/** The target holds data (or a schema this file cannot be restored under): nothing was changed. */
export class RestoreTargetError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RestoreTargetError';
	}
}

/** Rows per INSERT: large enough to be quick, small enough for PGlite's single connection. */
const BATCH = 500;

async function publicTables(db: Kysely<any>): Promise<string[]> {
	const result = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
	return result.rows.map((r) => r.name);
}

async function appliedMigrations(db: Kysely<any>, tables: string[]): Promise<string[]> {
	if (!tables.includes('kysely_migration')) return [];
	const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
	return result.rows.map((r) => r.name);
}

/** Refuses a file whose schema this version does not know (made by a newer Standpunt). */
export function assertKnownSchema(content: BackupContent): string | undefined {
	const known = Object.keys(migrations);
	const unknown = content.header.migrations.filter((name) => !known.includes(name));
	if (unknown.length > 0) {
		throw new BackupFileError(
			`The backup file comes from a newer version of Standpunt (its schema has ${unknown.join(', ')}). Update Standpunt, then restore.`
		);
	}
	return content.header.migrations.at(-1);
}

async function migrateWithin(db: Kysely<any>, target: string | undefined): Promise<void> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, disableTransactions: true });
	const result = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
	if (result.error) throw result.error;
}

/** Sets each serial column's sequence past the restored values, so that new rows get fresh numbers. */
async function resetSequences(db: Kysely<any>, table: string): Promise<void> {
	const serials = await sql<{ column_name: string }>`
		select column_name from information_schema.columns
		where table_schema = 'public' and table_name = ${table} and column_default like 'nextval(%'`.execute(db);
	for (const { column_name } of serials.rows) {
		await sql`select setval(pg_get_serial_sequence(${table}, ${column_name}), coalesce(max(${sql.ref(column_name)}), 0) + 1, false) from ${sql.table(table)}`.execute(
			db
		);
	}
}

/**
 * Restores a verified backup into an EMPTY database, in one transaction on one connection: schema up to
 * the file's version, every row, then the migrations since. On any failure it rolls back, so the target is
 * exactly as before. Empty means: no row in any table a backup holds (a schema alone, e.g. from a server that started
 * once on it and created nothing, is fine and is brought to the file's version first).
 */
export async function restoreBackup(
	db: Kysely<any>,
	content: BackupContent
): Promise<{ rows: number; migrated: number }> {
	const fileVersion = assertKnownSchema(content);
	return db.connection().execute(async (conn) => {
		await sql`begin`.execute(conn);
		try {
			await sql`set local timezone to 'UTC'`.execute(conn);
			const tables = await publicTables(conn);
			for (const table of tables) {
				if (NOT_BACKED_UP.includes(table)) continue;
				const any = await sql`select 1 from ${sql.table(table)} limit 1`.execute(conn);
				if (any.rows.length > 0) {
					throw new RestoreTargetError(
						`The target database is not empty (table ${table} has rows). Restore only into an empty database or a new data folder.`
					);
				}
			}
			const before = await appliedMigrations(conn, tables);
			await migrateWithin(conn, fileVersion);
			let rows = 0;
			for (const { name } of content.header.tables) {
				if (NOT_BACKED_UP.includes(name))
					throw new BackupFileError(`The backup file lists table ${name}, which backups never hold.`);
				const list = content.rows.get(name)!;
				for (let start = 0; start < list.length; start += BATCH) {
					const json = `[${list.slice(start, start + BATCH).join(',')}]`;
					await sql`insert into ${sql.table(name)} select * from jsonb_populate_recordset(null::${sql.table(name)}, ${json}::jsonb)`.execute(
						conn
					);
				}
				rows += list.length;
				await resetSequences(conn, name);
			}
			await migrateWithin(conn, undefined);
			const after = await appliedMigrations(conn, await publicTables(conn));
			await sql`commit`.execute(conn);
			return { rows, migrated: after.length - before.length };
		} catch (error) {
			await sql`rollback`.execute(conn).catch(() => undefined);
			throw error;
		}
	});
}
