import type { Kysely, Selectable } from 'kysely';
import type { ModerationResult, ModerationStatus } from '../../src/lib/api/types/dialogue.js';
import type { Database, DialogueResponsesTable } from '../db/schema.js';

// The one home of the queries on dialogue_responses. Every function takes the executor (`db`, or `trx`
// inside a transaction: PGlite has one connection, so `db` inside a transaction would wait for ever).

/** An attendee's answer to one question, or undefined before they answered. */
export async function findAnswer(
	db: Kysely<Database>,
	attendeeId: string,
	questionKey: string
): Promise<{ value: string | null; free_text: string | null } | undefined> {
	return db
		.selectFrom('dialogue_responses')
		.select(['value', 'free_text'])
		.where('attendee_id', '=', attendeeId)
		.where('question_key', '=', questionKey)
		.executeTakeFirst();
}

/** One answer as stored: the columns of dialogue_responses that a caller sets. */
export type AnswerRow = Pick<
	Selectable<DialogueResponsesTable>,
	'session_id' | 'attendee_id' | 'question_key' | 'value' | 'free_text' | 'moderation'
>;

/** Stores an attendee's answer, replacing their earlier answer to the same question. */
export async function upsertAnswer(db: Kysely<Database>, row: AnswerRow): Promise<void> {
	await db
		.insertInto('dialogue_responses')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['attendee_id', 'question_key']).doUpdateSet({
				value: row.value,
				free_text: row.free_text,
				moderation: row.moderation,
				answered_at: new Date()
			})
		)
		.execute();
}

/** How many answers each choice got, per session and question. */
export async function choiceCounts(
	db: Kysely<Database>,
	sessionIds: string[]
): Promise<{ session_id: string; question_key: string; value: string; n: number }[]> {
	if (sessionIds.length === 0) return [];
	const rows = await db
		.selectFrom('dialogue_responses')
		.select(['session_id', 'question_key', 'value'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', 'in', sessionIds)
		.where('value', 'is not', null)
		.groupBy(['session_id', 'question_key', 'value'])
		.execute();
	return rows.map((row) => ({ ...row, value: row.value as string, n: Number(row.n) }));
}

/** How many free-text answers each question got, per session. */
export async function freeTextCounts(
	db: Kysely<Database>,
	sessionIds: string[]
): Promise<{ session_id: string; question_key: string; n: number }[]> {
	if (sessionIds.length === 0) return [];
	const rows = await db
		.selectFrom('dialogue_responses')
		.select(['session_id', 'question_key'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', 'in', sessionIds)
		.where('free_text', 'is not', null)
		.groupBy(['session_id', 'question_key'])
		.execute();
	return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** The free-text answers of these sessions with one of these moderation statuses, oldest first. */
export async function freeTextRows(
	db: Kysely<Database>,
	sessionIds: string[],
	statuses: ModerationStatus[]
): Promise<{ id: string; free_text: string; moderation: ModerationStatus; answered_at: Date }[]> {
	if (sessionIds.length === 0 || statuses.length === 0) return [];
	const rows = await db
		.selectFrom('dialogue_responses')
		.select(['id', 'free_text', 'moderation', 'answered_at'])
		.where('session_id', 'in', sessionIds)
		.where('free_text', 'is not', null)
		.where('moderation', 'in', statuses)
		.orderBy('answered_at')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		free_text: row.free_text as string,
		moderation: row.moderation as ModerationStatus,
		answered_at: row.answered_at
	}));
}

/** Sets the moderation of a free-text answer of this session; undefined when there is no such free text. */
export async function setFreeTextModeration(
	db: Kysely<Database>,
	sessionId: string,
	responseId: string,
	moderation: ModerationStatus
): Promise<ModerationResult | undefined> {
	const row = await db
		.updateTable('dialogue_responses')
		.set({ moderation })
		.where('id', '=', responseId)
		.where('session_id', '=', sessionId)
		.where('free_text', 'is not', null)
		.returning(['id', 'moderation'])
		.executeTakeFirst();
	return row ? { id: row.id, moderation: row.moderation ?? moderation } : undefined;
}
