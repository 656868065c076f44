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
export function errors<S extends number>(...statuses: S[]): { [K in S]: typeof errorSchema } {
	return Object.fromEntries(statuses.map((s) => [s, errorSchema])) as { [K in S]: typeof errorSchema };
}

/** An empty 204 answer (no schema type, so that `reply.status(204).send()` needs no payload). */
export const noContent = { description: 'No content' } as const;

/**
 * A download or other non-JSON answer: only its content types are declared, so the OpenAPI document names them and
 * the serializer leaves the bytes alone (an empty schema accepts a string or a Buffer).
 */
export function download<T extends string>(description: string, ...contentTypes: T[]) {
	const content = Object.fromEntries(contentTypes.map((type) => [type, { schema: {} }])) as {
		[K in T]: { schema: { readonly description?: string } };
	};
	return { description, content };
}

/** `:id` of a resource addressed by its uuid (a study, an analysis, …). */
export const idParams = {
	type: 'object',
	required: ['id'],
	properties: { id: { type: 'string', description: 'uuid' } }
} as const;

/** `?lang=` the language a text is wanted in. */
export const langQuery = {
	type: 'object',
	properties: { lang: { type: 'string', enum: ['nl', 'en'] } }
} as const;

/** Researcher routes change state only with this header (CSRF defence); documented on every such route. */
export const csrfHeaders = {
	type: 'object',
	properties: { 'x-standpunt-csrf': { type: 'string', description: 'required on POST/PATCH/PUT/DELETE; send "1"' } }
} as const;
