import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// An owner adds a researcher by e-mail as an invitation, whether or not an account with that address
// exists, so the answer never tells whether it does; the invitation becomes a membership when the account
// with that address next opens its list of studies.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('study_invitations')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		// Lower-cased, like researchers.email.
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'co_researcher', 'facilitator')`))
		.addColumn('invited_by', 'uuid', (c) => c.references('researchers.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('study_invitations_study_email_key', ['study_id', 'email'])
		.execute();
	await db.schema.createIndex('study_invitations_email_idx').on('study_invitations').column('email').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('study_invitations').execute();
}
