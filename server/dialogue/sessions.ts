import type { Kysely } from 'kysely';
import type { NewSession, SessionChange, SessionDto } from '../../src/lib/api/types/dialogue.js';
import type { AnalysisResultLike } from '../../src/lib/dialogue/analysis-result.js';
import { findQuestion } from '../../src/lib/dialogue/questions.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { DialogueSession } from './access.js';
import { newJoinCode } from './codes.js';
import { notifyDialogue } from './live.js';
import { insertSession, listSessionsOf, updateOpenSession } from './sessions-repository.js';

export function toSessionDto(row: DialogueSession): SessionDto {
	return {
		id: row.id,
		analysisId: row.analysis_id,
		name: row.name,
		place: row.place,
		date: row.session_date,
		joinCode: row.join_code,
		status: row.status,
		currentQuestion: row.current_question,
		miniSort: row.mini_sort,
		createdAt: new Date(row.created_at).toISOString(),
		closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null
	};
}

function validDate(text: string): boolean {
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Opens a session with a fresh join code; a (rare) code collision is retried with another code. */
export async function createSession(
	db: Kysely<Database>,
	analysisId: string,
	researcherId: string,
	input: NewSession
): Promise<SessionDto> {
	const name = input.name.trim();
	if (!name)
		throw new AppError(422, 'SESSION_INVALID', 'Give the session a name, e.g. the station where it takes place.');
	if (input.date && !validDate(input.date)) {
		throw new AppError(422, 'SESSION_INVALID', `"${input.date}" is not a date; use YYYY-MM-DD.`);
	}
	for (let attempt = 0; attempt < 5; attempt++) {
		const code = newJoinCode();
		const row = await insertSession(db, {
			analysis_id: analysisId,
			name,
			place: input.place?.trim() ?? '',
			session_date: input.date || null,
			join_code: code,
			mini_sort: input.miniSort ?? false,
			created_by: researcherId,
			current_question: null
		});
		if (row) return toSessionDto(row);
	}
	throw new AppError(503, 'JOIN_CODE_EXHAUSTED', 'Could not find a free join code; try again.');
}

export async function listSessions(db: Kysely<Database>, analysisIds: string[]): Promise<SessionDto[]> {
	return (await listSessionsOf(db, analysisIds)).map(toSessionDto);
}

/** Opens a question or closes the session, and tells every presenter and attendee stream. */
export async function changeSession(
	db: Kysely<Database>,
	session: DialogueSession,
	result: AnalysisResultLike,
	change: SessionChange
): Promise<SessionDto> {
	if (session.status === 'closed') {
		throw new AppError(409, 'SESSION_CLOSED', 'This session is closed; open a new session to continue.');
	}
	if (change.currentQuestion !== undefined && change.currentQuestion !== null) {
		if (!findQuestion(change.currentQuestion, result.nFactors)) {
			throw new AppError(422, 'QUESTION_UNKNOWN', `This session has no question "${change.currentQuestion}".`);
		}
	}
	const closing = change.status === 'closed';
	return db.transaction().execute(async (trx) => {
		const row = await updateOpenSession(trx, session.id, {
			...(change.currentQuestion !== undefined ? { current_question: change.currentQuestion } : {}),
			...(closing ? { status: 'closed' as const, current_question: null, closed_at: new Date() } : {})
		});
		if (!row) throw new AppError(409, 'SESSION_CLOSED', 'This session is closed; open a new session to continue.');
		await notifyDialogue(trx, { session: session.id, kind: 'state' });
		return toSessionDto(row);
	});
}
