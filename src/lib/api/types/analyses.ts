// The answers of the analysis API (server/routes/analyses.ts) that are plain data, written once: the route
// serializes with these schemas, server/analyses builds the derived types, the workspace (src/lib/analysis,
// src/lib/api/analyses.ts) reads them. Relative imports only, so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';
import { gridColumnSchema, interviewerNotesSchema, localizedTextSchema, STUDY_LANGUAGES } from './common.js';

/** A count of defining sorts, or "< 5" for a group smaller than five (or one that would reveal it). */
const countOrFew = { anyOf: [{ type: 'integer' }, { const: '< 5' }] } as const;

/** One pre-sort answer group of a factor's defining sorts; counts below 5 never leave the server. */
export const compositionGroupSchema = {
	type: 'object',
	required: ['value', 'label', 'count'],
	additionalProperties: false,
	properties: { value: { type: 'string' }, label: localizedTextSchema, count: countOrFew }
} as const;
export type CompositionGroup = FromSchema<typeof compositionGroupSchema>;

export const compositionQuestionSchema = {
	type: 'object',
	required: ['key', 'prompt', 'groups'],
	additionalProperties: false,
	properties: {
		key: { type: 'string' },
		prompt: localizedTextSchema,
		groups: { type: 'array', items: compositionGroupSchema }
	}
} as const;
export type CompositionQuestion = FromSchema<typeof compositionQuestionSchema>;

/** Per factor (in result order): its defining sorts broken down by each pre-sort question. */
export const factorCompositionSchema = {
	type: 'object',
	required: ['factor', 'nDefining', 'questions'],
	additionalProperties: false,
	properties: {
		factor: { type: 'integer' },
		nDefining: countOrFew,
		withheld: {
			const: true,
			description:
				'present when the defining sorts differ by 1–4 from a composition already shown for this study: every count is then "< 5"'
		},
		questions: { type: 'array', items: compositionQuestionSchema }
	}
} as const;
export type FactorComposition = FromSchema<typeof factorCompositionSchema>;

/** An included sort as the workspace receives it: `values` in statement order, never the pre-sort answers. */
export const analysisSortSchema = {
	type: 'object',
	required: ['id', 'values', 'synthetic', 'comments', 'notes'],
	additionalProperties: false,
	properties: {
		id: { type: 'string' },
		values: { type: 'array', items: { type: 'number' } },
		synthetic: { type: 'boolean' },
		comments: { type: 'object', additionalProperties: { type: 'string' } },
		notes: interviewerNotesSchema
	}
} as const;
export type AnalysisSortDto = FromSchema<typeof analysisSortSchema>;

/** A study's analysable data as the workspace receives it (pre-sort answers stay on the server). */
export const analysisDataSchema = {
	type: 'object',
	required: ['studyId', 'languages', 'forced', 'grid', 'statements', 'sorts', 'excludedCount'],
	additionalProperties: false,
	properties: {
		studyId: { type: 'string' },
		languages: { type: 'array', items: { enum: STUDY_LANGUAGES } },
		forced: { type: 'boolean' },
		grid: { type: 'array', description: 'grid columns, lowest value first', items: gridColumnSchema },
		statements: {
			type: 'array',
			description: 'the Q-set in order',
			items: {
				type: 'object',
				required: ['code', 'text'],
				additionalProperties: false,
				properties: { code: { type: 'string' }, text: localizedTextSchema }
			}
		},
		sorts: {
			type: 'array',
			description: 'included sorts in a fixed order; values in statement order',
			items: analysisSortSchema
		},
		excludedCount: { type: 'integer', description: 'sorts left out because they were excluded' }
	}
} as const;
export type AnalysisData = FromSchema<typeof analysisDataSchema>;
