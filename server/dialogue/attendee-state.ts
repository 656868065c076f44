import type { Kysely } from 'kysely';
import type { AttendeeState } from '../../src/lib/api/types/dialogue.js';
import { findQuestion } from '../../src/lib/dialogue/questions.js';
import type { Database } from '../db/schema.js';
import { type DialogueSession, loadAnalysis, type LoadedAnalysis } from './access.js';
import { findAttendee, myAnswer } from './attendance.js';
import { viewpointNames } from './interpretations-read.js';
import { findSession } from './sessions-repository.js';

/** What an attendee's phone shows: the open question and their own answer to it; never anyone else's. */
export async function attendeeState(
	db: Kysely<Database>,
	session: DialogueSession,
	analysis: LoadedAnalysis,
	attendee: { id: string; miniSortDone: boolean } | undefined
): Promise<AttendeeState> {
	const open = session.status === 'open';
	const question =
		open && session.current_question
			? (findQuestion(session.current_question, analysis.result.nFactors) ?? null)
			: null;
	return {
		session: {
			name: session.name,
			place: session.place,
			date: session.session_date,
			status: session.status,
			miniSort: session.mini_sort
		},
		viewpoints: await viewpointNames(db, analysis.id, analysis.result.nFactors),
		question,
		answer: question && attendee ? await myAnswer(db, attendee.id, question.key) : null,
		miniSortDone: attendee?.miniSortDone ?? false
	};
}

/**
 * The attendee state read afresh for the attendee with this token: what the event stream sends after
 * every change of the session (`analysis` stands in should the analysis have gone meanwhile).
 */
export async function currentAttendeeState(
	db: Kysely<Database>,
	sessionId: string,
	analysis: LoadedAnalysis,
	token: string | undefined
): Promise<AttendeeState> {
	const session = await findSession(db, sessionId);
	if (!session) throw new Error('the dialogue session is gone');
	const current = (await loadAnalysis(db, session.analysis_id)) ?? analysis;
	return attendeeState(db, session, current, await findAttendee(db, session.id, token));
}
