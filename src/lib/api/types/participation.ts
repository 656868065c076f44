// The request and response shapes of the participant API (server/routes/participate.ts, participants.ts), written
// once: the routes validate and serialize with these schemas, server/participation builds the types derived from
// them and src/lib/api/participate.ts reads and sends them. Relative imports only, so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';
import {
	gridColumnSchema,
	interviewerNotesSchema,
	PARTICIPANT_STATUSES,
	QUESTION_PHASES,
	QUESTION_TYPES,
	STUDY_LANGUAGES
} from './common.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** A question of the study, its texts in the participant's language. */
const participationQuestionSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['key', 'phase', 'type', 'prompt', 'options', 'required', 'offerDecline'],
	properties: {
		key: { type: 'string' },
		phase: { type: 'string', enum: QUESTION_PHASES },
		type: { type: 'string', enum: QUESTION_TYPES },
		prompt: { type: 'string' },
		options: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['value', 'label'],
				properties: { value: { type: 'string' }, label: { type: 'string' } }
			}
		},
		required: { type: 'boolean' },
		offerDecline: {
			type: 'boolean',
			description: 'whether "zeg ik liever niet" / "prefer not to say" is offered (choice questions)'
		}
	}
} as const;

/** The study as a participant sees it: every text in one language. */
export const participationStudySchema = {
	type: 'object',
	additionalProperties: false,
	required: [
		'slug',
		'title',
		'language',
		'languages',
		'open',
		'consent',
		'instructions',
		'thankYou',
		'contact',
		'forced',
		'statements',
		'grid',
		'questions'
	],
	properties: {
		slug: { type: 'string' },
		title: { type: 'string' },
		language: { type: 'string', enum: STUDY_LANGUAGES, description: 'the language the texts are in' },
		languages: { type: 'array', items: { type: 'string', enum: STUDY_LANGUAGES } },
		open: { type: 'boolean', description: 'only an open study accepts drafts and submissions' },
		consent: { type: 'string' },
		instructions: { type: 'string' },
		thankYou: { type: 'string' },
		contact: { type: 'string', description: 'how and with whom to withdraw; empty when not set' },
		forced: { type: 'boolean', description: 'forced distribution: every column must hold exactly its capacity' },
		statements: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['code', 'text'],
				properties: { code: { type: 'string' }, text: { type: 'string' } }
			}
		},
		grid: { type: 'array', items: gridColumnSchema },
		questions: { type: 'array', items: participationQuestionSchema }
	}
} as const;
export type ParticipationStudy = FromSchema<typeof participationStudySchema>;
export type ParticipationStatement = ParticipationStudy['statements'][number];
export type ParticipationQuestion = FromSchema<typeof participationQuestionSchema>;

/** GET /participate/:code. */
export const participationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['study', 'status', 'draft'],
	properties: {
		study: participationStudySchema,
		status: { type: 'string', enum: PARTICIPANT_STATUSES },
		draft: {
			description: 'the last draft saved with PUT …/draft, exactly as sent; null when none (or after submitting)'
		}
	}
} as const;
export type Participation = FromSchema<typeof participationSchema>;

/** GET /studies/by-slug/:slug: what the open link shows before enrolling. */
export const publicStudySchema = {
	type: 'object',
	required: ['slug', 'title', 'language', 'open'],
	additionalProperties: false,
	properties: {
		slug: { type: 'string' },
		title: { type: 'string' },
		language: { type: 'string', enum: STUDY_LANGUAGES },
		open: { type: 'boolean', description: 'false: the study is closed' }
	}
} as const;
export type PublicStudy = FromSchema<typeof publicStudySchema>;

/** An answer: `null` records "zeg ik liever niet" (declined); an unanswered question is left out. */
const answerValueSchema = {
	// null first: Fastify's Ajv coerces types, and the string branch would turn null into "".
	anyOf: [
		{ type: 'null', description: 'declined ("zeg ik liever niet")' },
		text(4000),
		{ type: 'array', maxItems: 100, items: text(200) }
	]
} as const;
export type AnswerValue = FromSchema<typeof answerValueSchema>;

/** POST /participate/:code/submission. */
export const submissionBodySchema = {
	type: 'object',
	required: ['placements'],
	additionalProperties: false,
	properties: {
		placements: {
			type: 'array',
			maxItems: 500,
			items: {
				type: 'object',
				required: ['statement', 'value'],
				additionalProperties: false,
				properties: {
					statement: { type: 'string', minLength: 1, maxLength: 40 },
					value: { type: 'integer', minimum: -50, maximum: 50 }
				}
			}
		},
		answers: { type: 'object', maxProperties: 200, additionalProperties: answerValueSchema },
		comments: { type: 'object', maxProperties: 500, additionalProperties: text(4000) },
		facilitated: {
			type: 'object',
			description: 'present when a co-researcher ran the sort (facilitated mode)',
			required: ['respondentNumber'],
			additionalProperties: false,
			properties: {
				respondentNumber: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
				notes: interviewerNotesSchema
			}
		}
	}
} as const;
export type SubmissionBody = FromSchema<typeof submissionBodySchema>;
export type FacilitatedData = NonNullable<SubmissionBody['facilitated']>;

/** The answer to a submission: the receipt with which the participant can withdraw later. */
export const submissionReceiptSchema = {
	type: 'object',
	required: ['receipt'],
	additionalProperties: false,
	properties: { receipt: { type: 'string' } }
} as const;
export type SubmissionReceipt = FromSchema<typeof submissionReceiptSchema>;
