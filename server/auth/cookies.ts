import type { FastifyReply, FastifyRequest } from 'fastify';

/** Reads one cookie from a Cookie header; undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const index = part.indexOf('=');
		if (index < 0) continue;
		if (part.slice(0, index).trim() !== name) continue;
		const value = part.slice(index + 1).trim();
		try {
			return decodeURIComponent(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** A cookie the server sets: always HttpOnly; the rest per cookie. */
export interface CookieSpec {
	name: string;
	/** The narrowest path that needs it. */
	path: string;
	sameSite: 'Lax' | 'Strict';
	maxAgeSeconds: number;
}

/** The Set-Cookie value; Secure when the request came over HTTPS. */
export function cookieHeader(
	spec: CookieSpec,
	value: string,
	secure: boolean,
	maxAgeSeconds = spec.maxAgeSeconds
): string {
	const parts = [
		`${spec.name}=${encodeURIComponent(value)}`,
		`Path=${spec.path}`,
		'HttpOnly',
		`SameSite=${spec.sameSite}`,
		`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`
	];
	if (maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	if (secure) parts.push('Secure');
	return parts.join('; ');
}

/**
 * Sets a cookie on the reply (several per reply add up). "Over HTTPS" is Fastify's `request.protocol`,
 * which honours X-Forwarded-Proto only when the app was built with `trustProxy` (STANDPUNT_TRUST_PROXY).
 */
export function setCookie(
	request: FastifyRequest,
	reply: FastifyReply,
	spec: CookieSpec,
	value: string,
	maxAgeSeconds?: number
): void {
	reply.header('set-cookie', cookieHeader(spec, value, request.protocol === 'https', maxAgeSeconds));
}

/** Tells the browser to drop the cookie. */
export function clearCookie(request: FastifyRequest, reply: FastifyReply, spec: CookieSpec): void {
	setCookie(request, reply, spec, '', 0);
}
