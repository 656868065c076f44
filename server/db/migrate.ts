import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.js';

function migrator(db: Kysely<any>): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
	if (result.error) throw result.error;
	return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs every migration not yet applied; returns the names it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
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
