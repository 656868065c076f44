// The audit trail as the API returns it (server/audit/read.ts builds it, server/routes/audit.ts serializes it with
// this schema, src/lib/api/researcher.ts reads it). Relative imports only, so the server can import this file.
import type { FromSchema } from 'json-schema-to-ts';

/** One entry: who (a researcher's e-mail, or cli / system) did what to which study, and when. */
export const auditEventSchema = {
	type: 'object',
	required: ['id', 'at', 'studyId', 'studySlug', 'actor', 'action', 'details'],
	additionalProperties: false,
	properties: {
		id: { type: 'string' },
		at: { type: 'string', description: 'ISO 8601, UTC' },
		studyId: { type: ['string', 'null'] },
		studySlug: {
			type: ['string', 'null'],
			description: "the study's address at the time; stays readable after the study is deleted"
		},
		actor: { type: 'string', description: "the researcher's e-mail, or cli / system" },
		action: { type: 'string' },
		details: { type: 'object', additionalProperties: true }
	}
} as const;
export type AuditEventDto = FromSchema<typeof auditEventSchema>;
