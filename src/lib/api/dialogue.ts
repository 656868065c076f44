// The dialogue and interpretation API (server/routes/dialogue/, server/routes/interpretations.ts).
import { apiUrl, get, patch, post, put } from './client.js';
import type {
	AnswerInput,
	AnswerResult,
	AttendeeState,
	FreeText,
	JoinResult,
	MiniSortOutcome,
	MiniSortSheet,
	ModerationResult,
	NewSession,
	PresenterState,
	PresenterView,
	ReactionCsvPart,
	SessionDto,
	SessionList,
	StudyReactions
} from './types/dialogue.js';
import type {
	CandidateList,
	Interpretation,
	InterpretationInput,
	InterpretationList,
	Presentation
} from './types/interpretations.js';

// The shapes live in ./types/ (shared with the server); re-exported for the pages that import them from here.
export type * from './types/dialogue.js';
export type * from './types/interpretations.js';

const enc = encodeURIComponent;

export const dialogue = {
	createSession: (analysisId: string, body: NewSession) =>
		post<SessionDto>(`/analyses/${enc(analysisId)}/dialogue-sessions`, body),
	listSessions: (analysisId: string) =>
		get<SessionList>(`/analyses/${enc(analysisId)}/dialogue-sessions`).then((r) => r.sessions),
	state: (sessionId: string, view: PresenterView) =>
		get<PresenterState>(`/dialogue/sessions/${enc(sessionId)}`, { query: { view } }),
	openQuestion: (sessionId: string, currentQuestion: string | null) =>
		patch<SessionDto>(`/dialogue/sessions/${enc(sessionId)}`, { currentQuestion }),
	close: (sessionId: string) => patch<SessionDto>(`/dialogue/sessions/${enc(sessionId)}`, { status: 'closed' }),
	moderate: (sessionId: string, responseId: string, moderation: FreeText['moderation']) =>
		patch<ModerationResult>(`/dialogue/sessions/${enc(sessionId)}/responses/${enc(responseId)}`, { moderation }),
	presenterEventsUrl: (sessionId: string, view: PresenterView) =>
		apiUrl(`/dialogue/sessions/${enc(sessionId)}/events`, { view }),
	reactions: (studyId: string) =>
		get<StudyReactions>(`/studies/${enc(studyId)}/dialogue/reactions`).then((r) => r.analyses),
	reactionsCsvUrl: (studyId: string, part: ReactionCsvPart) =>
		apiUrl(`/studies/${enc(studyId)}/dialogue/reactions.csv`, { part }),
	reactionsXlsxUrl: (studyId: string) => apiUrl(`/studies/${enc(studyId)}/dialogue/reactions.xlsx`)
};

export const attend = {
	join: (code: string) => post<JoinResult>('/dialogue/join', { code }),
	state: (code: string) => get<AttendeeState>(`/dialogue/attend/${enc(code)}`),
	eventsUrl: (code: string) => apiUrl(`/dialogue/attend/${enc(code)}/events`),
	answer: (code: string, key: string, body: AnswerInput) =>
		put<AnswerResult>(`/dialogue/attend/${enc(code)}/answers/${enc(key)}`, body),
	miniSort: (code: string, lang: string) =>
		get<MiniSortSheet>(`/dialogue/attend/${enc(code)}/mini-sort`, { query: { lang } }),
	submitMiniSort: (code: string, placements: Record<string, number>) =>
		post<MiniSortOutcome>(`/dialogue/attend/${enc(code)}/mini-sort`, { placements })
};

export const interpretations = {
	list: (analysisId: string) =>
		get<InterpretationList>(`/analyses/${enc(analysisId)}/interpretations`).then((r) => r.interpretations),
	candidates: (analysisId: string, factor: number) =>
		get<CandidateList>(`/analyses/${enc(analysisId)}/interpretations/${factor}/candidates`).then((r) => r.candidates),
	save: (analysisId: string, factor: number, body: InterpretationInput) =>
		put<Interpretation>(`/analyses/${enc(analysisId)}/interpretations/${factor}`, body),
	presentation: (analysisId: string, lang: string) =>
		get<Presentation>(`/analyses/${enc(analysisId)}/presentation`, { query: { lang } })
};

/**
 * Follows a server-sent-event stream of `state` events. EventSource reconnects by itself after a
 * dropped connection; the server sends the full state first on every connection, so nothing is missed.
 */
export function followState<T>(url: string, onState: (state: T) => void, onError?: () => void): () => void {
	const source = new EventSource(url, { withCredentials: true });
	source.addEventListener('state', (event) => onState(JSON.parse((event as MessageEvent<string>).data) as T));
	if (onError) source.addEventListener('error', onError);
	return () => source.close();
}
