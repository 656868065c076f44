import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code (see migrations/README.md).
// Interpretations of a saved analysis's factors, and the dialogue sessions in which those viewpoints are
// discussed. Privacy by construction: attendees are anonymous tokens (only a hash is stored), no names,
// no IP addresses; mini-sort results are kept only as counts per session and viewpoint.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('interpretations')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('analysis_id', 'uuid', (c) => c.notNull().references('analyses.id').onDelete('cascade'))
		// 1-based factor number, as in the analysis result.
		.addColumn('factor', 'integer', (c) => c.notNull().check(sql`factor between 1 and 8`))
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('narrative', 'text', (c) => c.notNull().defaultTo(''))
		// [{"sortId", "respondent", "text", "source": "comment" | "interviewer_note", "statement"?}]
		.addColumn('quotes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('updated_by', 'uuid', (c) => c.references('researchers.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('interpretations_analysis_factor_uq', ['analysis_id', 'factor'])
		.execute();

	await db.schema
		.createTable('dialogue_sessions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('analysis_id', 'uuid', (c) => c.notNull().references('analyses.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('session_date', 'text', (c) => c.check(sql`session_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
		// Kept after closing (unique for ever), so a closed session's code can never be handed out again.
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'closed')`)
		)
		// Key of the question attendees can answer now, e.g. "recognise-2"; null between questions.
		.addColumn('current_question', 'text')
		.addColumn('mini_sort', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_by', 'uuid', (c) => c.references('researchers.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('closed_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('dialogue_sessions_analysis_idx').on('dialogue_sessions').column('analysis_id').execute();

	await db.schema
		.createTable('dialogue_attendees')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('dialogue_sessions.id').onDelete('cascade'))
		// sha256 of the attendee's random token; the token itself lives only in the attendee's cookie.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('mini_sort_done', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('dialogue_attendees_session_idx').on('dialogue_attendees').column('session_id').execute();

	await db.schema
		.createTable('dialogue_responses')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('dialogue_sessions.id').onDelete('cascade'))
		.addColumn('attendee_id', 'uuid', (c) => c.notNull().references('dialogue_attendees.id').onDelete('cascade'))
		.addColumn('question_key', 'text', (c) => c.notNull())
		// The chosen option ("1".."5", "factor-2", "mix", "none"); null for a free-text answer.
		.addColumn('value', 'text')
		.addColumn('free_text', 'text')
		// Free text only: waits as "pending" until the facilitator shows or hides it.
		.addColumn('moderation', 'text', (c) => c.check(sql`moderation in ('pending', 'shown', 'hidden')`))
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('dialogue_responses_attendee_question_uq', ['attendee_id', 'question_key'])
		.addCheckConstraint('dialogue_responses_one_kind_ck', sql`(value is null) <> (free_text is null)`)
		.execute();
	await db.schema
		.createIndex('dialogue_responses_session_idx')
		.on('dialogue_responses')
		.columns(['session_id', 'question_key'])
		.execute();

	// Mini-sort outcomes as counts only: which viewpoint was closest (0 = none), never who sorted what.
	await db.schema
		.createTable('dialogue_mini_sort_tallies')
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('dialogue_sessions.id').onDelete('cascade'))
		.addColumn('factor', 'integer', (c) => c.notNull().check(sql`factor between 0 and 8`))
		.addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('dialogue_mini_sort_tallies_pk', ['session_id', 'factor'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'dialogue_mini_sort_tallies',
		'dialogue_responses',
		'dialogue_attendees',
		'dialogue_sessions',
		'interpretations'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
