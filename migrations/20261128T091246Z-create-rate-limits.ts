import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// rate_limits: one counter per bucket (a hashed e-mail address, a device, "all logins", "all join codes", …) and
// fixed window; a single upsert counts and checks at once, under the row's lock, so the limit holds however
// many requests and server processes race. Nothing in it identifies a client: there is no IP address.
// server_secrets: random keys shared by every server process (for cookies that prove an earlier success).
// login_attempts (one row per failed login, counted after the fact) is replaced by rate_limits.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('rate_limits')
		.addColumn('bucket', 'text', (c) => c.primaryKey())
		.addColumn('window_started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('hits', 'integer', (c) => c.notNull().check(sql`hits >= 0`))
		.execute();
	await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_started_at').execute();

	await db.schema
		.createTable('server_secrets')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('login_attempts')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('login_attempts_email_time_idx')
		.on('login_attempts')
		.columns(['email', 'attempted_at'])
		.execute();
	await db.schema.dropTable('server_secrets').execute();
	await db.schema.dropTable('rate_limits').execute();
}
