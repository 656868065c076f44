import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { readCookie, setCookie, type CookieSpec } from './cookies.js';
import { type Budget, refund, spend } from './rate-limit.js';
import { serverSecret, sign, verifySignature } from './secrets.js';

// Guessing participant codes and dialogue join codes (README, "Limits against guessing"). Codes that
// match nothing are counted over all clients together, in Postgres (no IP address, every process): once
// a kind has used its budget of misses in a window, lookups of that kind answer 429 until the window ends.
// So that a flood of guesses does not shut out people who already have their code, a browser that opened
// a code successfully carries a signed pass for that code (HMAC, no state) and is never held up for it.
export interface CodeKind {
	bucket: string;
	budget: Budget;
	/** The cookie with the pass; its path is the API that takes this kind of code. */
	cookie: CookieSpec;
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Participant codes: 60 random bits. 1,000 misses per 10 minutes over all clients (1.7 per second). With
 * 10,000 codes in use, one guess hits with probability 10,000 / 2^60 ≈ 8.7 × 10^-15; finding any code takes
 * about 2^60 / 10,000 / 1.7 s ≈ 2 million years on average.
 */
export const PARTICIPANT_CODES: CodeKind = {
	bucket: 'codes:participant',
	budget: { limit: 1000, windowMs: TEN_MINUTES },
	cookie: {
		name: 'standpunt_code_pass',
		path: '/api/participate',
		sameSite: 'Strict',
		maxAgeSeconds: 30 * 24 * 60 * 60
	}
};

/**
 * Dialogue join codes: 31^6 ≈ 8.9 × 10^8. 200 misses per 10 minutes over all clients (1 per 3 seconds).
 * With 10 sessions open at once, finding one takes on average 8.9 × 10^8 / 10 / (1/3 s) ≈ 8.5 years; the
 * chance within a 3-hour session is about 3,600 guesses × 10 / 8.9 × 10^8 ≈ 0.004 %.
 */
export const JOIN_CODES: CodeKind = {
	bucket: 'codes:join',
	budget: { limit: 200, windowMs: TEN_MINUTES },
	cookie: { name: 'standpunt_join_pass', path: '/api/dialogue', sameSite: 'Strict', maxAgeSeconds: 12 * 60 * 60 }
};

export const CODE_PASS_SECRET = 'code-pass';

/** Gives the browser its pass for a code it has just used successfully. */
export async function grantCodePass(
	request: FastifyRequest,
	reply: FastifyReply,
	kind: CodeKind,
	code: string
): Promise<void> {
	setCookie(
		request,
		reply,
		kind.cookie,
		sign(await serverSecret(request.server.database.db, CODE_PASS_SECRET), `${kind.bucket}:${code}`)
	);
}

async function hasPass(request: FastifyRequest, kind: CodeKind, code: string | undefined): Promise<boolean> {
	const pass = readCookie(request.headers.cookie, kind.cookie.name);
	if (!pass || !code || pass.length > 100) return false;
	return verifySignature(
		await serverSecret(request.server.database.db, CODE_PASS_SECRET),
		`${kind.bucket}:${code}`,
		pass
	);
}

export const tooManyGuesses = (retryAfterSeconds: number) =>
	new AppError(
		429,
		'TOO_MANY_ATTEMPTS',
		'Very many unknown codes were tried in the last minutes, so codes are not checked for a while. Try again in a few minutes.',
		{ retryAfterSeconds }
	);

/**
 * Runs a lookup by code under the guessing limit of its kind. `code` is the normalised code (undefined when
 * it cannot be one: that is a miss too). A 404 from `work` counts as a miss. With `reply`, a success
 * gives the browser its pass for this code; a request with a valid pass is not limited.
 */
export async function guardCode<T>(
	request: FastifyRequest,
	kind: CodeKind,
	code: string | undefined,
	work: () => Promise<T>,
	reply?: FastifyReply
): Promise<T> {
	const db = request.server.database.db;
	if (await hasPass(request, kind, code)) return work();
	// Counted before the lookup, in one atomic step, and given back unless it was a miss: of any number
	// of parallel guesses, in any number of processes, no more than the budget are looked up.
	const spent = await spend(db, kind.bucket, kind.budget);
	if (!spent.allowed) throw tooManyGuesses(spent.retryAfterSeconds);
	let result: T;
	try {
		result = await work();
	} catch (error) {
		if (!(error instanceof AppError && error.statusCode === 404)) await refund(db, kind.bucket);
		throw error;
	}
	await refund(db, kind.bucket);
	if (reply && code) await grantCodePass(request, reply, kind, code);
	return result;
}
