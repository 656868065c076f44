import type { Kysely } from 'kysely';
import type { FreeText, PresenterState } from '../../src/lib/api/types/dialogue.js';
import { findQuestion, sessionQuestions } from '../../src/lib/dialogue/questions.js';
import { buildTally, combineTallies, type Counts, type Tally } from '../../src/lib/dialogue/tally.js';
import type { Database, ModerationStatus } from '../db/schema.js';
import type { DialogueSession } from './access.js';
import { countAttendees } from './attendees-repository.js';
import { choiceCounts, freeTextCounts, freeTextRows } from './responses-repository.js';
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
	for (const row of await choiceCounts(db, sessionIds)) add(row.session_id, row.question_key, row.value, row.n);
	for (const row of await freeTextCounts(db, sessionIds)) add(row.session_id, row.question_key, 'text', row.n);
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
	return (await freeTextRows(db, sessionIds, statuses)).map((row) => ({
		id: row.id,
		text: row.free_text,
		moderation: row.moderation,
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
	const state: PresenterState = {
		session: toSessionDto(session),
		attendees: await countAttendees(db, [session.id]),
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
