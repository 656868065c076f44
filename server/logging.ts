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
	return { method: request.method, url: pattern ?? request.url.split('?')[0] ?? '' };
}

/** Fastify's `logger` option with the private request serializer applied on top of the caller's settings. */
export function privateLoggerOptions(logger: boolean | object): false | Record<string, unknown> {
	if (logger === false) return false;
	const base: Record<string, unknown> = logger === true ? {} : { ...logger };
	const serializers = (base.serializers as Record<string, unknown> | undefined) ?? {};
	return { ...base, serializers: { ...serializers, req: serializeRequest } };
}
