import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code (see migrations/README.md).
// A saved analysis keeps the request that produced it (method, factors, rotation steps, flags) and the
// engine's result as computed by the server, so a colleague reopening it sees the same numbers.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('analyses')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('researchers.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// {"extraction","factors","rotation","flagLevel","rotationSteps","flags"} exactly as validated.
		.addColumn('request', 'jsonb', (c) => c.notNull())
		// The engine's JSON result (the CLI's schema). `json`, not `jsonb`: the text is kept as written,
		// key order included, so a reopened version is byte-for-byte the one that was saved.
		.addColumn('result', 'json', (c) => c.notNull())
		// Which sorts and statements went in (ids, in order), so a re-run can tell when the data changed.
		.addColumn('inputs', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('engine_version', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('analyses_study_idx').on('analyses').columns(['study_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('analyses').execute();
}
