// JSON Schemas of the dialogue and interpretation routes (documented in the OpenAPI document).
export { errors } from '../routes/common-schemas.js';

export const idParams = {
	type: 'object',
	required: ['id'],
	properties: { id: { type: 'string', maxLength: 64 } }
} as const;

export const codeParams = {
	type: 'object',
	required: ['code'],
	properties: { code: { type: 'string', maxLength: 32, description: 'the join code shown on the screen' } }
} as const;

export const langQuery = {
	type: 'object',
	properties: { lang: { type: 'string', enum: ['nl', 'en'] } }
} as const;

export const newSessionBody = {
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

export const sessionChangeBody = {
	type: 'object',
	additionalProperties: false,
	minProperties: 1,
	properties: {
		// One type list, not anyOf: with type coercion on, anyOf turned null into "" (string branch first)
		// or "" into null (null branch first); a list that contains the value's own type coerces nothing.
		currentQuestion: { type: ['string', 'null'], maxLength: 40 },
		status: { type: 'string', enum: ['closed'] }
	}
} as const;

export const moderationBody = {
	type: 'object',
	required: ['moderation'],
	additionalProperties: false,
	properties: { moderation: { type: 'string', enum: ['pending', 'shown', 'hidden'] } }
} as const;

export const joinBody = {
	type: 'object',
	required: ['code'],
	additionalProperties: false,
	properties: { code: { type: 'string', minLength: 1, maxLength: 32 } }
} as const;

export const answerBody = {
	type: 'object',
	additionalProperties: false,
	properties: { value: { type: 'string', maxLength: 40 }, text: { type: 'string', maxLength: 2000 } }
} as const;

export const miniSortBody = {
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
