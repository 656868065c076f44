import type { FastifyRequest } from 'fastify';

/**
 * What a request looks like in the log: method and URL, never the client's IP address or port.
 * Participants are anonymous and we store no IP addresses, not even in logs (product.md §5).
 * Fastify's default request serializer adds remoteAddress and remotePort; this one replaces it.
 */
export function serializeRequest(request: FastifyRequest): { method: string; url: string } {
	return { method: request.method, url: request.url };
}

/** Fastify's `logger` option with the private request serializer applied on top of the caller's settings. */
export function privateLoggerOptions(logger: boolean | object): false | Record<string, unknown> {
	if (logger === false) return false;
	const base: Record<string, unknown> = logger === true ? {} : { ...logger };
	const serializers = (base.serializers as Record<string, unknown> | undefined) ?? {};
	return { ...base, serializers: { ...serializers, req: serializeRequest } };
}
