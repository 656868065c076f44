// JSON Schemas of the analysis routes (analyses.ts): requests, the stored analysis and the workspace's data.
import {
	ANALYSIS_EXPORT_FORMATS,
	analysisSummarySchema,
	CENTROID_VARIANTS,
	EXTRACTION_METHODS,
	factorCompositionSchema,
	FLAG_LEVELS,
	ROTATION_METHODS
} from '../../src/lib/api/types/analyses.js';
import { LOCALES } from '../../src/lib/i18n/types.js';

const rotationStep = {
	type: 'object',
	description:
		'A hand rotation {p, q, angle} (factors 1…K, degrees), or {invert: f}, or {split: f}, applied in order after the rotation',
	properties: {
		p: { type: 'integer' },
		q: { type: 'integer' },
		angle: { type: 'number' },
		invert: { type: 'integer' },
		split: { type: 'integer' }
	},
	additionalProperties: false
} as const;

const requestProperties = {
	extraction: { type: 'string', enum: EXTRACTION_METHODS },
	centroidVariant: {
		type: 'string',
		enum: CENTROID_VARIANTS,
		description: "centroid only: qmethod 1.8.4's procedure (default) or PQMethod/KADE's (start 0.5, stop at 0.001)"
	},
	factors: { type: 'integer', description: 'number of factors, 1…8, at most the number of included sorts' },
	rotation: { type: 'string', enum: ROTATION_METHODS },
	flagLevel: { type: 'number', enum: FLAG_LEVELS },
	rotationSteps: { type: 'array', maxItems: 1000, items: rotationStep },
	flags: {
		type: ['array', 'null'],
		description: 'manual flags [sort][factor] in the order of the included sorts; omitted → automatic flags',
		maxItems: 200000,
		items: { type: 'array', maxItems: 20, items: { type: 'boolean' } }
	}
} as const;

/** The analysis request without a name: what the composition of an unsaved analysis is computed from. */
export const compositionBody = {
	type: 'object',
	required: ['extraction', 'factors', 'rotation'],
	additionalProperties: false,
	properties: requestProperties
} as const;

/** Running and saving an analysis: the request and an optional name. */
export const createBody = {
	...compositionBody,
	properties: { ...requestProperties, name: { type: 'string', maxLength: 200 } }
} as const;

export const analysisList = {
	type: 'object',
	required: ['analyses'],
	additionalProperties: false,
	properties: { analyses: { type: 'array', items: analysisSummarySchema } }
} as const;

export const compositionResponse = {
	type: 'object',
	required: ['composition'],
	additionalProperties: false,
	properties: {
		composition: {
			type: 'array',
			description: 'defining sorts per factor by pre-sort answer; groups below 5 are "< 5"',
			items: factorCompositionSchema
		}
	}
} as const;

export const analysisParams = {
	type: 'object',
	required: ['id'],
	properties: { id: { type: 'string', description: 'analysis id (uuid)' } }
} as const;

export const exportParams = {
	type: 'object',
	required: ['id', 'format'],
	properties: { id: { type: 'string' }, format: { type: 'string', enum: ANALYSIS_EXPORT_FORMATS } }
} as const;

export const exportQuery = {
	type: 'object',
	additionalProperties: false,
	properties: {
		lang: { enum: LOCALES, description: "language of the workbook's sheet names (default en)" }
	}
} as const;
