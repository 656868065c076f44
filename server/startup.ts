import type { AppConfig } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens the database and brings its schema up to date: what the server and most CLI commands need first. */
export async function openAndMigrate(config: AppConfig): Promise<DatabaseHandle> {
	const database = await openDatabase(config);
	try {
		await migrateToLatest(database.db);
		return database;
	} catch (error) {
		await database.close();
		throw error;
	}
}
