import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code (see migrations/README.md).
// Texts that exist per language are jsonb objects keyed by language code: {"nl": "...", "en": "..."}.

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('researchers')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('researcher_sessions')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('researcher_id', 'uuid', (c) => c.notNull().references('researchers.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('studies')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'jsonb', (c) => c.notNull())
		.addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'["nl"]'::jsonb`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'open', 'closed')`)
		)
		.addColumn('consent', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('instructions', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('thank_you', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('self_enrolment', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('grid_forced', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('study_members')
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('researcher_id', 'uuid', (c) => c.notNull().references('researchers.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'co_researcher', 'facilitator')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('study_members_pk', ['study_id', 'researcher_id'])
		.execute();

	await db.schema
		.createTable('statements')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('text', 'jsonb', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('in_qset', 'boolean', (c) => c.notNull().defaultTo(true))
		.addUniqueConstraint('statements_study_code_uq', ['study_id', 'code'])
		.execute();

	await db.schema
		.createTable('grid_columns')
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('value', 'integer', (c) => c.notNull().check(sql`value between -6 and 13`))
		.addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
		.addPrimaryKeyConstraint('grid_columns_pk', ['study_id', 'value'])
		.execute();

	await db.schema
		.createTable('questions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('pre', 'post')`))
		.addColumn('type', 'text', (c) =>
			c.notNull().check(sql`type in ('single', 'multiple', 'scale', 'short_text', 'long_text')`)
		)
		.addColumn('prompt', 'jsonb', (c) => c.notNull())
		.addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('offer_decline', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('questions_study_key_uq', ['study_id', 'key'])
		.execute();

	await db.schema
		.createTable('participants')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('new')
				.check(sql`status in ('new', 'in_progress', 'submitted', 'withdrawn')`)
		)
		.addColumn('source', 'text', (c) =>
			c
				.notNull()
				.defaultTo('invited')
				.check(sql`source in ('invited', 'self_enrolled', 'facilitated')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('started_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('participants_study_idx').on('participants').column('study_id').execute();

	await db.schema
		.createTable('drafts')
		.addColumn('participant_id', 'uuid', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
		.addColumn('data', 'jsonb', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('sorts')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('study_id', 'uuid', (c) => c.notNull().references('studies.id').onDelete('cascade'))
		// Null for sorts that did not come through the participant flow (imports, paper sorts).
		.addColumn('participant_id', 'uuid', (c) => c.unique().references('participants.id').onDelete('set null'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) =>
			c.notNull().check(sql`source in ('participant', 'facilitated', 'import', 'manual', 'demo')`)
		)
		// {"<statement code>": <grid value>} for every statement of the Q-set.
		.addColumn('placements', 'jsonb', (c) => c.notNull())
		.addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('comments', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		// Notes written by a co-researcher in facilitated mode: {"sort": "...", "statements": {"<code>": "..."}}.
		.addColumn('interviewer_notes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('respondent_number', 'text')
		.addColumn('receipt', 'text', (c) => c.unique())
		// sha256 of the canonical submission, so that a retried identical submission is recognised.
		.addColumn('payload_hash', 'text')
		.addColumn('started_at', 'timestamptz')
		.addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('excluded', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('exclusion_reason', 'text')
		.addUniqueConstraint('sorts_study_label_uq', ['study_id', 'label'])
		.execute();
	await db.schema.createIndex('sorts_study_idx').on('sorts').column('study_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'sorts',
		'drafts',
		'participants',
		'questions',
		'grid_columns',
		'statements',
		'study_members',
		'studies',
		'researcher_sessions',
		'researchers'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
