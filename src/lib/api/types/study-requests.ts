// The request bodies of the studies API (server/routes/studies/*), written once: the routes validate with these
// schemas, src/lib/api/researcher.ts sends the types derived from them. Relative imports only, so the server can
// import this file.
import type { FromSchema } from 'json-schema-to-ts';
import { SLUG_PATTERN } from '../../rules/slug.js';
import { gridColumnSchema, QUESTION_PHASES, QUESTION_TYPES, STUDY_LANGUAGES, textInputSchema } from './common.js';

/**
 * A request body as the client sends it: a property with a `default` may be left out (the server's validator
 * fills it in, so a route handler sees it set).
 */
type AsSent = { keepDefaultedPropertiesOptional: true };

const slugSchema = {
	type: 'string',
	pattern: SLUG_PATTERN,
	description: '3–60 lower-case letters and digits with single hyphens between them (src/lib/rules/slug.ts)'
} as const;

const languagesSchema = {
	type: 'array',
	minItems: 1,
	maxItems: 2,
	uniqueItems: true,
	items: { enum: STUDY_LANGUAGES }
} as const;

const themesSchema = { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 60 } } as const;

/** A new statement: POST /studies/:id/statements (one item) and inside POST /studies. */
export const statementInputSchema = {
	type: 'object',
	required: ['text'],
	additionalProperties: false,
	properties: {
		code: { type: 'string', maxLength: 20 },
		text: textInputSchema,
		themes: themesSchema,
		inQset: { type: 'boolean', default: true }
	}
} as const;
export type StatementInput = FromSchema<typeof statementInputSchema, AsSent>;

/** PATCH /studies/:id/statements/:statementId. */
export const statementPatchSchema = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: {
		code: { type: 'string', maxLength: 20 },
		text: textInputSchema,
		themes: themesSchema,
		inQset: { type: 'boolean' }
	}
} as const;
export type StatementPatch = FromSchema<typeof statementPatchSchema>;

/** The fields of a study that both creating and changing it set. */
const studyFields = {
	title: textInputSchema,
	slug: slugSchema,
	languages: languagesSchema,
	selfEnrolment: { type: 'boolean' },
	gridForced: { type: 'boolean', description: 'forced distribution (default true)' },
	consent: textInputSchema,
	instructions: textInputSchema,
	thankYou: textInputSchema,
	contact: { ...textInputSchema, description: 'how and with whom a participant withdraws (shown on the receipt page)' }
} as const;

/** POST /studies. */
export const newStudySchema = {
	type: 'object',
	required: ['title', 'slug', 'languages'],
	additionalProperties: false,
	properties: {
		...studyFields,
		statements: { type: 'array', maxItems: 1000, items: statementInputSchema },
		grid: { type: 'array', maxItems: 20, items: gridColumnSchema }
	}
} as const;
export type NewStudy = FromSchema<typeof newStudySchema, AsSent>;

/** PATCH /studies/:id. */
export const studyPatchSchema = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: {
		...studyFields,
		draftRetentionDays: {
			type: 'integer',
			minimum: 1,
			maximum: 3650,
			description: 'days after which drafts never submitted are removed (default 90)'
		}
	}
} as const;
export type StudyPatch = FromSchema<typeof studyPatchSchema>;

/** PUT /studies/:id/grid. */
export const gridInputSchema = {
	type: 'object',
	required: ['columns'],
	additionalProperties: false,
	properties: { columns: { type: 'array', maxItems: 20, items: gridColumnSchema }, forced: { type: 'boolean' } }
} as const;
export type GridInput = FromSchema<typeof gridInputSchema>;

const questionFields = {
	key: { type: 'string', pattern: '^[a-z0-9_]{1,40}$', description: 'stable key of the answers (default q1, q2, …)' },
	phase: { enum: QUESTION_PHASES },
	type: { enum: QUESTION_TYPES },
	prompt: textInputSchema,
	options: {
		type: 'array',
		maxItems: 50,
		description: 'choices of single/multiple, points of a scale; none for text questions',
		items: {
			type: 'object',
			required: ['value', 'label'],
			additionalProperties: false,
			properties: { value: { type: 'string', minLength: 1, maxLength: 60 }, label: textInputSchema }
		}
	},
	required: { type: 'boolean', description: 'default false' },
	offerDecline: { type: 'boolean', description: 'offer "zeg ik liever niet" (default true)' }
} as const;

/** POST /studies/:id/questions. */
export const questionInputSchema = {
	type: 'object',
	required: ['phase', 'type', 'prompt'],
	additionalProperties: false,
	properties: questionFields
} as const;
export type QuestionInput = FromSchema<typeof questionInputSchema>;

/** PATCH /studies/:id/questions/:questionId. */
export const questionPatchSchema = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: questionFields
} as const;
export type QuestionPatch = FromSchema<typeof questionPatchSchema>;

/** The files a study's sorts can be imported from. */
export const IMPORT_FORMATS = ['dat', 'csv', 'kade-zip'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** POST /studies/:id/import. */
export const importRequestSchema = {
	type: 'object',
	required: ['format', 'content'],
	additionalProperties: false,
	properties: {
		format: { enum: IMPORT_FORMATS },
		content: { type: 'string', description: 'the sorts file as text; a KADE project zip as base64' },
		statements: {
			type: 'string',
			description:
				'.STA (with dat) or statements CSV (with csv); required when the study has no Q-set yet (a KADE zip brings its own)'
		},
		language: {
			enum: STUDY_LANGUAGES,
			description: "language of the statement texts (default: the study's first)"
		},
		dryRun: { type: 'boolean', description: 'only report what would be imported and what is wrong' }
	}
} as const;
export type ImportRequest = FromSchema<typeof importRequestSchema>;

/** The files a study can be exported to (GET /studies/:id/export?format=…). */
export const EXPORT_FORMATS = [
	'dat',
	'sta',
	'csv',
	'answers-csv',
	'comments-csv',
	'statements-csv',
	'json',
	'xlsx'
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
