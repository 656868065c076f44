import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import { guessableReason, type GuessableReason } from './password-strength.js';

// scrypt from node:crypto: maintained with Node itself, no native add-on to build. The cost parameters
// are stored in every hash string, so they can be raised later without invalidating existing passwords.
// N = 2^15, r = 8, p = 1 needs 32 MiB and about 50–100 ms per hash on the 2-core machines.
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

function derive(password: string, salt: Buffer, n: number, r: number, p: number, keyLength: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(
			password.normalize('NFC'),
			salt,
			keyLength,
			{ N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 },
			(error, key) => (error ? reject(error) : resolve(key))
		);
	});
}

/** Hashes a password with a fresh random salt: `scrypt$<N>$<r>$<p>$<salt b64>$<key b64>`. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLELISM, KEY_LENGTH);
	return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [n, r, p] = parts.slice(1, 4).map(Number);
	if (![n, r, p].every((v) => Number.isInteger(v) && v > 0)) return false;
	const salt = Buffer.from(parts[4]!, 'base64');
	const expected = Buffer.from(parts[5]!, 'base64');
	if (expected.length === 0) return false;
	const actual = await derive(password, salt, n!, r!, p!, expected.length);
	return timingSafeEqual(actual, expected);
}

/** A hash of nothing in particular: verified against when the e-mail is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
	return decoyHash;
}

const GUESSABLE_MESSAGES: Record<GuessableReason, string> = {
	common: 'is one of the most used passwords, or close to one',
	repeat: 'is mostly a repetition (like "aaaaaaaaaaaa" or "abcabcabcabc")',
	sequence: 'is mostly a simple sequence (like "123456789" or "abcdefghij")',
	personal: 'is built from your e-mail address, your name or the name of this app',
	pattern: 'follows a pattern that is quickly guessed'
};

/**
 * Throws 422 WEAK_PASSWORD unless the password has a usable length, and 422 PASSWORD_TOO_GUESSABLE
 * (details.reason) when it is common, repetitive, a sequence or built from `personal` (e-mail, name).
 */
export async function assertPasswordAcceptable(password: string, personal: readonly string[] = []): Promise<void> {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		throw new AppError(422, 'WEAK_PASSWORD', `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
	}
	if (length > PASSWORD_MAX_LENGTH) {
		throw new AppError(422, 'WEAK_PASSWORD', `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`);
	}
	const reason = await guessableReason(password, personal);
	if (reason) {
		throw new AppError(
			422,
			'PASSWORD_TOO_GUESSABLE',
			`This password is too easy to guess: it ${GUESSABLE_MESSAGES[reason]}. A few unrelated words make a strong password.`,
			{ reason }
		);
	}
}

/** Lower-cases and trims an e-mail address; throws 422 INVALID_EMAIL when it does not look like one. */
export function normalizeEmail(email: string): string {
	const normalized = email.trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) || normalized.length > 254) {
		throw new AppError(422, 'INVALID_EMAIL', 'That does not look like an e-mail address.');
	}
	return normalized;
}
