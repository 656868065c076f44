import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// setup_tokens: the one-time link printed at first start while no researcher account exists (stored hashed).
// login_attempts: failed logins per e-mail address, kept in the database so that every server process sees
// the same count (rate limiting must hold behind a load balancer).

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('setup_tokens')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();

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

	await db.schema
		.createIndex('researcher_sessions_researcher_idx')
		.on('researcher_sessions')
		.column('researcher_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('researcher_sessions_researcher_idx').execute();
	await db.schema.dropTable('login_attempts').execute();
	await db.schema.dropTable('setup_tokens').execute();
}
