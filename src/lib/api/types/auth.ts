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
