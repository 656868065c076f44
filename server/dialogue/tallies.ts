import type { Kysely } from 'kysely';
import type { FreeText, PresenterState } from '../../src/lib/api/types/dialogue.js';
import { findQuestion, sessionQuestions } from '../../src/lib/dialogue/questions.js';
import { buildTally, type Tally } from '../../src/lib/dialogue/tally.js';
import type { Database, ModerationStatus } from '../db/schema.js';
import type { DialogueSession } from './access.js';
import { toSessionDto } from './sessions.js';

/**
 * Tallies of every question over one or more sessions, with the small-group rule applied here, on the
 * server: counts below 5 never leave the API (src/lib/dialogue/tally.ts).
 */
export async function tallySessions(db: Kysely<Database>, sessionIds: string[], nFactors: number): Promise<Tally[]> {
	const counts = new Map<string, Record<string, number>>();
	if (sessionIds.length > 0) {
		const choices = await db
			.selectFrom('dialogue_responses')
			.select(['question_key', 'value'])
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('session_id', 'in', sessionIds)
			.where('value', 'is not', null)
			.groupBy(['question_key', 'value'])
			.execute();
		for (const row of choices) {
			const entry = counts.get(row.question_key) ?? {};
			entry[row.value as string] = Number(row.n);
			counts.set(row.question_key, entry);
		}
		const texts = await db
			.selectFrom('dialogue_responses')
			.select('question_key')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('session_id', 'in', sessionIds)
			.where('free_text', 'is not', null)
			.groupBy('question_key')
			.execute();
		for (const row of texts) counts.set(row.question_key, { text: Number(row.n) });
	}
	return sessionQuestions(nFactors).map((question) => buildTally(question, counts.get(question.key) ?? {}));
}

export async function listFreeTexts(
	db: Kysely<Database>,
	sessionIds: string[],
	statuses: ModerationStatus[]
): Promise<FreeText[]> {
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
		text: row.free_text as string,
		moderation: row.moderation as ModerationStatus,
		answeredAt: new Date(row.answered_at).toISOString()
	}));
}

/** What the projector (`control: false`) or the facilitator's control screen (`control: true`) shows. */
export async function presenterState(
	db: Kysely<Database>,
	session: DialogueSession,
	nFactors: number,
	control: boolean
): Promise<PresenterState> {
	const attendees = await db
		.selectFrom('dialogue_attendees')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', session.id)
		.executeTakeFirstOrThrow();
	const state: PresenterState = {
		session: toSessionDto(session),
		attendees: Number(attendees.n),
		question: session.current_question ? (findQuestion(session.current_question, nFactors) ?? null) : null,
		tallies: await tallySessions(db, [session.id], nFactors),
		shown: await listFreeTexts(db, [session.id], ['shown'])
	};
	if (control) state.pending = await listFreeTexts(db, [session.id], ['pending']);
	return state;
}
