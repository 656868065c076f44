import type { FastifyRequest } from 'fastify';

/**
 * What a request looks like in the log: method and route, never the client's IP address or port.
 * Participants are anonymous and we store no IP addresses, not even in logs (product.md §5).
 * Fastify's default request serializer adds remoteAddress and remotePort; this one replaces it.
 * A matched route is logged by its pattern (`/api/participate/:code`), so that participant codes
 * and other identifiers in the path stay out of the log too; the query string is never logged.
 */
export function serializeRequest(request: FastifyRequest): { method: string; url: string } {
	const pattern = request.routeOptions?.url;
	return { method: request.method, url: pattern ?? redactPath(request.url) };
}

/**
 * A path that matched no route (a page of the web app such as `/p/<participant code>`, `/d/<join code>`
 * or `/setup/<token>`, or an unknown API path) is logged by its first segment only: `/p/*`.
 */
export function redactPath(url: string): string {
	const segments = (url.split('?')[0] ?? '').split('/').filter(Boolean);
	if (segments.length === 0) return '/';
	const first = /^[a-z_][a-z0-9_-]{0,30}$/i.test(segments[0]!) ? segments[0] : '*';
	if (first === 'api' && segments.length > 1) {
		const second = /^[a-z][a-z-]{0,30}$/i.test(segments[1]!) ? segments[1] : '*';
		return segments.length > 2 ? `/api/${second}/*` : `/api/${second}`;
	}
	return segments.length > 1 ? `/${first}/*` : `/${first}`;
}

/**
 * Takes out of a message what may be a person's data: quoted values (Postgres writes the offending value
 * in quotes, e.g. `invalid input syntax for type uuid: "…"`; JSON.parse quotes the text it failed on),
 * `Key (column)=(value)` details, and anything shaped like a participant code or receipt.
 */
export function redactText(text: string): string {
	return text
		.replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
		.replace(/=\([^)]*\)/g, '=(…)')
		.replace(/\b[0-9A-Z]{4}(?:[- ]?[0-9A-Z]{4}){2,}\b/gi, '…');
}

interface LoggedError {
	type: string;
	message: string;
	stack?: string;
	code?: string;
	statusCode?: number;
}

/**
 * Errors in the log: type, a redacted message, the stack's frames, and a short code. Every other field is
 * left out on purpose: PGlite puts the failing SQL and its parameters on the error (`query`, `params`),
 * node-postgres the offending values (`detail`, `where`), and a parameter may be an answer, a comment or
 * a code. The first stack line repeats the message, so it is redacted the same way.
 */
export function serializeError(error: unknown): LoggedError {
	if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error)' };
	const logged: LoggedError = { type: error.constructor?.name ?? 'Error', message: redactText(error.message) };
	if (typeof error.stack === 'string') {
		const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
		logged.stack = [`${logged.type}: ${logged.message}`, ...frames].join('\n');
	}
	const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
	if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code)) logged.code = code;
	if (typeof statusCode === 'number') logged.statusCode = statusCode;
	return logged;
}

/** Fastify's `logger` option with the private request and error serializers applied on top of the caller's settings. */
export function privateLoggerOptions(logger: boolean | object): false | Record<string, unknown> {
	if (logger === false) return false;
	const base: Record<string, unknown> = logger === true ? {} : { ...logger };
	const serializers = (base.serializers as Record<string, unknown> | undefined) ?? {};
	return {
		...base,
		serializers: { ...serializers, req: serializeRequest, err: serializeError, error: serializeError }
	};
}
