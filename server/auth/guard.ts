import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { clearCookie, readCookie, setCookie } from './cookies.js';
import { findSession, SESSION_COOKIE, type SessionResearcher } from './sessions.js';

/** The header every state-changing researcher request must carry (any non-empty value; the app sends "1"). */
export const CSRF_HEADER = 'x-standpunt-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const researchers = new WeakMap<FastifyRequest, SessionResearcher>();

/**
 * CSRF defence for cookie-authenticated requests. A page on another site can make the browser send our
 * cookie (SameSite=Lax still allows top-level POST navigations in some browsers), but it cannot add a
 * custom header without a CORS preflight, which this server never approves. A present Origin that is not
 * this host is refused as well.
 */
export function assertCsrfSafe(request: FastifyRequest): void {
	if (SAFE_METHODS.has(request.method)) return;
	const header = request.headers[CSRF_HEADER];
	const origin = request.headers.origin;
	let crossSite = false;
	if (origin !== undefined && origin !== 'null') {
		// Fastify's request.host is X-Forwarded-Host when the app trusts its proxy (STANDPUNT_TRUST_PROXY), else Host.
		try {
			const originUrl = new URL(origin);
			// Compare as URLs of the same scheme, so that "host:80" and an Origin without port agree.
			crossSite = new URL(`${originUrl.protocol}//${request.host}`).host !== originUrl.host;
		} catch {
			crossSite = true;
		}
	} else if (origin === 'null') {
		crossSite = true;
	}
	if (!header || crossSite) {
		throw new AppError(
			403,
			'CSRF_REJECTED',
			`This request was refused as a possible cross-site request: send the ${CSRF_HEADER} header from this site.`
		);
	}
}

export function sessionTokenOf(request: FastifyRequest): string | undefined {
	return readCookie(request.headers.cookie, SESSION_COOKIE.name);
}

/** Looks the session up (once per request); 401 UNAUTHENTICATED without a valid one. */
export async function authenticate(request: FastifyRequest): Promise<SessionResearcher> {
	const known = researchers.get(request);
	if (known) return known;
	const token = sessionTokenOf(request);
	const researcher = token ? await findSession(request.server.database.db, token) : undefined;
	if (!researcher) throw new AppError(401, 'UNAUTHENTICATED', 'Log in to continue.');
	researchers.set(request, researcher);
	return researcher;
}

/** The researcher that `authenticate` found for this request (call it first, e.g. in a preHandler hook). */
export function researcherOf(request: FastifyRequest): SessionResearcher {
	const researcher = researchers.get(request);
	if (!researcher) throw new AppError(401, 'UNAUTHENTICATED', 'Log in to continue.');
	return researcher;
}

/** Hook for researcher-only route plugins: session first (401), then the CSRF check (403). */
export async function requireResearcherHook(request: FastifyRequest): Promise<void> {
	await authenticate(request);
	assertCsrfSafe(request);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
	setCookie(request, reply, SESSION_COOKIE, token, (expiresAt.getTime() - Date.now()) / 1000);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
	clearCookie(request, reply, SESSION_COOKIE);
}
