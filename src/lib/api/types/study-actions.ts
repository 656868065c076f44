// The small answers of the studies API's actions (create, open or close, codes, import, withdrawal), written once:
// the routes (server/routes/studies/*) serialize with these schemas, src/lib/api/researcher.ts types its calls
// with the derived types. The studies' own shapes are in ./studies.ts. Relative imports only (server-importable).
import type { FromSchema } from 'json-schema-to-ts';
import { STUDY_STATUSES } from './common.js';

/** POST /studies: the new study's id and address. */
export const createdStudySchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'slug'],
	properties: { id: { type: 'string' }, slug: { type: 'string' } }
} as const;
export type CreatedStudy = FromSchema<typeof createdStudySchema>;

/** POST /studies/:id/status: the status now, and how many unused codes closing removed. */
export const statusChangeSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['status', 'removedCodes'],
	properties: { status: { enum: STUDY_STATUSES }, removedCodes: { type: 'integer' } }
} as const;
export type StatusChange = FromSchema<typeof statusChangeSchema>;

/** POST /studies/:id/codes: the new participant codes. */
export const newCodesSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['codes'],
	properties: { codes: { type: 'array', items: { type: 'string' } } }
} as const;
export type NewCodes = FromSchema<typeof newCodesSchema>;

/** POST /studies/:id/import (not a dry run): how many sorts were stored. */
export const importedSchema = {
	type: 'object',
	required: ['imported'],
	additionalProperties: false,
	properties: { imported: { type: 'integer' } }
} as const;
export type Imported = FromSchema<typeof importedSchema>;

/** POST /studies/:id/withdrawals: when the sort was withdrawn (never the receipt). */
export const withdrawnSchema = {
	type: 'object',
	required: ['withdrawnAt'],
	additionalProperties: false,
	properties: { withdrawnAt: { type: 'string' } }
} as const;
export type Withdrawn = FromSchema<typeof withdrawnSchema>;
