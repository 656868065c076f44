// JSON Schemas of the interpretation and presentation routes (interpretations.ts).
import { QUOTE_MAX } from '../dialogue/interpretations.js';

export const factorParams = {
	type: 'object',
	required: ['id', 'factor'],
	properties: { id: { type: 'string', maxLength: 64 }, factor: { type: 'integer', minimum: 1, maximum: 8 } }
} as const;

export const interpretationBody = {
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
					source: { type: 'string', enum: ['comment', 'interviewer_note'] },
					statement: { type: 'string', maxLength: 40 },
					respondent: { type: 'string', description: 'ignored: the server fills in the respondent number' }
				}
			}
		}
	}
} as const;

const quote = {
	type: 'object',
	required: ['sortId', 'respondent', 'text', 'source'],
	additionalProperties: false,
	properties: {
		sortId: { type: 'string', description: "the analysis's sort id; never shown" },
		respondent: { type: 'string', description: 'the respondent number, never a name' },
		text: { type: 'string' },
		source: { type: 'string', enum: ['comment', 'interviewer_note'] },
		statement: { type: 'string', description: 'statement code when the text was about one statement' }
	}
} as const;

const interpretationProperties = {
	factor: { type: 'integer' },
	name: { type: 'string' },
	narrative: { type: 'string' },
	quotes: { type: 'array', items: quote },
	updatedAt: { type: ['string', 'null'] }
} as const;
const interpretationRequired = ['factor', 'name', 'narrative', 'quotes', 'updatedAt'] as const;

export const interpretation = {
	type: 'object',
	required: interpretationRequired,
	additionalProperties: false,
	properties: interpretationProperties
} as const;

export const interpretationList = {
	type: 'object',
	required: ['interpretations'],
	additionalProperties: false,
	properties: { interpretations: { type: 'array', items: interpretation } }
} as const;

export const candidateList = {
	type: 'object',
	required: ['candidates'],
	additionalProperties: false,
	properties: { candidates: { type: 'array', items: quote } }
} as const;

const gridColumn = {
	type: 'object',
	required: ['value', 'capacity'],
	additionalProperties: false,
	properties: { value: { type: 'integer' }, capacity: { type: 'integer' } }
} as const;

const presentationStatement = {
	type: 'object',
	required: ['number', 'code', 'text', 'value', 'z', 'distinguishing'],
	additionalProperties: false,
	properties: {
		number: { type: 'integer' },
		code: { type: 'string' },
		text: { type: 'string' },
		value: { type: 'number' },
		z: { type: 'number' },
		distinguishing: { enum: ['higher', 'lower', null] }
	}
} as const;

export const presentation = {
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
		grid: { type: 'array', items: gridColumn },
		viewpoints: {
			type: 'array',
			items: {
				type: 'object',
				required: [...interpretationRequired, 'statements', 'nDefining'],
				additionalProperties: false,
				properties: {
					...interpretationProperties,
					statements: { type: 'array', items: presentationStatement },
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
