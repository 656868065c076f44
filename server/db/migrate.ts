import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';

function migrator(db: Kysely<any>): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
	if (result.error) throw result.error;
	return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the database has applied exactly the migrations this build knows: then there is nothing to run.
 * Two small queries, where Kysely's Migrator first reads the columns of every table (twice) and takes a
 * lock: on the embedded database that was a tenth of a restart. Anything else (a fresh database, a new
 * migration, an unknown one) goes to the Migrator, which runs or refuses exactly as before.
 */
async function upToDate(db: Kysely<any>): Promise<boolean> {
	const { rows } = await sql<{
		present: boolean;
	}>`select to_regclass('kysely_migration') is not null as present`.execute(db);
	if (!rows[0]?.present) return false;
	const applied = await db.selectFrom('kysely_migration').select('name').execute();
	const known = Object.keys(migrations);
	const names = new Set(applied.map((row: { name: string }) => row.name));
	return names.size === known.length && known.every((name) => names.has(name));
}

/** Runs every migration not yet applied; returns the names it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	if (await upToDate(db)) return [];
	return unwrap(await migrator(db).migrateToLatest());
}

/** Reverts every migration, newest first (used by the migration tests). */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
	const m = migrator(db);
	const applied: string[] = [];
	for (;;) {
		const result = await m.migrateDown();
		const names = unwrap(result);
		if (names.length === 0) return applied;
		applied.push(...names);
	}
}
