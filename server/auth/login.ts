import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
	admitLogin,
	admitPasswordCheck,
	isDeviceOf,
	issueDeviceCookie,
	loginSucceeded,
	passwordCheckSucceeded
} from './login-limits.js';
import { assertPasswordAcceptable, decoyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { findResearcherByEmail, passwordHashOf, setPasswordHash } from './researchers.js';
import { createSession, deleteOtherSessions, type SessionResearcher } from './sessions.js';

// The steps of logging in and of changing a password; the routes handle the cookies and the CSRF check.

export interface LoggedIn {
	researcher: { id: string; email: string; displayName: string };
	session: { token: string; expiresAt: Date };
	/** The device cookie to (re)send: this browser has now logged in to this account. */
	deviceCookie: string;
}

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'E-mail address or password is not correct.');

/**
 * Checks an address and password and starts a session. The attempt is counted before the password is checked
 * (429 when a limit is reached), so parallel tries cannot pass it; an unknown address costs as much time as a
 * known one. 401 INVALID_CREDENTIALS for either a wrong address or a wrong password.
 */
export async function logIn(
	db: Kysely<Database>,
	emailTyped: string,
	password: string,
	device: string | undefined
): Promise<LoggedIn> {
	const email = emailTyped.trim().toLowerCase();
	const row = await findResearcherByEmail(db, email);
	const knownDevice = (await isDeviceOf(db, device, row?.id)) ? device : undefined;
	const admission = await admitLogin(db, email, knownDevice);
	const ok = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
	if (!row || !ok) throw invalidCredentials();
	await loginSucceeded(db, admission);
	const session = await createSession(db, row.id);
	// A browser that logged in before keeps its cookie: its later attempts do not share the address's limit.
	const deviceCookie = knownDevice ?? (await issueDeviceCookie(db, row.id));
	return { researcher: { id: row.id, email: row.email, displayName: row.display_name }, session, deviceCookie };
}

/**
 * Changes the logged-in researcher's password and ends their other sessions. 422 for a weak new password,
 * 429 after too many wrong current passwords, 403 WRONG_PASSWORD for a wrong one.
 */
export async function changePassword(
	db: Kysely<Database>,
	researcher: SessionResearcher,
	currentPassword: string,
	newPassword: string
): Promise<void> {
	await assertPasswordAcceptable(newPassword, [researcher.email, researcher.displayName]);
	await admitPasswordCheck(db, researcher.id);
	if (!(await verifyPassword(currentPassword, await passwordHashOf(db, researcher.id)))) {
		throw new AppError(403, 'WRONG_PASSWORD', 'The current password is not correct.');
	}
	await passwordCheckSucceeded(db, researcher.id);
	await setPasswordHash(db, researcher.id, await hashPassword(newPassword));
	await deleteOtherSessions(db, researcher.id, researcher.tokenHash);
}
