import type { PGlite } from '@electric-sql/pglite';
import {
	CompiledQuery,
	type DatabaseConnection,
	type DatabaseIntrospector,
	type Dialect,
	type Driver,
	type Kysely,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type QueryResult,
	type TransactionSettings
} from 'kysely';

/**
 * A Kysely dialect for an embedded PGlite database.
 *
 * PGlite is a single Postgres backend, so the driver hands out one connection at a time: a
 * request waits until the previous query or the whole previous transaction has released it.
 * That is what keeps one request's statements out of another request's transaction (the
 * failure we saw with the `kysely-pglite` package). The flip side: inside a transaction,
 * always use the transaction object, never the outer `db`, or the query waits forever.
 */
export class PGliteDialect implements Dialect {
	constructor(private readonly pglite: PGlite) {}

	createAdapter() {
		return new PostgresAdapter();
	}
	createDriver(): Driver {
		return new PGliteDriver(this.pglite);
	}
	createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
		return new PostgresIntrospector(db);
	}
	createQueryCompiler() {
		return new PostgresQueryCompiler();
	}
}

class PGliteDriver implements Driver {
	private readonly connection: PGliteConnection;
	private queue: Promise<void> = Promise.resolve();

	constructor(pglite: PGlite) {
		this.connection = new PGliteConnection(pglite);
	}

	async init(): Promise<void> {}

	async acquireConnection(): Promise<DatabaseConnection> {
		let release!: () => void;
		const previous = this.queue;
		this.queue = new Promise<void>((resolve) => (release = resolve));
		await previous;
		this.connection.release = release;
		return this.connection;
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
		await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('commit'));
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('rollback'));
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		const release = (connection as PGliteConnection).release;
		(connection as PGliteConnection).release = undefined;
		release?.();
	}

	async destroy(): Promise<void> {
		// Wait for the statement in flight; closing PGlite is the owner's job (see createDatabase).
		await this.queue;
	}
}

/**
 * PGlite puts the failing SQL text and its parameters on the error (`query`, `params`, `queryOptions`);
 * a parameter may be a participant's answer, comment or code, and errors end up in logs. node-postgres
 * errors carry neither, so the two databases fail alike.
 */
function withoutQuery(error: unknown): unknown {
	if (error && typeof error === 'object') {
		for (const key of ['query', 'params', 'queryOptions']) delete (error as Record<string, unknown>)[key];
	}
	return error;
}

class PGliteConnection implements DatabaseConnection {
	release: (() => void) | undefined;

	constructor(private readonly pglite: PGlite) {}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		let result;
		try {
			result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
		} catch (error) {
			throw withoutQuery(error);
		}
		const command = result.fields.length === 0 || /^(insert|update|delete|merge)/i.test(compiledQuery.sql.trimStart());
		return {
			rows: result.rows,
			...(command && result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {})
		};
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('streaming queries are not supported by the embedded database');
	}
}
