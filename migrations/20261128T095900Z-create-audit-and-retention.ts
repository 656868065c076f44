import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// The audit trail (who did what to which study, and when) and a draft retention period per study.
// Audit rows have no foreign keys on purpose: they must outlive the study, the analysis or the
// researcher they describe. They never hold participant data or IP addresses.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('audit_events')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid')
		// A copy of the study's address at the time, readable after the study is gone.
		.addColumn('study_slug', 'text')
		.addColumn('actor_id', 'uuid')
		// The researcher's e-mail at the time, or 'cli' / 'system' for the command line and the server itself.
		.addColumn('actor', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		// Who may read the row once the study is deleted: its owners at the time of the event.
		.addColumn('owner_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('audit_events_study_time_idx')
		.on('audit_events')
		.columns(['study_id', 'created_at'])
		.execute();
	await db.schema
		.alterTable('studies')
		.addColumn('draft_retention_days', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(90)
				.check(sql`draft_retention_days between 1 and 3650`)
		)
		.execute();
	await db.schema.createIndex('drafts_updated_idx').on('drafts').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('drafts_updated_idx').execute();
	await db.schema.alterTable('studies').dropColumn('draft_retention_days').execute();
	await db.schema.dropTable('audit_events').execute();
}
