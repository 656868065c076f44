import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CookieSpec } from './cookies.js';
import { deleteSessionRow, deleteSessionsOf, findSessionRow, insertSession } from './researchers.js';
import { hashToken, randomToken } from './tokens.js';

/** A session lasts 14 days from login; logging in again starts a new one. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
/** The session cookie: the whole site, SameSite=Lax (a link from an e-mail arrives logged in). */
export const SESSION_COOKIE: CookieSpec = {
	name: 'standpunt_session',
	path: '/',
	sameSite: 'Lax',
	maxAgeSeconds: SESSION_LIFETIME_MS / 1000
};

export interface SessionResearcher {
	id: string;
	email: string;
	displayName: string;
	tokenHash: string;
}

/** Starts a session for a researcher and returns the secret for the cookie (only its hash is stored). */
export async function createSession(
	db: Kysely<Database>,
	researcherId: string
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await insertSession(db, { tokenHash: hashToken(token), researcherId, expiresAt });
	// Expired sessions of this researcher are dropped here, so the table does not grow without bound.
	await deleteSessionsOf(db, researcherId, { expiredBefore: new Date() });
	return { token, expiresAt };
}

/** The researcher behind a session secret, or undefined when it is unknown or expired. */
export async function findSession(db: Kysely<Database>, token: string): Promise<SessionResearcher | undefined> {
	const tokenHash = hashToken(token);
	const row = await findSessionRow(db, tokenHash);
	if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
	return { id: row.id, email: row.email, displayName: row.display_name, tokenHash };
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
	await deleteSessionRow(db, tokenHash);
}

/** Ends every other session of a researcher (after a password change). */
export async function deleteOtherSessions(
	db: Kysely<Database>,
	researcherId: string,
	keepTokenHash: string
): Promise<void> {
	await deleteSessionsOf(db, researcherId, { keepTokenHash });
}
