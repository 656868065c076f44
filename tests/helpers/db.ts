import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { AppConfig } from '../../server/config.js';
import { loadConfig } from '../../server/config.js';
import { type DatabaseHandle } from '../../server/db/index.js';
import { openAndMigrate } from '../../server/startup.js';

export interface TestDatabase {
	config: AppConfig;
	database: DatabaseHandle;
	/** Closes the database and removes it (the temp folder, or the fresh Postgres database). */
	destroy(): Promise<void>;
}

/** `DATABASE_URL` of the run: set → every test file gets a fresh database on that server; unset → PGlite. */
export const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
export const databaseKind = serverUrl ? 'postgres' : 'embedded';

async function adminQuery(text: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/**
 * Creates an empty database on the DATABASE_URL server and returns its URL and a function that drops it.
 * Only for runs against Postgres (`serverUrl` set).
 */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	if (!serverUrl) throw new Error('createServerDatabase needs DATABASE_URL');
	const dbName = `standpunt_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	await adminQuery(`create database ${dbName}`);
	const url = new URL(serverUrl);
	url.pathname = `/${dbName}`;
	return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${dbName} with (force)`) };
}

/**
 * Puts a copy of the run's migrated PGlite template (tests/helpers/global-setup.ts) into `dataDir`,
 * so that opening it skips initdb. Returns false when there is no template (Postgres runs).
 */
export function copyPgliteTemplate(dataDir: string): boolean {
	const template = inject('pgliteTemplate');
	if (!template) return false;
	cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
	return true;
}

/** A fresh, migrated database of the kind this run tests (see `databaseKind`). */
export async function createTestDatabase(): Promise<TestDatabase> {
	const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-test-'));
	const serverDb = serverUrl ? await createServerDatabase() : undefined;
	if (!serverDb) copyPgliteTemplate(dataDir);
	const databaseUrl = serverDb?.url;
	const config: AppConfig = {
		...loadConfig({}),
		databaseUrl,
		dataDir,
		seedDemo: false,
		logLevel: 'silent',
		staticDir: join(process.cwd(), 'build')
	};
	const database = await openAndMigrate(config);
	return {
		config,
		database,
		async destroy() {
			await database.close();
			rmSync(dataDir, { recursive: true, force: true });
			await serverDb?.drop();
		}
	};
}
