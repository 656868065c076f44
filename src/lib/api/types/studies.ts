// The response shapes of the studies API (server/routes/studies/*), written once for both sides:
// server/studies builds them, src/lib/api/researcher.ts reads them. Types only (no runtime code, no
// `$lib` aliases), so the server can `import type` this file under tsx and tsc.

import type {
	GridColumn,
	InterviewerNotes,
	LocalizedText,
	ParticipantSource,
	ParticipantStatus,
	QuestionOption,
	QuestionPhase,
	QuestionType,
	SortSource,
	StudyLanguage,
	StudyRole,
	StudyStatus
} from './common.js';
import type { ImportFormat } from './study-requests.js';

// The building blocks (./common.ts) and the request bodies (./study-requests.ts) are schema-derived; re-exported
// for the modules that import every studies type from here.
export type * from './common.js';
export type * from './study-requests.js';

/** Something that stops a study from opening, in words a researcher can act on. */
export interface DesignProblem {
	code: string;
	message: string;
	/** The study languages the problem is about (an empty consent or instruction text). */
	languages?: string[];
}

export interface StatementDto {
	id: string;
	code: string;
	text: LocalizedText;
	position: number;
	themes: string[];
	inQset: boolean;
}

export type QuestionOptionDto = QuestionOption;

export interface QuestionDto {
	id: string;
	key: string;
	phase: QuestionPhase;
	type: QuestionType;
	prompt: LocalizedText;
	options: QuestionOptionDto[];
	required: boolean;
	offerDecline: boolean;
	position: number;
}

export interface StudySummary {
	id: string;
	slug: string;
	title: LocalizedText;
	languages: StudyLanguage[];
	status: StudyStatus;
	role: StudyRole;
	isDemo: boolean;
	sortCount: number;
	createdAt: string;
	updatedAt: string;
}

export interface StudyDetail extends StudySummary {
	consent: LocalizedText;
	instructions: LocalizedText;
	thankYou: LocalizedText;
	/** How and with whom a participant withdraws; shown on the receipt page. */
	contact: LocalizedText;
	selfEnrolment: boolean;
	gridForced: boolean;
	/** Drafts never submitted are removed this many days after their last change (default 90). */
	draftRetentionDays: number;
	/** True once a sort exists: the Q-set and grid can no longer change. */
	locked: boolean;
	statements: StatementDto[];
	grid: GridColumn[];
	questions: QuestionDto[];
	/** What stops the study from opening; empty when it is ready. */
	problems: DesignProblem[];
}

export interface CodeDto {
	code: string;
	status: ParticipantStatus;
	source: ParticipantSource;
	createdAt: string;
}

export interface StudyStats {
	participants: {
		invited: number;
		selfEnrolled: number;
		facilitated: number;
		started: number;
		submitted: number;
		withdrawn: number;
	};
	sorts: { total: number; included: number; excluded: number; bySource: Partial<Record<SortSource, number>> };
	/** Median of submitted − started over sorts that have both times; null when none has. */
	medianCompletionSeconds: number | null;
	/** Sorts per UTC calendar day of submission, oldest first. */
	completionsPerDay: { date: string; count: number }[];
	withdrawals: number;
}

export interface SortDto {
	id: string;
	label: string;
	source: SortSource;
	placements: Record<string, number>;
	answers: Record<string, unknown>;
	comments: Record<string, string>;
	interviewerNotes: InterviewerNotes;
	respondentNumber: string | null;
	startedAt: string | null;
	submittedAt: string;
	synthetic: boolean;
	excluded: boolean;
	exclusionReason: string | null;
}

/** A problem with one sort of an import (or, with an empty `sort`, with the whole file). */
export interface SortProblem {
	/** The sort's label (or row number) as the researcher knows it. */
	sort: string;
	code: string;
	message: string;
}

/** A dry run of an import: what would be stored, and what is wrong (nothing is stored while `valid` is false). */
export interface ImportPreview {
	valid: boolean;
	format: ImportFormat;
	sortCount: number;
	statementCount: number;
	labels: string[];
	/** Statements the import adds (only into a study without a Q-set). */
	newStatements: { code: string; text: LocalizedText }[];
	/** The grid the import sets (only for a study without a grid). */
	newGrid: GridColumn[] | null;
	problems: SortProblem[];
}

/** A researcher of a study with their role (GET /studies/:id/members). */
export interface MemberDto {
	researcherId: string;
	email: string;
	displayName: string;
	role: StudyRole;
}

/** An e-mail address an owner added; it becomes a member when that account next opens its studies. */
export interface InvitationDto {
	id: string;
	email: string;
	role: StudyRole;
	createdAt: string;
}

/** One line of the withdrawal log: when, and where the withdrawn sort came from (nothing personal). */
export interface WithdrawalDto {
	withdrawnAt: string;
	sortSource: SortSource;
}
