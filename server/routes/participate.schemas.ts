// JSON Schemas of the participant's routes (participate.ts): the routes validate and serialize with them and
// /api/docs shows them. The enrolment routes (participants.ts) keep their short schemas in their own file.

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const codeParams = {
	type: 'object',
	required: ['code'],
	properties: {
		code: { type: 'string', minLength: 1, maxLength: 40, description: 'Participant code, e.g. K7QM-4XTR-9BDW' }
	}
} as const;

const localizedStudy = {
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
		language: { type: 'string', enum: ['nl', 'en'] },
		languages: { type: 'array', items: { type: 'string' } },
		open: { type: 'boolean' },
		consent: { type: 'string' },
		instructions: { type: 'string' },
		thankYou: { type: 'string' },
		contact: { type: 'string', description: 'how and with whom to withdraw; empty when not set' },
		forced: { type: 'boolean' },
		statements: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['code', 'text'],
				properties: { code: { type: 'string' }, text: { type: 'string' } }
			}
		},
		grid: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['value', 'capacity'],
				properties: { value: { type: 'integer' }, capacity: { type: 'integer' } }
			}
		},
		questions: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['key', 'phase', 'type', 'prompt', 'options', 'required', 'offerDecline'],
				properties: {
					key: { type: 'string' },
					phase: { type: 'string', enum: ['pre', 'post'] },
					type: { type: 'string', enum: ['single', 'multiple', 'scale', 'short_text', 'long_text'] },
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
					offerDecline: { type: 'boolean' }
				}
			}
		}
	}
} as const;

export const participationResponse = {
	type: 'object',
	additionalProperties: false,
	required: ['study', 'status', 'draft'],
	properties: {
		study: localizedStudy,
		status: { type: 'string', enum: ['new', 'in_progress', 'submitted', 'withdrawn'] },
		draft: { description: 'The last saved draft, unchanged, or null.' }
	}
} as const;

/** Drafts are the page's own JSON; 64 KB holds a 40-card sort with long comments many times over. */
export const DRAFT_LIMIT_BYTES = 64 * 1024;

const answerValue = {
	// null first: Fastify's Ajv coerces types, and the string branch would turn null into "".
	anyOf: [
		{ type: 'null', description: 'declined ("zeg ik liever niet")' },
		text(4000),
		{ type: 'array', maxItems: 100, items: text(200) }
	]
} as const;

export const submissionBody = {
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
		answers: { type: 'object', maxProperties: 200, additionalProperties: answerValue },
		comments: { type: 'object', maxProperties: 500, additionalProperties: text(4000) },
		facilitated: {
			type: 'object',
			required: ['respondentNumber'],
			additionalProperties: false,
			properties: {
				respondentNumber: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
				notes: {
					type: 'object',
					additionalProperties: false,
					properties: {
						sort: text(20000),
						statements: { type: 'object', maxProperties: 500, additionalProperties: text(4000) }
					}
				}
			}
		}
	}
} as const;

export const receiptResponse = {
	type: 'object',
	required: ['receipt'],
	additionalProperties: false,
	properties: { receipt: { type: 'string' } }
} as const;

/** A draft is the page's own JSON, stored and returned unchanged. */
export const draftBody = { description: 'any JSON up to 64 KB' } as const;
