import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp extends TestDatabase {
	app: FastifyInstance;
}

/** The real app on a fresh test database; call `close()` in afterAll/afterEach. */
export async function buildTestApp(): Promise<TestApp & { close(): Promise<void> }> {
	const testDb = await createTestDatabase();
	const app = await buildApp({ config: testDb.config, database: testDb.database });
	await app.ready();
	return {
		...testDb,
		app,
		async close() {
			await app.close();
			await testDb.destroy();
		}
	};
}
