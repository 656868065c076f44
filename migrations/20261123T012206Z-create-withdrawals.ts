import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// An audit trail of withdrawals that holds no personal data: no receipt, no label, no answers;
// only which study lost a sort, when, where that sort had come from, and which researcher acted.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('withdrawals')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('sort_source', 'text', (c) => c.notNull())
		// The researcher who carried out the request (not the participant).
		.addColumn('withdrawn_by', 'uuid', (c) => c.references('researchers.id').onDelete('set null'))
		.addColumn('withdrawn_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('withdrawals_study_idx').on('withdrawals').column('study_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('withdrawals').execute();
}
