import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../helpers/db.js';

// Runs on the kind of database this test run uses: the embedded PGlite (one connection behind a
// mutex) or Postgres (a pool). Both must keep concurrent transactions apart.
let testDb: TestDatabase;
let db: Kysely<any>;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.database.db as Kysely<any>;
	await sql`create table iso_rows (id text primary key)`.execute(db);
	await sql`create table iso_counter (id int primary key, n int not null)`.execute(db);
	await sql`insert into iso_counter (id, n) values (1, 0)`.execute(db);
});
afterAll(async () => {
	await testDb?.destroy();
});

describe(`concurrent transactions (${databaseKind})`, () => {
	it('a statement issued outside a transaction never lands inside it', async () => {
		let outsideIssued!: () => void;
		const issued = new Promise<void>((resolve) => (outsideIssued = resolve));

		// Transaction A inserts a row, waits until another request has sent its own insert, then rolls back.
		const rolledBack = db
			.transaction()
			.execute(async (trx) => {
				await trx.insertInto('iso_rows').values({ id: 'inside' }).execute();
				await issued;
				await pause(50);
				throw new Error('roll back on purpose');
			})
			.catch((error: Error) => error.message);

		// Meanwhile another request writes through the pool (the failure of kysely-pglite: this insert
		// joined A's transaction and vanished with its rollback).
		await pause(10);
		const outside = db.insertInto('iso_rows').values({ id: 'outside' }).execute();
		outsideIssued();

		expect(await rolledBack).toBe('roll back on purpose');
		await outside;
		const rows = await db.selectFrom('iso_rows').select('id').orderBy('id').execute();
		expect(rows.map((r) => r.id)).toEqual(['outside']);
	});

	it("a transaction does not see another one's uncommitted writes", async () => {
		let written!: () => void;
		const wroteInside = new Promise<void>((resolve) => (written = resolve));
		const writer = db.transaction().execute(async (trx) => {
			await trx.insertInto('iso_rows').values({ id: 'pending' }).execute();
			written();
			await pause(50);
			throw new Error('never commit');
		});
		await wroteInside;
		const seen = await db.selectFrom('iso_rows').select('id').where('id', '=', 'pending').execute();
		await expect(writer).rejects.toThrow('never commit');
		expect(seen).toEqual([]);
	});

	it('twenty parallel read-modify-write transactions lose no update', async () => {
		await Promise.all(
			Array.from({ length: 20 }, () =>
				db.transaction().execute(async (trx) => {
					const row = await sql<{ n: number }>`select n from iso_counter where id = 1 for update`.execute(trx);
					await pause(1);
					await sql`update iso_counter set n = ${Number(row.rows[0]!.n) + 1} where id = 1`.execute(trx);
				})
			)
		);
		const final = await sql<{ n: number }>`select n from iso_counter where id = 1`.execute(db);
		expect(Number(final.rows[0]!.n)).toBe(20);
	});

	it('a failed statement inside a transaction rolls back all of it and frees the connection', async () => {
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('iso_rows').values({ id: 'first-of-two' }).execute();
				await trx.insertInto('iso_rows').values({ id: 'outside' }).execute(); // duplicate key
			})
		).rejects.toThrow();
		const rows = await db.selectFrom('iso_rows').select('id').where('id', '=', 'first-of-two').execute();
		expect(rows).toEqual([]);
		const many = await Promise.all(
			Array.from({ length: 30 }, (_, i) => sql<{ v: number }>`select ${i}::int as v`.execute(db))
		);
		expect(many.map((r) => Number(r.rows[0]!.v))).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});
});

describe.runIf(databaseKind === 'postgres')('a pooled connection dropped by the server (postgres only)', () => {
	it('does not crash the process, and the next query gets a fresh connection', async () => {
		// Open a few idle connections, then have the server end every one but the one asking.
		await Promise.all(
			Array.from({ length: 5 }, () => db.transaction().execute(async (trx) => sql`select pg_sleep(0.05)`.execute(trx)))
		);
		const killed = await sql<{ n: number }>`
			select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
			where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
		expect(Number(killed.rows[0]!.n)).toBeGreaterThan(0);
		await pause(100);
		let result: number | undefined;
		for (let attempt = 0; attempt < 10 && result === undefined; attempt++) {
			try {
				result = Number((await sql<{ v: number }>`select 42 as v`.execute(db)).rows[0]!.v);
			} catch {
				// a client that was killed while being handed out fails once; the pool then replaces it
			}
		}
		expect(result).toBe(42);
	});
});
