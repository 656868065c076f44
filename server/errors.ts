/**
 * An error with a stable, machine-readable code that the API returns as
 * `{ "error": { "code", "message" } }` with the given HTTP status.
 */
export class AppError extends Error {
	constructor(
		readonly statusCode: number,
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = 'AppError';
	}
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
