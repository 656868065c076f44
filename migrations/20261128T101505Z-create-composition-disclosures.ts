import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// Every set of defining sorts whose composition by pre-sort answers the API has shown, per study, so that
// a set differing from a shown one by fewer than 5 sorts can be refused, across requests and processes.
// Holds sort labels only (no answers); deleted with the study.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('composition_disclosures')
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		// sha-256 of the sorted labels, one per line: the same set is recorded once.
		.addColumn('digest', 'text', (c) => c.notNull())
		.addColumn('sort_labels', 'jsonb', (c) => c.notNull())
		.addColumn('shown_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('composition_disclosures_pkey', ['study_id', 'digest'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('composition_disclosures').execute();
}
