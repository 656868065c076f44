// JSON Schemas shared by every route group (participant, researcher, dialogue), documented in the OpenAPI document.

/** The one error body of the API: `{ error: { code, message, details? } }` (server/app.ts's error handler). */
export const errorSchema = {
	type: 'object',
	required: ['error'],
	properties: {
		error: {
			type: 'object',
			required: ['code', 'message'],
			properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }
		}
	}
} as const;

/** Error responses for the given statuses, all with the `{ error: { code, message } }` body. */
export function errors(...statuses: number[]): Record<number, typeof errorSchema> {
	return Object.fromEntries(statuses.map((s) => [s, errorSchema]));
}
