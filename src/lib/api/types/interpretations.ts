// The shapes of the interpretation and presentation API (server/routes/interpretations.ts), written once for
// the route schemas, the client (src/lib/api/dialogue.ts) and the database types (server/db/schema.ts: the
// `interpretations.quotes` column holds Quote[]). Each is a JSON-schema constant with its type derived from it
// (FromSchema). Relative imports only and no imports of runtime code outside src/lib/api/types and
// src/lib/rules, so the server can import this file under tsx and tsc.
import type { FromSchema } from 'json-schema-to-ts';
import { gridColumnSchema } from './common.js';

/** At most this many quotes per factor. */
export const QUOTE_MAX = 20;

/** Where a quote comes from: a post-sort comment or an interviewer's note. */
export const QUOTE_SOURCES = ['comment', 'interviewer_note'] as const;
export type QuoteSource = (typeof QUOTE_SOURCES)[number];

export const quoteSchema = {
	type: 'object',
	required: ['sortId', 'respondent', 'text', 'source'],
	additionalProperties: false,
	properties: {
		/** The analysis's sort id (its `sortIds` entry); never shown, used to check the quote's source. */
		sortId: { type: 'string', description: "the analysis's sort id; never shown" },
		/** What the audience sees: the respondent number, never a name. */
		respondent: { type: 'string', description: 'the respondent number, never a name' },
		text: { type: 'string' },
		source: { type: 'string', enum: QUOTE_SOURCES },
		/** Statement code when the comment or note was about one statement. */
		statement: { type: 'string', description: 'statement code when the text was about one statement' }
	}
} as const;
/** A quote from a defining sort's comment or interviewer note, labelled with the respondent number. */
export type Quote = FromSchema<typeof quoteSchema>;

const interpretationProperties = {
	factor: { type: 'integer' },
	name: { type: 'string' },
	narrative: { type: 'string' },
	quotes: { type: 'array', items: quoteSchema },
	/** null for a factor nobody wrote about yet. */
	updatedAt: { type: ['string', 'null'] }
} as const;
const interpretationRequired = ['factor', 'name', 'narrative', 'quotes', 'updatedAt'] as const;

export const interpretationSchema = {
	type: 'object',
	required: interpretationRequired,
	additionalProperties: false,
	properties: interpretationProperties
} as const;
/** A factor's name, narrative and quotes. */
export type Interpretation = FromSchema<typeof interpretationSchema>;

/** GET /analyses/:id/interpretations. */
export const interpretationListSchema = {
	type: 'object',
	required: ['interpretations'],
	additionalProperties: false,
	properties: { interpretations: { type: 'array', items: interpretationSchema } }
} as const;
export type InterpretationList = FromSchema<typeof interpretationListSchema>;

/** GET /analyses/:id/interpretations/:factor/candidates. */
export const candidateListSchema = {
	type: 'object',
	required: ['candidates'],
	additionalProperties: false,
	properties: { candidates: { type: 'array', items: quoteSchema } }
} as const;
export type CandidateList = FromSchema<typeof candidateListSchema>;

/** PUT /analyses/:id/interpretations/:factor. A quote's respondent is ignored: the server fills it in. */
export const interpretationInputSchema = {
	type: 'object',
	required: ['name', 'narrative', 'quotes'],
	additionalProperties: false,
	properties: {
		name: { type: 'string', maxLength: 120 },
		narrative: { type: 'string', maxLength: 4000 },
		quotes: {
			type: 'array',
			maxItems: QUOTE_MAX,
			items: {
				type: 'object',
				required: ['sortId', 'text', 'source'],
				properties: {
					sortId: { type: 'string', maxLength: 200 },
					text: { type: 'string', minLength: 1, maxLength: 2000 },
					source: { type: 'string', enum: QUOTE_SOURCES },
					statement: { type: 'string', maxLength: 40 },
					respondent: { type: 'string', description: 'ignored: the server fills in the respondent number' }
				}
			}
		}
	}
} as const;
export type InterpretationInput = FromSchema<typeof interpretationInputSchema>;

export const presentationStatementSchema = {
	type: 'object',
	required: ['number', 'code', 'text', 'value', 'z', 'distinguishing'],
	additionalProperties: false,
	properties: {
		number: { type: 'integer' },
		code: { type: 'string' },
		text: { type: 'string' },
		value: { type: 'number' },
		z: { type: 'number' },
		/** For a distinguishing statement: placed higher or lower than by every other viewpoint (or on average). */
		distinguishing: { enum: ['higher', 'lower', null] }
	}
} as const;
/** One statement of a viewpoint's idealised sort, as the slides show it. */
export type PresentationStatement = FromSchema<typeof presentationStatementSchema>;

/** GET /analyses/:id/presentation: everything the slides and the handout show, in one language. */
export const presentationSchema = {
	type: 'object',
	required: ['study', 'analysis', 'grid', 'viewpoints', 'consensus'],
	additionalProperties: false,
	properties: {
		study: {
			type: 'object',
			required: ['title', 'question', 'language'],
			additionalProperties: false,
			properties: { title: { type: 'string' }, question: { type: 'string' }, language: { type: 'string' } }
		},
		analysis: {
			type: 'object',
			required: ['id', 'name', 'studyId'],
			additionalProperties: false,
			properties: { id: { type: 'string' }, name: { type: 'string' }, studyId: { type: 'string' } }
		},
		grid: { type: 'array', items: gridColumnSchema },
		viewpoints: {
			type: 'array',
			items: {
				type: 'object',
				required: [...interpretationRequired, 'statements', 'nDefining'],
				additionalProperties: false,
				properties: {
					...interpretationProperties,
					statements: { type: 'array', items: presentationStatementSchema },
					nDefining: { type: 'integer' }
				}
			}
		},
		consensus: {
			type: 'array',
			items: {
				type: 'object',
				required: ['number', 'code', 'text', 'values'],
				additionalProperties: false,
				properties: {
					number: { type: 'integer' },
					code: { type: 'string' },
					text: { type: 'string' },
					values: { type: 'array', items: { type: 'number' } }
				}
			}
		}
	}
} as const;
export type Presentation = FromSchema<typeof presentationSchema>;
