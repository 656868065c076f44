// The response shapes of the studies API (server/routes/studies/*), written once for both sides: each is a JSON
// Schema the route serializes with and the type derived from it, which server/studies builds and
// src/lib/api/researcher.ts reads. Relative imports only (no `$lib`), so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';
import {
	gridColumnSchema,
	interviewerNotesSchema,
	localizedTextSchema,
	PARTICIPANT_SOURCES,
	PARTICIPANT_STATUSES,
	questionOptionSchema,
	QUESTION_PHASES,
	QUESTION_TYPES,
	SORT_SOURCES,
	STUDY_LANGUAGES,
	STUDY_ROLES,
	STUDY_STATUSES,
	type QuestionOption,
	type SortSource
} from './common.js';
import { IMPORT_FORMATS } from './study-requests.js';

// The building blocks (./common.ts) and the request bodies (./study-requests.ts) are schema-derived; re-exported
// for the modules that import every studies type from here.
export type * from './common.js';
export type * from './study-requests.js';

const count = { type: 'integer' } as const;

/** Something that stops a study from opening, in words a researcher can act on. */
export const designProblemSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['code', 'message'],
	properties: {
		code: { type: 'string' },
		message: { type: 'string' },
		languages: {
			type: 'array',
			items: { type: 'string' },
			description: 'the study languages the problem is about (an empty consent or instruction text)'
		}
	}
} as const;
export type DesignProblem = FromSchema<typeof designProblemSchema>;

export const statementSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'code', 'text', 'position', 'themes', 'inQset'],
	properties: {
		id: { type: 'string' },
		code: { type: 'string' },
		text: localizedTextSchema,
		position: { type: 'integer' },
		themes: { type: 'array', items: { type: 'string' } },
		inQset: { type: 'boolean', description: 'false: in the concourse only' }
	}
} as const;
export type StatementDto = FromSchema<typeof statementSchema>;

/** How many statements carry a theme, in the Q-set and in the concourse (GET /studies/:id/statements). */
export const themeCountSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['theme', 'qset', 'concourse'],
	properties: { theme: { type: 'string' }, qset: count, concourse: count }
} as const;
export type ThemeCount = FromSchema<typeof themeCountSchema>;

export type QuestionOptionDto = QuestionOption;

export const questionSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'key', 'phase', 'type', 'prompt', 'options', 'required', 'offerDecline', 'position'],
	properties: {
		id: { type: 'string' },
		key: { type: 'string' },
		phase: { enum: QUESTION_PHASES },
		type: { enum: QUESTION_TYPES },
		prompt: localizedTextSchema,
		options: { type: 'array', items: questionOptionSchema },
		required: { type: 'boolean' },
		offerDecline: { type: 'boolean', description: 'offer "zeg ik liever niet" / "prefer not to say"' },
		position: { type: 'integer' }
	}
} as const;
export type QuestionDto = FromSchema<typeof questionSchema>;

/** A study's grid (GET/PUT /studies/:id/grid). */
export const studyGridSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['forced', 'columns'],
	properties: { forced: { type: 'boolean' }, columns: { type: 'array', items: gridColumnSchema } }
} as const;
export type GridDto = FromSchema<typeof studyGridSchema>;

const summaryProperties = {
	id: { type: 'string' },
	slug: { type: 'string' },
	title: localizedTextSchema,
	languages: { type: 'array', items: { enum: STUDY_LANGUAGES } },
	status: { enum: STUDY_STATUSES },
	role: { enum: STUDY_ROLES },
	isDemo: { type: 'boolean' },
	sortCount: { type: 'integer' },
	createdAt: { type: 'string' },
	updatedAt: { type: 'string' }
} as const;
const summaryRequired = [
	'id',
	'slug',
	'title',
	'languages',
	'status',
	'role',
	'isDemo',
	'sortCount',
	'createdAt',
	'updatedAt'
] as const;

/** A study in the caller's list (GET /studies), with the caller's role. */
export const studySummarySchema = {
	type: 'object',
	additionalProperties: false,
	required: summaryRequired,
	properties: summaryProperties
} as const;
export type StudySummary = FromSchema<typeof studySummarySchema>;

/** A study with its whole design (GET/PATCH /studies/:id). */
export const studyDetailSchema = {
	type: 'object',
	additionalProperties: false,
	required: [
		...summaryRequired,
		'consent',
		'instructions',
		'thankYou',
		'contact',
		'selfEnrolment',
		'gridForced',
		'draftRetentionDays',
		'locked',
		'statements',
		'grid',
		'questions',
		'problems'
	],
	properties: {
		...summaryProperties,
		consent: localizedTextSchema,
		instructions: localizedTextSchema,
		thankYou: localizedTextSchema,
		contact: { ...localizedTextSchema, description: 'how and with whom a participant withdraws (receipt page)' },
		selfEnrolment: { type: 'boolean' },
		gridForced: { type: 'boolean' },
		draftRetentionDays: {
			type: 'integer',
			description: 'drafts never submitted are removed this many days after their last change (default 90)'
		},
		locked: { type: 'boolean', description: 'true once a sort exists: Q-set and grid can no longer change' },
		statements: { type: 'array', items: statementSchema },
		grid: { type: 'array', items: gridColumnSchema },
		questions: { type: 'array', items: questionSchema },
		problems: {
			type: 'array',
			items: designProblemSchema,
			description: 'what stops the study from opening; empty when it is ready'
		}
	}
} as const;
export type StudyDetail = FromSchema<typeof studyDetailSchema>;

/** A participant code and where it stands (GET /studies/:id/codes). */
export const codeSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['code', 'status', 'source', 'createdAt'],
	properties: {
		code: { type: 'string' },
		status: { enum: PARTICIPANT_STATUSES },
		source: { enum: PARTICIPANT_SOURCES },
		createdAt: { type: 'string' }
	}
} as const;
export type CodeDto = FromSchema<typeof codeSchema>;

/** GET /studies/:id/stats. */
export const studyStatsSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['participants', 'sorts', 'medianCompletionSeconds', 'completionsPerDay', 'withdrawals'],
	properties: {
		participants: {
			type: 'object',
			additionalProperties: false,
			required: ['invited', 'selfEnrolled', 'facilitated', 'started', 'submitted', 'withdrawn'],
			properties: {
				invited: count,
				selfEnrolled: count,
				facilitated: count,
				started: count,
				submitted: count,
				withdrawn: count
			}
		},
		sorts: {
			type: 'object',
			additionalProperties: false,
			required: ['total', 'included', 'excluded', 'bySource'],
			properties: {
				total: count,
				included: count,
				excluded: count,
				bySource: {
					type: 'object',
					additionalProperties: false,
					// `satisfies`: one property per SORT_SOURCES entry, no more, no fewer.
					properties: {
						participant: count,
						facilitated: count,
						import: count,
						manual: count,
						demo: count
					} satisfies Record<SortSource, typeof count>,
					description: 'sorts per source; a source without sorts is left out'
				}
			}
		},
		medianCompletionSeconds: {
			type: ['number', 'null'],
			description: 'median of submitted − started over sorts that have both times; null when none has'
		},
		completionsPerDay: {
			type: 'array',
			description: 'sorts per UTC calendar day of submission, oldest first',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['date', 'count'],
				properties: { date: { type: 'string' }, count }
			}
		},
		withdrawals: count
	}
} as const;
export type StudyStats = FromSchema<typeof studyStatsSchema>;

/** A sort as the researcher reads it (never its receipt). */
export const sortSchema = {
	type: 'object',
	additionalProperties: false,
	required: [
		'id',
		'label',
		'source',
		'placements',
		'answers',
		'comments',
		'interviewerNotes',
		'respondentNumber',
		'startedAt',
		'submittedAt',
		'synthetic',
		'excluded',
		'exclusionReason'
	],
	properties: {
		id: { type: 'string' },
		label: { type: 'string' },
		source: { enum: SORT_SOURCES },
		placements: {
			type: 'object',
			additionalProperties: { type: 'integer' },
			description: 'statement code → grid value'
		},
		answers: { type: 'object', additionalProperties: true },
		comments: { type: 'object', additionalProperties: { type: 'string' } },
		interviewerNotes: interviewerNotesSchema,
		respondentNumber: { type: ['string', 'null'] },
		startedAt: { type: ['string', 'null'] },
		submittedAt: { type: 'string' },
		synthetic: { type: 'boolean' },
		excluded: { type: 'boolean' },
		exclusionReason: { type: ['string', 'null'] }
	}
} as const;
export type SortDto = FromSchema<typeof sortSchema>;

/** A problem with one sort of an import (or, with an empty `sort`, with the whole file). */
export const sortProblemSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['sort', 'code', 'message'],
	properties: {
		sort: { type: 'string', description: 'the sort’s label (or row number) as the researcher knows it' },
		code: { type: 'string' },
		message: { type: 'string' }
	}
} as const;
export type SortProblem = FromSchema<typeof sortProblemSchema>;

/** A dry run of an import: what would be stored, and what is wrong (nothing is stored while `valid` is false). */
export const importPreviewSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['valid', 'format', 'sortCount', 'statementCount', 'labels', 'newStatements', 'newGrid', 'problems'],
	properties: {
		valid: { type: 'boolean' },
		format: { enum: IMPORT_FORMATS },
		sortCount: count,
		statementCount: count,
		labels: { type: 'array', items: { type: 'string' } },
		newStatements: {
			type: 'array',
			description: 'statements the import adds (only into a study without a Q-set)',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['code', 'text'],
				properties: { code: { type: 'string' }, text: localizedTextSchema }
			}
		},
		newGrid: {
			description: 'the grid the import sets (only for a study without a grid)',
			anyOf: [{ type: 'null' }, { type: 'array', items: gridColumnSchema }]
		},
		problems: { type: 'array', items: sortProblemSchema }
	}
} as const;
export type ImportPreview = FromSchema<typeof importPreviewSchema>;

/** A researcher of a study with their role (GET /studies/:id/members). */
export const memberSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['researcherId', 'email', 'displayName', 'role'],
	properties: {
		researcherId: { type: 'string' },
		email: { type: 'string' },
		displayName: { type: 'string' },
		role: { enum: STUDY_ROLES }
	}
} as const;
export type MemberDto = FromSchema<typeof memberSchema>;

/** An e-mail address an owner added; it becomes a member when that account next opens its studies. */
export const invitationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'email', 'role', 'createdAt'],
	properties: {
		id: { type: 'string' },
		email: { type: 'string' },
		role: { enum: STUDY_ROLES },
		createdAt: { type: 'string' }
	}
} as const;
export type InvitationDto = FromSchema<typeof invitationSchema>;

/** One line of the withdrawal log: when, and where the withdrawn sort came from (nothing personal). */
export const withdrawalSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['withdrawnAt', 'sortSource'],
	properties: { withdrawnAt: { type: 'string' }, sortSource: { enum: SORT_SOURCES } }
} as const;
export type WithdrawalDto = FromSchema<typeof withdrawalSchema>;
