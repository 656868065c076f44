// The answers of the analysis API (server/routes/analyses.ts), written once: the route
// serializes with these schemas, server/analyses builds the derived types, the workspace (src/lib/analysis,
// src/lib/api/analyses.ts) reads them. Relative imports only, so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';
import type { AnalysisJson } from '../../qmethod/index.js';
import { CENTROID_VARIANTS, EXTRACTION_METHODS, FLAG_LEVELS, ROTATION_METHODS } from '../../qmethod/types.js';
import { gridColumnSchema, interviewerNotesSchema, localizedTextSchema, STUDY_LANGUAGES } from './common.js';

/** The files an analysis can be exported to (GET /analyses/:id/export.:format). */
export const ANALYSIS_EXPORT_FORMATS = ['xlsx', 'txt', 'json'] as const;
export type AnalysisExportFormat = (typeof ANALYSIS_EXPORT_FORMATS)[number];

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

// The analysis options are the engine's (src/lib/qmethod/types.ts); the request schemas and the server take them from here.
export { CENTROID_VARIANTS, EXTRACTION_METHODS, FLAG_LEVELS, ROTATION_METHODS };

/** One recorded decision after the automatic rotation, replayed in order (factor numbers 1-based). */
export const rotationStepSchema = {
	description:
		'A hand rotation {p, q, angle} (factors 1…K, degrees; sort points move clockwise in the p–q plot), or {invert: f} (mirror factor f), or {split: f} (its negative pole becomes a new last factor)',
	anyOf: [
		{
			type: 'object',
			required: ['p', 'q', 'angle'],
			additionalProperties: false,
			properties: { p: { type: 'integer' }, q: { type: 'integer' }, angle: { type: 'number' } }
		},
		{ type: 'object', required: ['invert'], additionalProperties: false, properties: { invert: { type: 'integer' } } },
		{ type: 'object', required: ['split'], additionalProperties: false, properties: { split: { type: 'integer' } } }
	]
} as const;
export type RotationStepRequest = FromSchema<typeof rotationStepSchema>;

/**
 * A validated analysis request: everything needed to reproduce an analysis from the stored sorts. Requests are
 * normalised before they are stored, and a stored one that lacks a field (a row written otherwise) is read with
 * the same defaults (server/analyses/repository.ts).
 */
export const analysisRequestSchema = {
	type: 'object',
	required: ['extraction', 'factors', 'rotation', 'flagLevel', 'rotationSteps', 'flags'],
	additionalProperties: false,
	properties: {
		extraction: { enum: EXTRACTION_METHODS },
		centroidVariant: {
			enum: CENTROID_VARIANTS,
			description: "centroid only: qmethod 1.8.4's procedure (when absent) or PQMethod/KADE's"
		},
		factors: { type: 'integer' },
		rotation: { enum: ROTATION_METHODS },
		flagLevel: { enum: FLAG_LEVELS },
		rotationSteps: { type: 'array', items: rotationStepSchema },
		flags: {
			type: ['array', 'null'],
			description: 'manual flags [sort][factor after splits]; null: automatic flags at flagLevel',
			items: { type: 'array', items: { type: 'boolean' } }
		}
	}
} as const;
export type AnalysisRequest = FromSchema<typeof analysisRequestSchema>;

const summaryProperties = {
	id: { type: 'string' },
	studyId: { type: 'string' },
	name: { type: 'string' },
	createdAt: { type: 'string' },
	createdBy: {
		anyOf: [
			{ type: 'null' },
			{
				type: 'object',
				required: ['id', 'displayName', 'email'],
				additionalProperties: false,
				properties: { id: { type: 'string' }, displayName: { type: 'string' }, email: { type: 'string' } }
			}
		]
	},
	request: analysisRequestSchema,
	engineVersion: { type: 'string' },
	nFactors: { type: 'integer' },
	nSorts: { type: 'integer' }
} as const;
const summaryRequired = [
	'id',
	'studyId',
	'name',
	'createdAt',
	'createdBy',
	'request',
	'engineVersion',
	'nFactors',
	'nSorts'
] as const;

/** A saved analysis in the study's list of versions. */
export const analysisSummarySchema = {
	type: 'object',
	required: summaryRequired,
	additionalProperties: false,
	properties: summaryProperties
} as const;
export type AnalysisSummary = FromSchema<typeof analysisSummarySchema>;

/** A saved analysis with its result and the composition of its factors. */
export const storedAnalysisSchema = {
	type: 'object',
	required: [...summaryRequired, 'result', 'composition'],
	additionalProperties: false,
	properties: {
		...summaryProperties,
		result: { description: "the engine's result, exactly the CLI's `analyze --format json` schema" },
		composition: {
			type: 'array',
			description: 'defining sorts per factor by pre-sort answer; groups below 5 are "< 5"',
			items: factorCompositionSchema
		}
	}
} as const;
/** `result` passes through unchecked: it has its own documented format, typed by the engine (AnalysisJson). */
export type StoredAnalysis = Omit<FromSchema<typeof storedAnalysisSchema>, 'result'> & { result: AnalysisJson };
