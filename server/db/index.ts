import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { AppConfig } from '../config.js';
import { lockDataDir } from './lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'embedded' | 'postgres';

/**
 * How much of a WebAssembly function V8 runs before it compiles it again with its optimising compiler: ten
 * times its default (1,800,000). PostgreSQL's start-up runs a great many functions a few times each; at the
 * default, V8 optimised hundreds of them on its compile threads, about half a second of CPU competing with the
 * start itself on a two-core machine. Functions that stay busy are still optimised, a little later. Set just
 * before the embedded database compiles; Node allows setting V8 flags at run time (node:v8 setFlagsFromString).
 */
export const EMBEDDED_WASM_TIERING_BUDGET = 18_000_000;

/** The embedded database's shared buffers (PostgreSQL's own cache of data pages). */
export const EMBEDDED_SHARED_BUFFERS = '32MB';

export interface DatabaseHandle {
	db: Kysely<Database>;
	kind: DatabaseKind;
	/** The connection string for LISTEN/NOTIFY clients; undefined for the embedded database. */
	url: string | undefined;
	/** The embedded instance, for LISTEN/NOTIFY on PGlite; undefined for Postgres. */
	pglite: PGlite | undefined;
	close(): Promise<void>;
}

/**
 * Opens the database the configuration asks for: a `pg` pool on DATABASE_URL, or an embedded
 * PGlite database in `<dataDir>/pgdata`, guarded by a lock on the data folder.
 */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
	// Each driver is loaded only when used: that shortens the start of the other kind.
	if (config.databaseUrl) {
		const { default: pg } = await import('pg');
		const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
		// Without these listeners a connection dropped by the server (a Postgres restart, or a test
		// dropping its database) emits an unhandled 'error' and takes the whole process down. The pool
		// discards a broken idle client and opens a new one when needed; a query in flight still fails.
		pool.on('error', () => {});
		pool.on('connect', (client) => client.on('error', () => {}));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, kind: 'postgres', url: config.databaseUrl, pglite: undefined, close: () => db.destroy() };
	}
	const release = lockDataDir(config.dataDir);
	try {
		setFlagsFromString(`--wasm-tiering-budget=${EMBEDDED_WASM_TIERING_BUDGET}`);
		const { PGlite } = await import('@electric-sql/pglite');
		const pglite = await PGlite.create(join(config.dataDir, 'pgdata'), {
			// PGlite's default of 128 MB shared buffers is set up (and its memory touched) at every start, a
			// quarter of the embedded database's start-up; 32 MB holds a study many times over, and the
			// operating system caches the data files beneath it. Set per start, never written to the data folder.
			startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`]
		});
		const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
		let closed = false;
		return {
			db,
			kind: 'embedded',
			url: undefined,
			pglite,
			close: async () => {
				if (closed) return;
				closed = true;
				try {
					await db.destroy();
					await pglite.close();
				} finally {
					release();
				}
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}
