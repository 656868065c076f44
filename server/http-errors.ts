import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

// Errors Fastify and Node answer before any route or error handler runs, in the API's one error body
// {"error":{"code","message"}} instead of their own {"error":"Bad Request","message",…}. The messages never
// repeat the URL: it may hold a participant code or a join code.

const FRAMEWORK_MESSAGES: Record<string, [number, string, string]> = {
	FST_ERR_BAD_URL: [400, 'BAD_URL', 'The address is not valid: it has a broken percent-encoding or character.'],
	FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', 'A part of the address is too long.'],
	FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_REQUEST', 'The request cannot be routed.']
};

/** Fastify's `frameworkErrors`: a bad URL or an over-long path parameter, found while routing. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
	const [status, code, message] = FRAMEWORK_MESSAGES[error.code] ?? [
		400,
		'BAD_REQUEST',
		'The request cannot be routed.'
	];
	void reply.status(status).send({ error: { code, message } });
}

/**
 * Node's `clientError`: a request that is not valid HTTP (broken request line, headers too large, too slow).
 * Answered on the raw socket, as Fastify's default does, but with our body.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
	if (error.code === 'ECONNRESET' || socket.destroyed) return;
	const [status, code, message] =
		error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
			? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.']
			: error.code === 'HPE_HEADER_OVERFLOW'
				? [431, 'HEADERS_TOO_LARGE', 'The request headers are too large.']
				: error.code === 'HPE_URI_TOO_LONG'
					? [414, 'URI_TOO_LONG', 'The address is too long.']
					: [400, 'BAD_REQUEST', 'The request is not valid HTTP.'];
	const body = JSON.stringify({ error: { code, message } });
	if (socket.writable) {
		socket.write(
			`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`
		);
	}
	socket.destroy(error);
}
