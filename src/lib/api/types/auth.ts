// The shapes of the researcher's own account as the auth API answers them (server/routes/auth.ts serializes with
// these schemas, src/lib/api/researcher.ts reads them). Relative imports only, so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';

/** The logged-in researcher (login, setup and GET /auth/me). */
export const researcherSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'email', 'displayName'],
	properties: { id: { type: 'string' }, email: { type: 'string' }, displayName: { type: 'string' } }
} as const;
export type Researcher = FromSchema<typeof researcherSchema>;

/** GET /auth/setup: true while no account exists (the first is made through the link on the server console). */
export const setupRequiredSchema = {
	type: 'object',
	required: ['required'],
	additionalProperties: false,
	properties: { required: { type: 'boolean' } }
} as const;
export type SetupRequired = FromSchema<typeof setupRequiredSchema>;

/** GET /auth/setup/:token: the link is valid (an invalid one is a 404). */
export const setupLinkSchema = {
	type: 'object',
	required: ['valid'],
	additionalProperties: false,
	properties: { valid: { const: true } }
} as const;
export type SetupLink = FromSchema<typeof setupLinkSchema>;
