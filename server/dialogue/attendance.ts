import type { Kysely } from 'kysely';
import type { MyAnswer } from '../../src/lib/api/types/dialogue.js';
import { checkAnswer, type DialogueQuestion, findQuestion } from '../../src/lib/dialogue/questions.js';
import { hashToken, randomToken } from '../auth/tokens.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { type DialogueSession, loadAnalysis, type LoadedAnalysis } from './access.js';
import { findAttendeeRow, insertAttendee } from './attendees-repository.js';
import { normalizeJoinCode } from './codes.js';
import { notifyDialogue } from './live.js';
import { findAnswer, upsertAnswer } from './responses-repository.js';
import { findOpenSessionByCode } from './sessions-repository.js';

export const codeNotValid = () =>
	new AppError(404, 'JOIN_CODE_NOT_VALID', 'This code is not valid (any more). Check the code on the screen.');

/** An open session by its join code; a closed session's code answers exactly like an unknown one. */
export async function openSessionByCode(
	db: Kysely<Database>,
	input: string
): Promise<{ session: DialogueSession; analysis: LoadedAnalysis }> {
	const code = normalizeJoinCode(input);
	if (!code) throw codeNotValid();
	const session = await findOpenSessionByCode(db, code);
	if (!session) throw codeNotValid();
	const analysis = await loadAnalysis(db, session.analysis_id);
	if (!analysis) throw codeNotValid();
	return { session, analysis };
}

export interface Attendee {
	id: string;
	miniSortDone: boolean;
}

export async function findAttendee(
	db: Kysely<Database>,
	sessionId: string,
	token: string | undefined
): Promise<Attendee | undefined> {
	if (!token) return undefined;
	const row = await findAttendeeRow(db, sessionId, hashToken(token));
	return row ? { id: row.id, miniSortDone: row.mini_sort_done } : undefined;
}

/**
 * Joins a session with nothing but its code. The attendee is a random token (only its hash is stored):
 * no name, no IP address. Joining again with the token of this session keeps the same attendee.
 */
export async function join(
	db: Kysely<Database>,
	code: string,
	token: string | undefined
): Promise<{ session: DialogueSession; analysis: LoadedAnalysis; token: string }> {
	const { session, analysis } = await openSessionByCode(db, code);
	if (await findAttendee(db, session.id, token)) return { session, analysis, token: token as string };
	const fresh = randomToken();
	await db.transaction().execute(async (trx) => {
		await insertAttendee(trx, session.id, hashToken(fresh));
		await notifyDialogue(trx, { session: session.id, kind: 'join' });
	});
	return { session, analysis, token: fresh };
}

export async function requireAttendee(
	db: Kysely<Database>,
	sessionId: string,
	token: string | undefined
): Promise<Attendee> {
	const attendee = await findAttendee(db, sessionId, token);
	if (!attendee) throw new AppError(401, 'NOT_JOINED', 'Join the session with its code first.');
	return attendee;
}

export async function myAnswer(
	db: Kysely<Database>,
	attendeeId: string,
	questionKey: string
): Promise<MyAnswer | null> {
	const row = await findAnswer(db, attendeeId, questionKey);
	return row ? { value: row.value, text: row.free_text } : null;
}

/**
 * Stores (or replaces) an attendee's answer to the question that is open now, and sends the NOTIFY in
 * the same transaction. A replaced free text goes back to the moderation queue.
 */
export async function answer(
	db: Kysely<Database>,
	code: string,
	token: string | undefined,
	questionKey: string,
	body: { value?: unknown; text?: unknown }
): Promise<{ question: DialogueQuestion; answer: MyAnswer }> {
	const { session, analysis } = await openSessionByCode(db, code);
	const attendee = await requireAttendee(db, session.id, token);
	const question = findQuestion(questionKey, analysis.result.nFactors);
	if (!question) throw new AppError(404, 'QUESTION_UNKNOWN', `This session has no question "${questionKey}".`);
	if (session.current_question !== questionKey) {
		throw new AppError(
			409,
			'QUESTION_NOT_OPEN',
			'This question is not open (any more); answer the question on the screen.'
		);
	}
	const checked = checkAnswer(question, body);
	if (!checked.ok) throw new AppError(422, checked.code, checked.message);
	const moderation = checked.text === null ? null : ('pending' as const);
	await db.transaction().execute(async (trx) => {
		await upsertAnswer(trx, {
			session_id: session.id,
			attendee_id: attendee.id,
			question_key: questionKey,
			value: checked.value,
			free_text: checked.text,
			moderation
		});
		await notifyDialogue(trx, { session: session.id, kind: 'response' });
	});
	return { question, answer: { value: checked.value, text: checked.text } };
}
