import type { Kysely } from 'kysely';
import type { ModerationStatus } from '../../src/lib/api/types/dialogue.js';
import type { Database } from '../db/schema.js';

// Queries on dialogue_responses. Every function takes the executor (`db`, or `trx` inside a transaction).

/** Sets the moderation of a free-text answer of this session; undefined when there is no such free text. */
export async function setFreeTextModeration(
	db: Kysely<Database>,
	sessionId: string,
	responseId: string,
	moderation: ModerationStatus
): Promise<{ id: string; moderation: ModerationStatus } | undefined> {
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
