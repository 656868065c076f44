import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// How and with whom a participant withdraws, in the study's own words per language (shown on the
// receipt page), e.g. {"nl":"Mail onderzoek@example.org en noem je ontvangstcode."}.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('studies')
		.addColumn('contact', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('studies').dropColumn('contact').execute();
}
