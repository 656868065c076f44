import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SHARED_BUFFERS } from '../../../server/db/index.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../../helpers/db.js';

// The embedded database starts with smaller shared buffers than PGlite's default (a quarter of its start-up).
let testDb: TestDatabase;
beforeAll(async () => {
	testDb = await createTestDatabase();
});
afterAll(async () => {
	await testDb?.destroy();
});

describe('embedded database settings', () => {
	it(`runs with ${EMBEDDED_SHARED_BUFFERS} shared buffers (Postgres keeps its own setting)`, async () => {
		const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(testDb.database.db);
		if (databaseKind === 'embedded') expect(rows[0]?.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
		else expect(rows[0]?.shared_buffers).toBeTruthy();
	});
});
