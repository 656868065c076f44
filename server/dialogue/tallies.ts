import type { Kysely } from 'kysely';
import type { FreeText, PresenterState } from '../../src/lib/api/types/dialogue.js';
import { findQuestion, sessionQuestions } from '../../src/lib/dialogue/questions.js';
import { buildTally, combineTallies, type Counts, type Tally } from '../../src/lib/dialogue/tally.js';
import type { Database, ModerationStatus } from '../db/schema.js';
import type { DialogueSession } from './access.js';
import { findSession } from './sessions-repository.js';
import { toSessionDto } from './sessions.js';

/** Raw answer counts per session and question: session id → question key → option value → count. */
export async function sessionCounts(
	db: Kysely<Database>,
	sessionIds: string[]
): Promise<Map<string, Map<string, Counts>>> {
	const bySession = new Map<string, Map<string, Counts>>(sessionIds.map((id) => [id, new Map()]));
	if (sessionIds.length === 0) return bySession;
	const add = (session: string, key: string, value: string, n: number) => {
		const questions = bySession.get(session);
		if (!questions) return;
		const entry = questions.get(key) ?? {};
		entry[value] = n;
		questions.set(key, entry);
	};
	const choices = await db
		.selectFrom('dialogue_responses')
		.select(['session_id', 'question_key', 'value'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', 'in', sessionIds)
		.where('value', 'is not', null)
		.groupBy(['session_id', 'question_key', 'value'])
		.execute();
	for (const row of choices) add(row.session_id, row.question_key, row.value as string, Number(row.n));
	const texts = await db
		.selectFrom('dialogue_responses')
		.select(['session_id', 'question_key'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', 'in', sessionIds)
		.where('free_text', 'is not', null)
		.groupBy(['session_id', 'question_key'])
		.execute();
	for (const row of texts) add(row.session_id, row.question_key, 'text', Number(row.n));
	return bySession;
}

/**
 * Tallies of every question, per session and over all of them, with the small-group rule applied here,
 * on the server: nothing about a question with fewer than 5 answers leaves the API
 * (src/lib/dialogue/tally.ts), and the tally over all sessions cannot be used to recover a hidden one.
 */
export async function tallySessions(
	db: Kysely<Database>,
	sessionIds: string[],
	nFactors: number
): Promise<{ perSession: Map<string, Tally[]>; combined: Tally[] }> {
	const counts = await sessionCounts(db, sessionIds);
	const questions = sessionQuestions(nFactors);
	const perSession = new Map(
		sessionIds.map((id) => [id, questions.map((q) => buildTally(q, counts.get(id)?.get(q.key) ?? {}))])
	);
	const combined = questions.map((q) =>
		combineTallies(
			q,
			sessionIds.map((id) => counts.get(id)?.get(q.key) ?? {})
		)
	);
	return { perSession, combined };
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
		tallies: (await tallySessions(db, [session.id], nFactors)).combined,
		shown: await listFreeTexts(db, [session.id], ['shown'])
	};
	if (control) state.pending = await listFreeTexts(db, [session.id], ['pending']);
	return state;
}

/** The presenter state read afresh: what the facilitator's event stream sends after every change. */
export async function currentPresenterState(
	db: Kysely<Database>,
	sessionId: string,
	nFactors: number,
	control: boolean
): Promise<PresenterState> {
	const session = await findSession(db, sessionId);
	if (!session) throw new Error('the dialogue session is gone');
	return presenterState(db, session, nFactors, control);
}
