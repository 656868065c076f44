// JSON Schemas of the participant's routes (participate.ts): the routes validate and serialize with them and
// /api/docs shows them. The enrolment routes (participants.ts) keep their short schemas in their own file; the
// shapes the client shares (participation, submission, receipt, public study) are in src/lib/api/types/participation.ts.

export const codeParams = {
	type: 'object',
	required: ['code'],
	properties: {
		code: { type: 'string', minLength: 1, maxLength: 40, description: 'Participant code, e.g. K7QM-4XTR-9BDW' }
	}
} as const;

/** Drafts are the page's own JSON; 64 KB holds a 40-card sort with long comments many times over. */
export const DRAFT_LIMIT_BYTES = 64 * 1024;

/** A draft is the page's own JSON, stored and returned unchanged. */
export const draftBody = { description: 'any JSON up to 64 KB' } as const;
