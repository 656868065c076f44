import type { Kysely } from 'kysely';
import type { ModerationResult, ModerationStatus } from '../../src/lib/api/types/dialogue.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { isUuid } from '../studies/access.js';
import type { DialogueSession } from './access.js';
import { notifyDialogue } from './live.js';
import { setFreeTextModeration } from './responses-repository.js';

export const responseNotFound = () =>
	new AppError(404, 'RESPONSE_NOT_FOUND', 'There is no such free-text answer in this session.');

/**
 * Shows a free-text answer of this session on the screen, hides it, or puts it back in the queue, and
 * tells the session's streams in the same transaction. Only free texts can be moderated.
 */
export async function moderateFreeText(
	db: Kysely<Database>,
	session: DialogueSession,
	responseId: string,
	moderation: ModerationStatus
): Promise<ModerationResult> {
	if (!isUuid(responseId)) throw responseNotFound();
	const updated = await db.transaction().execute(async (trx) => {
		const row = await setFreeTextModeration(trx, session.id, responseId, moderation);
		if (row) await notifyDialogue(trx, { session: session.id, kind: 'moderation' });
		return row;
	});
	if (!updated) throw responseNotFound();
	return updated;
}
