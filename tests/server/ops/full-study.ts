import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/schema.js';
import { createDialogueFixture, type Fixture } from '../dialogue/dialogue-fixture.js';

/**
 * A study with a row in every table that belongs to a study: members, statements, grid, a question,
 * codes (used, half-way with a draft, unused), sorts with answers, comments and notes, a withdrawal,
 * an analysis with an interpretation, a dialogue session with attendees, reactions and a mini-sort tally,
 * a shown composition and an invitation.
 */
export async function createFullStudy(db: Kysely<Database>, slug: string): Promise<Fixture> {
	const fixture = await createDialogueFixture(db, slug);
	const { studyId, analysisId } = fixture;
	await db
		.insertInto('questions')
		.values({
			study_id: studyId,
			key: 'unit',
			phase: 'pre',
			type: 'short_text',
			prompt: JSON.stringify({ nl: 'Eenheid?', en: 'Unit?' }),
			position: 1
		})
		.execute();
	const participants = await db
		.insertInto('participants')
		.values(
			['submitted', 'in_progress', 'new'].map((status, i) => ({
				study_id: studyId,
				code: `${slug.toUpperCase()}-${i}`,
				status: status as 'new'
			}))
		)
		.returning(['id', 'status'])
		.execute();
	const halfway = participants.find((p) => p.status === 'in_progress')!;
	await db
		.insertInto('drafts')
		.values({ participant_id: halfway.id, data: JSON.stringify({ step: 'grid', placements: { S01: 2 } }) })
		.execute();
	await db
		.updateTable('sorts')
		.set({ participant_id: participants[0]!.id, answers: JSON.stringify({ unit: 'Noord' }), receipt: `R-${slug}` })
		.where('study_id', '=', studyId)
		.where('label', '=', 'R01')
		.execute();
	await db.insertInto('withdrawals').values({ study_id: studyId, sort_source: 'participant' }).execute();
	await db
		.insertInto('interpretations')
		.values({ analysis_id: analysisId, factor: 1, name: 'Vakmanschap', narrative: 'Het werk eerst.' })
		.execute();
	const session = await db
		.insertInto('dialogue_sessions')
		.values({ analysis_id: analysisId, name: 'Teamdag', join_code: slug.slice(0, 6).toUpperCase().padEnd(6, 'X') })
		.returning('id')
		.executeTakeFirstOrThrow();
	const attendee = await db
		.insertInto('dialogue_attendees')
		.values({ session_id: session.id, token_hash: `hash-${slug}` })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('dialogue_responses')
		.values({ session_id: session.id, attendee_id: attendee.id, question_key: 'recognise', value: '4' })
		.execute();
	await db
		.insertInto('dialogue_responses')
		.values({
			session_id: session.id,
			attendee_id: attendee.id,
			question_key: 'missing',
			free_text: 'Meer over de wijk',
			moderation: 'pending'
		})
		.execute();
	await db.insertInto('dialogue_mini_sort_tallies').values({ session_id: session.id, factor: 1, count: 1 }).execute();
	await db
		.insertInto('composition_disclosures')
		.values({
			study_id: studyId,
			digest: `digest-${slug}`,
			sort_labels: JSON.stringify(['R01', 'R02', 'R03', 'R04', 'R05'])
		})
		.execute();
	await db
		.insertInto('study_invitations')
		.values({ study_id: studyId, email: `uitgenodigd-${slug}@example.org`, role: 'facilitator' })
		.execute();
	return fixture;
}

/** Every table of the public schema (Kysely's bookkeeping too) with its number of rows. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
	const tables = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	const counts: Record<string, number> = {};
	for (const { table_name } of tables.rows) {
		const result = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table_name)}`.execute(db);
		counts[table_name] = Number(result.rows[0]!.n);
	}
	return counts;
}
