import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
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
} from '../../src/lib/api/types/common.js';
import type { DialogueSessionStatus, ModerationStatus } from '../../src/lib/api/types/dialogue.js';
import type { Quote } from '../../src/lib/api/types/interpretations.js';

// What these columns hold is the API's own shapes, defined once (with their JSON Schemas) in
// src/lib/api/types/common.ts; re-exported for the server modules that import them from here.
export type {
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
};

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/**
 * A column with a database default: optional on insert. Unlike Kysely's own `Generated`, this one
 * also unwraps a ColumnType (e.g. `Generated<Timestamp>`), which Kysely's would nest and break.
 */
type Generated<T> =
	T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>; // bind JSON as JSON.stringify(...)
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export interface ResearchersTable {
	id: Generated<string>;
	email: string;
	password_hash: string;
	display_name: Generated<string>;
	created_at: Generated<Timestamp>;
}

export interface ResearcherSessionsTable {
	token_hash: string;
	researcher_id: string;
	created_at: Generated<Timestamp>;
	expires_at: Timestamp;
}

export interface StudiesTable {
	id: Generated<string>;
	slug: string;
	title: Json<LocalizedText>;
	languages: JsonWithDefault<StudyLanguage[]>;
	status: Generated<StudyStatus>;
	consent: JsonWithDefault<LocalizedText>;
	instructions: JsonWithDefault<LocalizedText>;
	thank_you: JsonWithDefault<LocalizedText>;
	self_enrolment: Generated<boolean>;
	grid_forced: Generated<boolean>;
	is_demo: Generated<boolean>;
	/** Unsubmitted drafts older than this are removed by the server (server/studies/retention.ts). */
	draft_retention_days: Generated<number>;
	created_at: Generated<Timestamp>;
	updated_at: Generated<Timestamp>;
}

export interface StudyMembersTable {
	study_id: string;
	researcher_id: string;
	role: StudyRole;
	created_at: Generated<Timestamp>;
}

export interface StatementsTable {
	id: Generated<string>;
	study_id: string;
	code: string;
	text: Json<LocalizedText>;
	position: number;
	themes: JsonWithDefault<string[]>;
	in_qset: Generated<boolean>;
}

export interface GridColumnsTable extends GridColumn {
	study_id: string;
}

export interface QuestionsTable {
	id: Generated<string>;
	study_id: string;
	key: string;
	phase: QuestionPhase;
	type: QuestionType;
	prompt: Json<LocalizedText>;
	options: JsonWithDefault<QuestionOption[]>;
	required: Generated<boolean>;
	offer_decline: Generated<boolean>;
	position: number;
}

export interface ParticipantsTable {
	id: Generated<string>;
	study_id: string;
	code: string;
	status: Generated<ParticipantStatus>;
	source: Generated<ParticipantSource>;
	created_at: Generated<Timestamp>;
	started_at: Timestamp | null;
}

export interface DraftsTable {
	participant_id: string;
	data: Json<unknown>;
	updated_at: Generated<Timestamp>;
}

export interface SortsTable {
	id: Generated<string>;
	study_id: string;
	participant_id: string | null;
	label: string;
	source: SortSource;
	placements: Json<Record<string, number>>;
	answers: JsonWithDefault<Record<string, unknown>>;
	comments: JsonWithDefault<Record<string, string>>;
	interviewer_notes: JsonWithDefault<InterviewerNotes>;
	respondent_number: string | null;
	receipt: string | null;
	payload_hash: string | null;
	started_at: Timestamp | null;
	submitted_at: Generated<Timestamp>;
	synthetic: Generated<boolean>;
	excluded: Generated<boolean>;
	exclusion_reason: string | null;
}

export interface Database {
	researchers: ResearchersTable;
	researcher_sessions: ResearcherSessionsTable;
	studies: StudiesTable;
	study_members: StudyMembersTable;
	statements: StatementsTable;
	grid_columns: GridColumnsTable;
	questions: QuestionsTable;
	participants: ParticipantsTable;
	drafts: DraftsTable;
	sorts: SortsTable;
}

export type Study = Selectable<StudiesTable>;
export type NewStudyRow = Insertable<StudiesTable>;
export type StudyUpdate = Updateable<StudiesTable>;
export type Statement = Selectable<StatementsTable>;
export type Question = Selectable<QuestionsTable>;
export type Participant = Selectable<ParticipantsTable>;
export type Sort = Selectable<SortsTable>;

export interface SetupTokensTable {
	token_hash: string;
	created_at: Generated<Timestamp>;
	expires_at: Timestamp;
}

export interface WithdrawalsTable {
	id: Generated<string>;
	study_id: string;
	sort_source: SortSource;
	withdrawn_by: string | null;
	withdrawn_at: Generated<Timestamp>;
}

// Declaration merging: the tables of the login-support and withdrawals migrations.
export interface Database {
	setup_tokens: SetupTokensTable;
	withdrawals: WithdrawalsTable;
}

export interface AnalysesTable {
	id: Generated<string>;
	study_id: string;
	name: Generated<string>;
	created_by: string | null;
	created_at: Generated<Timestamp>;
	request: Json<unknown>;
	result: Json<unknown>;
	inputs: JsonWithDefault<unknown>;
	engine_version: string;
}

// Declaration merging: the table of the create-analyses migration.
export interface Database {
	analyses: AnalysesTable;
}

// The same unions and shapes as the dialogue API's (src/lib/api/types/dialogue.ts, interpretations.ts), so
// column and response cannot drift.
export type { DialogueSessionStatus, ModerationStatus, Quote };

export interface InterpretationsTable {
	id: Generated<string>;
	analysis_id: string;
	factor: number;
	name: Generated<string>;
	narrative: Generated<string>;
	quotes: JsonWithDefault<Quote[]>;
	updated_by: string | null;
	updated_at: Generated<Timestamp>;
}

export interface DialogueSessionsTable {
	id: Generated<string>;
	analysis_id: string;
	name: string;
	place: Generated<string>;
	/** YYYY-MM-DD. */
	session_date: string | null;
	join_code: string;
	status: Generated<DialogueSessionStatus>;
	current_question: string | null;
	mini_sort: Generated<boolean>;
	created_by: string | null;
	created_at: Generated<Timestamp>;
	closed_at: Timestamp | null;
}

export interface DialogueAttendeesTable {
	id: Generated<string>;
	session_id: string;
	token_hash: string;
	mini_sort_done: Generated<boolean>;
	joined_at: Generated<Timestamp>;
}

export interface DialogueResponsesTable {
	id: Generated<string>;
	session_id: string;
	attendee_id: string;
	question_key: string;
	value: string | null;
	free_text: string | null;
	moderation: ModerationStatus | null;
	answered_at: Generated<Timestamp>;
}

export interface DialogueMiniSortTalliesTable {
	session_id: string;
	factor: number;
	count: Generated<number>;
}

// Declaration merging: the tables of the dialogue migration.
export interface Database {
	interpretations: InterpretationsTable;
	dialogue_sessions: DialogueSessionsTable;
	dialogue_attendees: DialogueAttendeesTable;
	dialogue_responses: DialogueResponsesTable;
	dialogue_mini_sort_tallies: DialogueMiniSortTalliesTable;
}

/** One counter per rate-limit bucket and fixed window (server/auth/rate-limit.ts). */
export interface RateLimitsTable {
	bucket: string;
	window_started_at: Generated<Timestamp>;
	hits: number;
}

/** Random keys shared by every server process, created on first use (server/auth/secrets.ts). */
export interface ServerSecretsTable {
	name: string;
	value: string;
	created_at: Generated<Timestamp>;
}

export interface Database {
	rate_limits: RateLimitsTable;
	server_secrets: ServerSecretsTable;
}

export interface AuditEventsTable {
	id: Generated<string>;
	/** No foreign key: the row outlives the study it describes. */
	study_id: string | null;
	study_slug: string | null;
	actor_id: string | null;
	/** The researcher's e-mail at the time, or 'cli' / 'system'. */
	actor: string;
	action: string;
	details: JsonWithDefault<Record<string, unknown>>;
	owner_ids: JsonWithDefault<string[]>;
	created_at: Generated<Timestamp>;
}

// Declaration merging: the table of the audit-and-retention migration.
export interface Database {
	audit_events: AuditEventsTable;
}

// Declaration merging: migration 20261128T100954Z-add-study-contact.
export interface StudiesTable {
	/** How and with whom a participant withdraws, per language (shown on the receipt page). */
	contact: JsonWithDefault<LocalizedText>;
}

export interface CompositionDisclosuresTable {
	study_id: string;
	digest: string;
	/** JSON array of sort labels, sorted. */
	sort_labels: unknown;
	shown_at: Generated<Timestamp>;
}

// Declaration merging: the compositions shown so far (server/analyses/disclosure.ts).
export interface Database {
	composition_disclosures: CompositionDisclosuresTable;
}

export interface StudyInvitationsTable {
	id: Generated<string>;
	study_id: string;
	email: string;
	role: StudyRole;
	invited_by: string | null;
	created_at: Generated<Timestamp>;
}

// Declaration merging: invitations by e-mail (server/studies/invitations.ts).
export interface Database {
	study_invitations: StudyInvitationsTable;
}
