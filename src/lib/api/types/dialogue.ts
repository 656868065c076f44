// The request and response shapes of the dialogue API, written once for both sides (the interpretation and
// presentation shapes are in ./interpretations.ts):
// server/dialogue builds them, the route schemas of server/routes/dialogue/ validate and serialize with the
// schema constants, src/lib/api/dialogue.ts reads them. Each shape is a JSON-schema constant with its type
// derived from it (FromSchema), so the schema the server answers with and the type the client reads cannot
// drift apart. Relative imports only and no imports of runtime code, so the server can import this file
// under tsx and tsc.
import type { FromSchema } from 'json-schema-to-ts';

/** A session is open until its facilitator closes it for good (`dialogue_sessions.status`). */
export const SESSION_STATUSES = ['open', 'closed'] as const;
export type DialogueSessionStatus = (typeof SESSION_STATUSES)[number];

/** The presenter's two views of a session: the shared display, or the facilitator's control (adds moderation). */
export const PRESENTER_VIEWS = ['display', 'control'] as const;
export type PresenterView = (typeof PRESENTER_VIEWS)[number];

/** The two CSV files of a study's dialogue reactions: counts per answer, or the free texts. */
export const REACTION_CSV_PARTS = ['tallies', 'texts'] as const;
export type ReactionCsvPart = (typeof REACTION_CSV_PARTS)[number];

/** Where a free-text answer is in moderation (`dialogue_responses.moderation`). */
export const MODERATION_STATUSES = ['pending', 'shown', 'hidden'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** The kinds of the fixed questions of a session (src/lib/dialogue/questions.ts). */
export const QUESTION_KINDS = ['recognise', 'relevant', 'best-fit', 'missing'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const dialogueQuestionSchema = {
	type: 'object',
	required: ['key', 'kind', 'options'],
	additionalProperties: false,
	properties: {
		key: { type: 'string' },
		kind: { type: 'string', enum: QUESTION_KINDS },
		/** 1-based viewpoint for `recognise` and `relevant`. */
		factor: { type: 'integer' },
		/** Allowed values for choice questions, in display order; empty for free text. */
		options: { type: 'array', items: { type: 'string' } }
	}
} as const;
/** One fixed question of a session, addressed by a stable key such as `recognise-2`. */
export type DialogueQuestion = FromSchema<typeof dialogueQuestionSchema>;

export const optionCountSchema = {
	type: 'object',
	required: ['value', 'count'],
	additionalProperties: false,
	properties: {
		value: { type: 'string' },
		/** null: hidden, because the question has fewer than MIN_GROUP answers in total. */
		count: { type: ['integer', 'null'] }
	}
} as const;
export type OptionCount = FromSchema<typeof optionCountSchema>;

export const tallySchema = {
	type: 'object',
	required: ['questionKey', 'total', 'options', 'mean'],
	additionalProperties: false,
	properties: {
		questionKey: { type: 'string' },
		/** Number of answers, or null when fewer than MIN_GROUP answered. */
		total: { type: ['integer', 'null'] },
		options: { type: 'array', items: optionCountSchema },
		/** Mean of a 1–5 scale question; null whenever the counts it comes from are hidden. */
		mean: { type: ['number', 'null'] },
		/** Only in a tally over several sessions: sessions below the small-group rule were left out. */
		partial: { type: 'boolean' }
	}
} as const;
/** A question's tally under the small-group rule (src/lib/dialogue/tally.ts). */
export type Tally = FromSchema<typeof tallySchema>;

export const sessionDtoSchema = {
	type: 'object',
	required: [
		'id',
		'analysisId',
		'name',
		'place',
		'date',
		'joinCode',
		'status',
		'currentQuestion',
		'miniSort',
		'createdAt',
		'closedAt'
	],
	additionalProperties: false,
	properties: {
		id: { type: 'string' },
		analysisId: { type: 'string' },
		name: { type: 'string' },
		place: { type: 'string' },
		date: { type: ['string', 'null'] },
		joinCode: { type: 'string' },
		status: { type: 'string', enum: SESSION_STATUSES },
		currentQuestion: { type: ['string', 'null'] },
		miniSort: { type: 'boolean' },
		createdAt: { type: 'string' },
		closedAt: { type: ['string', 'null'] }
	}
} as const;
export type SessionDto = FromSchema<typeof sessionDtoSchema>;

/** GET /analyses/:id/dialogue-sessions. */
export const sessionListSchema = {
	type: 'object',
	required: ['sessions'],
	additionalProperties: false,
	properties: { sessions: { type: 'array', items: sessionDtoSchema } }
} as const;
export type SessionList = FromSchema<typeof sessionListSchema>;

/** POST /analyses/:id/dialogue-sessions. */
export const newSessionSchema = {
	type: 'object',
	required: ['name'],
	additionalProperties: false,
	properties: {
		name: { type: 'string', minLength: 1, maxLength: 200 },
		place: { type: 'string', maxLength: 200 },
		date: { anyOf: [{ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, { type: 'null' }] },
		miniSort: { type: 'boolean' }
	}
} as const;
export type NewSession = FromSchema<typeof newSessionSchema>;

/** PATCH /dialogue/sessions/:id: open a question (or none), or close the session for good. */
export const sessionChangeSchema = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: {
		// One type list, not anyOf: with type coercion on, anyOf turned null into "" (string branch first)
		// or "" into null (null branch first); a list that contains the value's own type coerces nothing.
		/** A question key to open, or null to close the current question. */
		currentQuestion: { type: ['string', 'null'], maxLength: 40 },
		/** Only "closed": closing is final, and the join code stops working. */
		status: { type: 'string', enum: ['closed'] }
	}
} as const;
export type SessionChange = FromSchema<typeof sessionChangeSchema>;

/** PATCH /dialogue/sessions/:id/responses/:responseId. */
export const moderationChangeSchema = {
	type: 'object',
	required: ['moderation'],
	additionalProperties: false,
	properties: { moderation: { type: 'string', enum: MODERATION_STATUSES } }
} as const;
export type ModerationChange = FromSchema<typeof moderationChangeSchema>;

/** The answer to a moderation change: the free text and where it now is. */
export const moderationResultSchema = {
	type: 'object',
	required: ['id', 'moderation'],
	additionalProperties: false,
	properties: { id: { type: 'string' }, moderation: { type: 'string', enum: MODERATION_STATUSES } }
} as const;
export type ModerationResult = FromSchema<typeof moderationResultSchema>;

export const freeTextSchema = {
	type: 'object',
	required: ['id', 'text', 'moderation', 'answeredAt'],
	additionalProperties: false,
	properties: {
		id: { type: 'string' },
		text: { type: 'string' },
		moderation: { type: 'string', enum: MODERATION_STATUSES },
		answeredAt: { type: 'string' }
	}
} as const;
export type FreeText = FromSchema<typeof freeTextSchema>;

export const presenterStateSchema = {
	type: 'object',
	required: ['session', 'attendees', 'question', 'tallies', 'shown'],
	additionalProperties: false,
	properties: {
		session: sessionDtoSchema,
		/** How many phones joined (not a response count, so not subject to the small-group rule). */
		attendees: { type: 'integer' },
		question: { anyOf: [dialogueQuestionSchema, { type: 'null' }] },
		tallies: { type: 'array', items: tallySchema },
		/** Free texts the facilitator chose to show. */
		shown: { type: 'array', items: freeTextSchema },
		/** Free texts waiting for moderation: only in the facilitator's control view, never on the projector. */
		pending: { type: 'array', items: freeTextSchema }
	}
} as const;
export type PresenterState = FromSchema<typeof presenterStateSchema>;

export const viewpointSchema = {
	type: 'object',
	required: ['factor', 'name'],
	additionalProperties: false,
	properties: { factor: { type: 'integer' }, name: { type: 'string' } }
} as const;
export type Viewpoint = FromSchema<typeof viewpointSchema>;

/** An attendee's own answer to one question. */
export const myAnswerSchema = {
	type: 'object',
	required: ['value', 'text'],
	additionalProperties: false,
	properties: { value: { type: ['string', 'null'] }, text: { type: ['string', 'null'] } }
} as const;
export type MyAnswer = FromSchema<typeof myAnswerSchema>;

/** POST /dialogue/join. */
export const joinRequestSchema = {
	type: 'object',
	required: ['code'],
	additionalProperties: false,
	properties: { code: { type: 'string', minLength: 1, maxLength: 32 } }
} as const;
export type JoinRequest = FromSchema<typeof joinRequestSchema>;

/** The answer to POST /dialogue/join. */
export const joinResultSchema = {
	type: 'object',
	required: ['code'],
	additionalProperties: false,
	properties: { code: { type: 'string', description: 'the join code, normalized' } }
} as const;
export type JoinResult = FromSchema<typeof joinResultSchema>;

/** PUT /dialogue/attend/:code/answers/:key: `value` for a choice question, `text` for the free one. */
export const answerInputSchema = {
	type: 'object',
	additionalProperties: false,
	properties: { value: { type: 'string', maxLength: 40 }, text: { type: 'string', maxLength: 2000 } }
} as const;
export type AnswerInput = FromSchema<typeof answerInputSchema>;

/** The answer to PUT /dialogue/attend/:code/answers/:key: the attendee's answer as stored. */
export const answerResultSchema = {
	type: 'object',
	required: ['question', 'answer'],
	additionalProperties: false,
	properties: { question: { type: 'string', description: 'the question key' }, answer: myAnswerSchema }
} as const;
export type AnswerResult = FromSchema<typeof answerResultSchema>;

export const attendeeStateSchema = {
	type: 'object',
	required: ['session', 'viewpoints', 'question', 'answer', 'miniSortDone'],
	additionalProperties: false,
	properties: {
		session: {
			type: 'object',
			required: ['name', 'place', 'date', 'status', 'miniSort'],
			additionalProperties: false,
			properties: {
				name: { type: 'string' },
				place: { type: 'string' },
				date: { type: ['string', 'null'] },
				status: { type: 'string', enum: SESSION_STATUSES },
				miniSort: { type: 'boolean' }
			}
		},
		viewpoints: { type: 'array', items: viewpointSchema },
		question: { anyOf: [dialogueQuestionSchema, { type: 'null' }] },
		answer: { anyOf: [myAnswerSchema, { type: 'null' }] },
		miniSortDone: { type: 'boolean' }
	}
} as const;
export type AttendeeState = FromSchema<typeof attendeeStateSchema>;

export const miniSortStatementSchema = {
	type: 'object',
	required: ['code', 'text'],
	additionalProperties: false,
	properties: { code: { type: 'string' }, text: { type: 'string' } }
} as const;
export type MiniSortStatement = FromSchema<typeof miniSortStatementSchema>;

/** GET /dialogue/attend/:code/mini-sort. */
export const miniSortSheetSchema = {
	type: 'object',
	required: ['statements', 'values'],
	additionalProperties: false,
	properties: {
		statements: { type: 'array', items: miniSortStatementSchema },
		values: { type: 'array', items: { type: 'integer' } }
	}
} as const;
export type MiniSortSheet = FromSchema<typeof miniSortSheetSchema>;

/** POST /dialogue/attend/:code/mini-sort: statement code → value from −2 to +2. */
export const miniSortInputSchema = {
	type: 'object',
	required: ['placements'],
	additionalProperties: false,
	properties: {
		placements: {
			type: 'object',
			maxProperties: 20,
			additionalProperties: { type: 'integer', minimum: -2, maximum: 2 }
		}
	}
} as const;
export type MiniSortInput = FromSchema<typeof miniSortInputSchema>;

/** POST /dialogue/attend/:code/mini-sort: the closest viewpoint, shown to this attendee only. */
export const miniSortOutcomeSchema = {
	type: 'object',
	required: ['factor', 'correlations', 'counted'],
	additionalProperties: false,
	properties: {
		factor: { type: 'integer' },
		correlations: { type: 'array', items: { type: ['number', 'null'] } },
		counted: { type: 'boolean' }
	}
} as const;
export type MiniSortOutcome = FromSchema<typeof miniSortOutcomeSchema>;

export const sessionReactionsSchema = {
	type: 'object',
	required: [...sessionDtoSchema.required, 'attendees', 'tallies', 'miniSortTally'],
	additionalProperties: false,
	properties: {
		...sessionDtoSchema.properties,
		attendees: { type: 'integer' },
		tallies: { type: 'array', items: tallySchema },
		miniSortTally: tallySchema
	}
} as const;
export type SessionReactions = FromSchema<typeof sessionReactionsSchema>;

export const analysisReactionsSchema = {
	type: 'object',
	required: ['analysisId', 'name', 'nFactors', 'viewpoints', 'sessions', 'combined', 'freeTexts'],
	additionalProperties: false,
	properties: {
		analysisId: { type: 'string' },
		name: { type: 'string' },
		nFactors: { type: 'integer' },
		viewpoints: { type: 'array', items: viewpointSchema },
		sessions: { type: 'array', items: sessionReactionsSchema },
		/** All sessions of this analysis together, under the same small-group rule. */
		combined: {
			type: 'object',
			required: ['attendees', 'tallies', 'miniSortTally'],
			additionalProperties: false,
			properties: {
				attendees: { type: 'integer' },
				tallies: { type: 'array', items: tallySchema },
				miniSortTally: tallySchema
			}
		},
		/** Every free-text answer with its session and moderation status (the researcher's record). */
		freeTexts: {
			type: 'array',
			items: {
				type: 'object',
				required: [...freeTextSchema.required, 'sessionId'],
				additionalProperties: false,
				properties: { ...freeTextSchema.properties, sessionId: { type: 'string' } }
			}
		}
	}
} as const;
export type AnalysisReactions = FromSchema<typeof analysisReactionsSchema>;

/** GET /studies/:id/dialogue/reactions. */
export const studyReactionsSchema = {
	type: 'object',
	required: ['analyses'],
	additionalProperties: false,
	properties: { analyses: { type: 'array', items: analysisReactionsSchema } }
} as const;
export type StudyReactions = FromSchema<typeof studyReactionsSchema>;

// The interpretation and presentation shapes are in ./interpretations.ts.
