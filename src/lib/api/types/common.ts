// The building blocks of the API's shapes, written once for the client, the server's route schemas and the
// database types (server/db/schema.ts): each is a JSON Schema constant (or a list of allowed values) with its
// TypeScript type derived from it, so the schema the server validates with and the type both sides compile
// against cannot drift apart. Relative imports only (no `$lib`), so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';
import { GRID_MAX, GRID_MIN, type GridColumn } from '../../rules/grid.js';

/** The languages a study can be in. */
export const STUDY_LANGUAGES = ['nl', 'en'] as const;
export type StudyLanguage = (typeof STUDY_LANGUAGES)[number];

/** A text per language code, e.g. `{ nl: 'Eens', en: 'Agree' }`. */
export const localizedTextSchema = {
	type: 'object',
	description: 'A text per language code, e.g. {"nl": "…", "en": "…"}',
	additionalProperties: { type: 'string', maxLength: 20000 },
	propertyNames: { enum: STUDY_LANGUAGES }
} as const;
export type LocalizedText = FromSchema<typeof localizedTextSchema>;

/** A text as one string (used for every study language) or per language. */
export const textInputSchema = { anyOf: [{ type: 'string', maxLength: 20000 }, localizedTextSchema] } as const;
export type TextInput = FromSchema<typeof textInputSchema>;

export const STUDY_STATUSES = ['draft', 'open', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export const STUDY_ROLES = ['owner', 'co_researcher', 'facilitator'] as const;
export type StudyRole = (typeof STUDY_ROLES)[number];

export const QUESTION_PHASES = ['pre', 'post'] as const;
export type QuestionPhase = (typeof QUESTION_PHASES)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'short_text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Where a participant code stands. */
export const PARTICIPANT_STATUSES = ['new', 'in_progress', 'submitted', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** How a participant code came to be. */
export const PARTICIPANT_SOURCES = ['invited', 'self_enrolled', 'facilitated'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/** Where a sort came from. */
export const SORT_SOURCES = ['participant', 'facilitated', 'import', 'manual', 'demo'] as const;
export type SortSource = (typeof SORT_SOURCES)[number];

/** One column of the sorting grid: its value (e.g. -4 … +4, within GRID_MIN…GRID_MAX) and how many statements it holds. */
export const gridColumnSchema = {
	type: 'object',
	required: ['value', 'capacity'],
	additionalProperties: false,
	properties: {
		value: { type: 'integer', minimum: GRID_MIN, maximum: GRID_MAX },
		capacity: { type: 'integer', minimum: 0, maximum: 200 }
	}
} as const;
/** The type is the grid rule's (src/lib/rules/grid.ts), so the rule, the client and the server share one definition. */
export type { GridColumn };
/** Compiles only while the schema describes exactly the rule's GridColumn (no property more, fewer or other). */
export type GridColumnSchemaMatches = Assert<Equals<FromSchema<typeof gridColumnSchema>, GridColumn>>;
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

/** A choice of a single/multiple question or a point of a scale, as stored and as the researcher reads it. */
export const questionOptionSchema = {
	type: 'object',
	required: ['value', 'label'],
	additionalProperties: false,
	properties: { value: { type: 'string' }, label: localizedTextSchema }
} as const;
export type QuestionOption = FromSchema<typeof questionOptionSchema>;

/** What an interviewer noted during a facilitated sort: about the whole sort and per statement code. */
export const interviewerNotesSchema = {
	type: 'object',
	additionalProperties: false,
	properties: {
		sort: { type: 'string', maxLength: 20000 },
		statements: { type: 'object', maxProperties: 500, additionalProperties: { type: 'string', maxLength: 4000 } }
	}
} as const;
export type InterviewerNotes = FromSchema<typeof interviewerNotesSchema>;
