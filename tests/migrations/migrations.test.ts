import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrateDownAll, migrateToLatest } from '../../server/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let testDb: TestDatabase;
// Kysely's own bookkeeping tables stay when every migration is reverted.
const BOOKKEEPING = ['kysely_migration', 'kysely_migration_lock'];

async function publicTables(db: Kysely<any>): Promise<string[]> {
	const result = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	return result.rows.map((r) => r.table_name).filter((t) => !BOOKKEEPING.includes(t));
}

async function publicIndexes(db: Kysely<any>): Promise<string[]> {
	const result = await sql<{ indexname: string; tablename: string }>`
		select indexname, tablename from pg_indexes where schemaname = 'public' order by indexname`.execute(db);
	return result.rows.filter((r) => !BOOKKEEPING.includes(r.tablename)).map((r) => r.indexname);
}

beforeAll(async () => {
	testDb = await createTestDatabase(); // already migrated to the latest version
});
afterAll(async () => {
	await testDb?.destroy();
});

describe('migrations', () => {
	it('are named YYYYMMDDTHHMMSSZ-<verb>-<object> and listed in order', () => {
		const names = Object.keys(migrations);
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) expect(name).toMatch(/^\d{8}T\d{6}Z-[a-z]+(-[a-z0-9]+)+$/);
		expect([...names].sort()).toEqual(names);
	});

	it('go up, all the way down, and up again to the same schema', async () => {
		const db = testDb.database.db as Kysely<any>;
		const tablesUp = await publicTables(db);
		const indexesUp = await publicIndexes(db);
		expect(tablesUp).toEqual(
			expect.arrayContaining(['studies', 'statements', 'grid_columns', 'questions', 'participants', 'drafts', 'sorts'])
		);

		const reverted = await migrateDownAll(db);
		expect(reverted).toEqual(Object.keys(migrations).reverse());
		expect(await publicTables(db)).toEqual([]);
		expect(await publicIndexes(db)).toEqual([]);

		const applied = await migrateToLatest(db);
		expect(applied).toEqual(Object.keys(migrations));
		expect(await publicTables(db)).toEqual(tablesUp);
		expect(await publicIndexes(db)).toEqual(indexesUp);

		// And a second round trip, so that a down that only works once is caught too.
		await migrateDownAll(db);
		await migrateToLatest(db);
		expect(await publicTables(db)).toEqual(tablesUp);
	});

	it('leave a working schema after the round trip', async () => {
		const db = testDb.database.db;
		const study = await db
			.insertInto('studies')
			.values({ slug: 'round-trip', title: JSON.stringify({ nl: 'Heen en terug' }) })
			.returning(['id', 'status', 'languages'])
			.executeTakeFirstOrThrow();
		expect(study).toMatchObject({ status: 'draft', languages: ['nl'] });
	});

	it('migrating an up-to-date database does nothing', async () => {
		expect(await migrateToLatest(testDb.database.db)).toEqual([]);
	});

	it('finds an up-to-date database so with two small queries, not with the Migrator', async () => {
		const queries: string[] = [];
		const counting = testDb.database.db.withPlugin({
			transformQuery: (args) => {
				queries.push(args.node.kind);
				return args.node;
			},
			transformResult: async (args) => args.result
		});
		expect(await migrateToLatest(counting)).toEqual([]);
		expect(queries).toEqual(['RawNode', 'SelectQueryNode']);
	});

	it('still refuses a database with a migration this version does not know', async () => {
		const db = testDb.database.db as Kysely<any>;
		await db
			.insertInto('kysely_migration')
			.values({ name: '29991231T000000Z-from-the-future', timestamp: '2999-12-31' })
			.execute();
		try {
			await expect(migrateToLatest(db)).rejects.toThrow(/corrupted migrations/);
		} finally {
			await db.deleteFrom('kysely_migration').where('name', '=', '29991231T000000Z-from-the-future').execute();
		}
	});
});
