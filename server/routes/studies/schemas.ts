// JSON Schemas shared by the researcher routes (auth and studies), documented in the OpenAPI document.

// Shared with the participant and dialogue routes; re-exported because every researcher route imports it from here.
export { errors } from '../common-schemas.js';

// The shapes the client shares (request bodies, grid columns, texts) are defined once in src/lib/api/types/.
import {
	gridColumnSchema as gridColumn,
	interviewerNotesSchema,
	questionOptionSchema,
	QUESTION_PHASES,
	QUESTION_TYPES,
	SORT_SOURCES,
	STUDY_ROLES,
	STUDY_STATUSES
} from '../../../src/lib/api/types/common.js';
export { gridColumn };

export { idParams } from '../common-schemas.js';

export const researcherSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'email', 'displayName'],
	properties: { id: { type: 'string' }, email: { type: 'string' }, displayName: { type: 'string' } }
} as const;

export { csrfHeaders } from '../common-schemas.js';

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const statementSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'code', 'text', 'position', 'themes', 'inQset'],
	properties: {
		id: { type: 'string' },
		code: { type: 'string' },
		text: stringMap,
		position: { type: 'integer' },
		themes: { type: 'array', items: { type: 'string' } },
		inQset: { type: 'boolean', description: 'false: in the concourse only' }
	}
} as const;

export const questionSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'key', 'phase', 'type', 'prompt', 'options', 'required', 'offerDecline', 'position'],
	properties: {
		id: { type: 'string' },
		key: { type: 'string' },
		phase: { enum: QUESTION_PHASES },
		type: { enum: QUESTION_TYPES },
		prompt: stringMap,
		options: { type: 'array', items: questionOptionSchema },
		required: { type: 'boolean' },
		offerDecline: { type: 'boolean', description: 'offer "zeg ik liever niet" / "prefer not to say"' },
		position: { type: 'integer' }
	}
} as const;

const summaryProperties = {
	id: { type: 'string' },
	slug: { type: 'string' },
	title: stringMap,
	languages: { type: 'array', items: { type: 'string' } },
	status: { enum: STUDY_STATUSES },
	role: { enum: STUDY_ROLES },
	isDemo: { type: 'boolean' },
	sortCount: { type: 'integer' },
	createdAt: { type: 'string' },
	updatedAt: { type: 'string' }
} as const;

export const studySummarySchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'slug', 'title', 'languages', 'status', 'role', 'isDemo', 'sortCount', 'createdAt', 'updatedAt'],
	properties: summaryProperties
} as const;

export const problemSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['code', 'message'],
	properties: {
		code: { type: 'string' },
		message: { type: 'string' },
		languages: { type: 'array', items: { type: 'string' } }
	}
} as const;

export const studyDetailSchema = {
	type: 'object',
	additionalProperties: false,
	properties: {
		...summaryProperties,
		consent: stringMap,
		instructions: stringMap,
		thankYou: stringMap,
		contact: stringMap,
		selfEnrolment: { type: 'boolean' },
		gridForced: { type: 'boolean' },
		draftRetentionDays: {
			type: 'integer',
			description: 'drafts never submitted are removed this many days after their last change'
		},
		locked: { type: 'boolean', description: 'true once a sort exists: Q-set and grid can no longer change' },
		statements: { type: 'array', items: statementSchema },
		grid: { type: 'array', items: gridColumn },
		questions: { type: 'array', items: questionSchema },
		problems: { type: 'array', items: problemSchema, description: 'what stops the study from opening' }
	}
} as const;

export const sortSchema = {
	type: 'object',
	additionalProperties: false,
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
		comments: stringMap,
		interviewerNotes: interviewerNotesSchema,
		respondentNumber: { type: ['string', 'null'] },
		startedAt: { type: ['string', 'null'] },
		submittedAt: { type: 'string' },
		synthetic: { type: 'boolean' },
		excluded: { type: 'boolean' },
		exclusionReason: { type: ['string', 'null'] }
	}
} as const;

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
