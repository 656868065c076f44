// The request and response shapes of the dialogue and interpretation API, written once for both sides:
// server/dialogue builds them, src/lib/api/dialogue.ts reads them. Types only (no runtime code), and
// relative imports only, so the server can `import type` this file under tsx and tsc.
import type { DialogueQuestion } from '../../dialogue/questions.js';
import type { Tally } from '../../dialogue/tally.js';

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

/** POST /analyses/:id/dialogue-sessions. */
export interface NewSession {
	name: string;
	place?: string;
	date?: string | null;
	miniSort?: boolean;
}

export interface FreeText {
	id: string;
	text: string;
	moderation: 'pending' | 'shown' | 'hidden';
	answeredAt: string;
}

export interface PresenterState {
	session: SessionDto;
	/** How many phones joined (not a response count, so not subject to the small-group rule). */
	attendees: number;
	question: DialogueQuestion | null;
	tallies: Tally[];
	/** Free texts the facilitator chose to show. */
	shown: FreeText[];
	/** Free texts waiting for moderation: only in the facilitator's control view, never on the projector. */
	pending?: FreeText[];
}

export interface Viewpoint {
	factor: number;
	name: string;
}

/** An attendee's own answer to one question. */
export interface MyAnswer {
	value: string | null;
	text: string | null;
}

export interface AttendeeState {
	session: { name: string; place: string; date: string | null; status: SessionDto['status']; miniSort: boolean };
	viewpoints: Viewpoint[];
	question: DialogueQuestion | null;
	answer: MyAnswer | null;
	miniSortDone: boolean;
}

export interface MiniSortStatement {
	code: string;
	text: string;
}

/** GET /dialogue/attend/:code/mini-sort. */
export interface MiniSortSheet {
	statements: MiniSortStatement[];
	values: number[];
}

/** POST /dialogue/attend/:code/mini-sort: the closest viewpoint, shown to this attendee only. */
export interface MiniSortOutcome {
	factor: number;
	correlations: (number | null)[];
	counted: boolean;
}

export interface Quote {
	/** The analysis's sort id (its `sortIds` entry); never shown, used to check the quote's source. */
	sortId: string;
	/** What the audience sees: the respondent number, never a name. */
	respondent: string;
	text: string;
	source: 'comment' | 'interviewer_note';
	/** Statement code when the comment or note was about one statement. */
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
	/** For a distinguishing statement: placed higher or lower than by every other viewpoint (or on average). */
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
	/** All sessions of this analysis together, under the same small-group rule. */
	combined: { attendees: number; tallies: Tally[]; miniSortTally: Tally };
	/** Every free-text answer with its session and moderation status (the researcher's record). */
	freeTexts: (FreeText & { sessionId: string })[];
}
