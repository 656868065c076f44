import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { CookieSpec } from './cookies.js';
import { type Budget, forget, refund, spend } from './rate-limit.js';
import { serverSecret, sign, verifySignature } from './secrets.js';

// Who may try a password, and how often (README, "Logging in: limits"). Every attempt is counted BEFORE
// the password is checked, in one atomic step per bucket, so parallel requests cannot slip past a limit.
//  - per account address: 5 attempts per 15 minutes; a successful login wipes the count;
//  - all logins together: 100 attempts per 15 minutes that did not succeed, whatever the address, so
//    trying many addresses (password spraying) is as slow as trying one;
//  - a browser that logged in to this account before carries a signed device cookie. Its attempts are
//    counted in a bucket of that device alone (10 per 15 minutes) instead of the two above: an attacker
//    who locks the address or floods every login cannot lock out the researcher on their own browser.
// On a new browser during a lock-out, `npm run -s cli -- user set-password` resets the password and the
// account's count at once.
const WINDOW_MS = 15 * 60 * 1000;
export const ADDRESS_BUDGET: Budget = { limit: 5, windowMs: WINDOW_MS };
export const ALL_LOGINS_BUDGET: Budget = { limit: 100, windowMs: WINDOW_MS };
export const DEVICE_BUDGET: Budget = { limit: 10, windowMs: WINDOW_MS };
/** Wrong current passwords on the password form, per account. */
export const PASSWORD_CHANGE_BUDGET: Budget = { limit: 5, windowMs: WINDOW_MS };

const ALL_LOGINS = 'login:all';
export const DEVICE_SECRET = 'login-device';

/** Browsers that logged in before: a year, only sent to the login routes. */
export const DEVICE_COOKIE: CookieSpec = {
	name: 'standpunt_device',
	path: '/api/auth',
	sameSite: 'Strict',
	maxAgeSeconds: 365 * 24 * 60 * 60
};

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The bucket of an account address; hashed, so addresses typed by strangers are not kept. */
export const addressBucket = (email: string) => `login:address:${digest(email)}`;
const deviceBucket = (cookie: string) => `login:device:${digest(cookie)}`;
const passwordBucket = (researcherId: string) => `password:${researcherId}`;

export function tooManyAttempts(retryAfterSeconds: number): AppError {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	return new AppError(
		429,
		'TOO_MANY_ATTEMPTS',
		`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
		{
			retryAfterSeconds
		}
	);
}

/** A new device cookie for a researcher: `<id>.<nonce>.<signature>`. */
export async function issueDeviceCookie(db: Kysely<Database>, researcherId: string): Promise<string> {
	const nonce = randomBytes(16).toString('base64url');
	const key = await serverSecret(db, DEVICE_SECRET);
	return `${researcherId}.${nonce}.${sign(key, `${researcherId}.${nonce}`)}`;
}

/** Whether a device cookie was issued by this server to this researcher. */
export async function isDeviceOf(
	db: Kysely<Database>,
	cookie: string | undefined,
	researcherId: string | undefined
): Promise<boolean> {
	if (!cookie || !researcherId || cookie.length > 200) return false;
	const parts = cookie.split('.');
	if (parts.length !== 3 || parts[0] !== researcherId) return false;
	return verifySignature(await serverSecret(db, DEVICE_SECRET), `${parts[0]}.${parts[1]}`, parts[2]!);
}

/** The buckets an attempt was counted in; give it back to `loginSucceeded`. */
export interface Admission {
	clear: string[];
	refund: string[];
}

/** Counts a login attempt before the password is checked; 429 TOO_MANY_ATTEMPTS when a budget is spent. */
export async function admitLogin(
	db: Kysely<Database>,
	email: string,
	knownDevice: string | undefined
): Promise<Admission> {
	if (knownDevice) {
		const bucket = deviceBucket(knownDevice);
		const spent = await spend(db, bucket, DEVICE_BUDGET);
		if (!spent.allowed) throw tooManyAttempts(spent.retryAfterSeconds);
		return { clear: [bucket], refund: [] };
	}
	const address = addressBucket(email);
	const own = await spend(db, address, ADDRESS_BUDGET);
	if (!own.allowed) throw tooManyAttempts(own.retryAfterSeconds);
	const all = await spend(db, ALL_LOGINS, ALL_LOGINS_BUDGET);
	if (!all.allowed) {
		// Not tried after all: it must not use up the address's own attempts.
		await refund(db, address);
		throw tooManyAttempts(all.retryAfterSeconds);
	}
	return { clear: [address], refund: [ALL_LOGINS] };
}

/** A login succeeded: its address (or device) starts afresh, and it does not count against all logins. */
export async function loginSucceeded(db: Kysely<Database>, admission: Admission): Promise<void> {
	for (const bucket of admission.clear) await forget(db, bucket);
	for (const bucket of admission.refund) await refund(db, bucket);
}

/** Counts a try of the current password on the password form (the session is known; 5 per 15 minutes). */
export async function admitPasswordCheck(db: Kysely<Database>, researcherId: string): Promise<void> {
	const spent = await spend(db, passwordBucket(researcherId), PASSWORD_CHANGE_BUDGET);
	if (!spent.allowed) throw tooManyAttempts(spent.retryAfterSeconds);
}

export async function passwordCheckSucceeded(db: Kysely<Database>, researcherId: string): Promise<void> {
	await forget(db, passwordBucket(researcherId));
}

/** `user set-password`: the account may log in again at once, from any browser. */
export async function forgetLoginFailures(db: Kysely<Database>, email: string, researcherId: string): Promise<void> {
	await forget(db, addressBucket(email));
	await forget(db, passwordBucket(researcherId));
}
