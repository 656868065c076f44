// The dialogue and interpretation API (server/routes/dialogue.ts, server/routes/interpretations.ts).
import type { DialogueQuestion } from '../dialogue/questions.js';
import type { Tally } from '../dialogue/tally.js';
import { apiUrl, get, patch, post, put } from './client.js';

export type { DialogueQuestion, Tally };

export interface SessionDto {
	id: string;
	analysisId: string;
	name: string;
	place: string;
	date: string | null;
	joinCode: string;
	status: 'open' | 'closed';
	currentQuestion: string | null;
	miniSort: boolean;
	createdAt: string;
	closedAt: string | null;
}

export interface FreeText {
	id: string;
	text: string;
	moderation: 'pending' | 'shown' | 'hidden';
	answeredAt: string;
}

export interface PresenterState {
	session: SessionDto;
	attendees: number;
	question: DialogueQuestion | null;
	tallies: Tally[];
	shown: FreeText[];
	pending?: FreeText[];
}

export interface Viewpoint {
	factor: number;
	name: string;
}

export interface AttendeeState {
	session: { name: string; place: string; date: string | null; status: 'open' | 'closed'; miniSort: boolean };
	viewpoints: Viewpoint[];
	question: DialogueQuestion | null;
	answer: { value: string | null; text: string | null } | null;
	miniSortDone: boolean;
}

export interface Quote {
	sortId: string;
	respondent: string;
	text: string;
	source: 'comment' | 'interviewer_note';
	statement?: string;
}

export interface Interpretation {
	factor: number;
	name: string;
	narrative: string;
	quotes: Quote[];
	updatedAt: string | null;
}

export interface PresentationStatement {
	number: number;
	code: string;
	text: string;
	value: number;
	z: number;
	distinguishing: 'higher' | 'lower' | null;
}

export interface Presentation {
	study: { title: string; question: string; language: string };
	analysis: { id: string; name: string; studyId: string };
	grid: { value: number; capacity: number }[];
	viewpoints: (Interpretation & { statements: PresentationStatement[]; nDefining: number })[];
	consensus: { number: number; code: string; text: string; values: number[] }[];
}

export interface SessionReactions extends SessionDto {
	attendees: number;
	tallies: Tally[];
	miniSortTally: Tally;
}

export interface AnalysisReactions {
	analysisId: string;
	name: string;
	nFactors: number;
	viewpoints: Viewpoint[];
	sessions: SessionReactions[];
	combined: { attendees: number; tallies: Tally[]; miniSortTally: Tally };
	freeTexts: (FreeText & { sessionId: string })[];
}

const enc = encodeURIComponent;

export const dialogue = {
	createSession: (analysisId: string, body: { name: string; place?: string; date?: string | null; miniSort?: boolean }) =>
		post<SessionDto>(`/analyses/${enc(analysisId)}/dialogue-sessions`, body),
	listSessions: (analysisId: string) => get<{ sessions: SessionDto[] }>(`/analyses/${enc(analysisId)}/dialogue-sessions`).then((r) => r.sessions),
	state: (sessionId: string, view: 'display' | 'control') => get<PresenterState>(`/dialogue/sessions/${enc(sessionId)}`, { query: { view } }),
	openQuestion: (sessionId: string, currentQuestion: string | null) => patch<SessionDto>(`/dialogue/sessions/${enc(sessionId)}`, { currentQuestion }),
	close: (sessionId: string) => patch<SessionDto>(`/dialogue/sessions/${enc(sessionId)}`, { status: 'closed' }),
	moderate: (sessionId: string, responseId: string, moderation: FreeText['moderation']) =>
		patch<{ id: string }>(`/dialogue/sessions/${enc(sessionId)}/responses/${enc(responseId)}`, { moderation }),
	presenterEventsUrl: (sessionId: string, view: 'display' | 'control') => apiUrl(`/dialogue/sessions/${enc(sessionId)}/events`, { view }),
	reactions: (studyId: string) => get<{ analyses: AnalysisReactions[] }>(`/studies/${enc(studyId)}/dialogue/reactions`).then((r) => r.analyses),
	reactionsCsvUrl: (studyId: string, part: 'tallies' | 'texts') => apiUrl(`/studies/${enc(studyId)}/dialogue/reactions.csv`, { part }),
	reactionsXlsxUrl: (studyId: string) => apiUrl(`/studies/${enc(studyId)}/dialogue/reactions.xlsx`)
};

export const attend = {
	join: (code: string) => post<{ code: string }>('/dialogue/join', { code }),
	state: (code: string) => get<AttendeeState>(`/dialogue/attend/${enc(code)}`),
	eventsUrl: (code: string) => apiUrl(`/dialogue/attend/${enc(code)}/events`),
	answer: (code: string, key: string, body: { value?: string; text?: string }) => put<unknown>(`/dialogue/attend/${enc(code)}/answers/${enc(key)}`, body),
	miniSort: (code: string, lang: string) =>
		get<{ statements: { code: string; text: string }[]; values: number[] }>(`/dialogue/attend/${enc(code)}/mini-sort`, { query: { lang } }),
	submitMiniSort: (code: string, placements: Record<string, number>) =>
		post<{ factor: number; correlations: (number | null)[]; counted: boolean }>(`/dialogue/attend/${enc(code)}/mini-sort`, { placements })
};

export const interpretations = {
	list: (analysisId: string) => get<{ interpretations: Interpretation[] }>(`/analyses/${enc(analysisId)}/interpretations`).then((r) => r.interpretations),
	candidates: (analysisId: string, factor: number) => get<{ candidates: Quote[] }>(`/analyses/${enc(analysisId)}/interpretations/${factor}/candidates`).then((r) => r.candidates),
	save: (analysisId: string, factor: number, body: { name: string; narrative: string; quotes: Quote[] }) =>
		put<Interpretation>(`/analyses/${enc(analysisId)}/interpretations/${factor}`, body),
	presentation: (analysisId: string, lang: string) => get<Presentation>(`/analyses/${enc(analysisId)}/presentation`, { query: { lang } })
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
