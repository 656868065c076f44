import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { forgetLoginFailures } from './login-limits.js';
import { insertMemberships, studiesWithoutMembers } from '../studies/studies-repository.js';
import {
	countResearchers,
	deleteSessionsOf,
	findResearcherByEmail,
	insertResearcherRow,
	setPasswordHashByEmail
} from './researchers.js';
import { assertPasswordAcceptable, hashPassword, normalizeEmail } from './password.js';
import { hashToken, randomToken } from './tokens.js';

/** A setup link stays valid for a day; a restart without an account prints a new one. */
export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface NewAccount {
	email: string;
	password: string;
	displayName?: string;
}

export { countResearchers };

/**
 * Inserts a researcher inside a transaction. The first account ever created becomes the owner of the
 * demo study (and of any other study that has no member yet) and makes outstanding setup links useless.
 */
async function insertResearcher(
	trx: Transaction<Database>,
	email: string,
	passwordHash: string,
	displayName: string
): Promise<string> {
	if (await findResearcherByEmail(trx, email))
		throw new AppError(409, 'EMAIL_TAKEN', 'An account with this e-mail address already exists.');
	const first = (await countResearchers(trx)) === 0;
	const id = await insertResearcherRow(trx, { email, passwordHash, displayName });
	if (first) {
		const orphans = await studiesWithoutMembers(trx);
		if (orphans.length > 0) {
			await insertMemberships(
				trx,
				orphans.map((studyId) => ({ study_id: studyId, researcher_id: id, role: 'owner' as const }))
			);
		}
		await trx.deleteFrom('setup_tokens').execute();
	}
	return id;
}

/** Creates an account (CLI `user create`); 422 on a bad address or password, 409 when the address is taken. */
export async function createResearcher(
	db: Kysely<Database>,
	account: NewAccount
): Promise<{ id: string; email: string }> {
	const email = normalizeEmail(account.email);
	await assertPasswordAcceptable(account.password, [email, account.displayName ?? '']);
	const passwordHash = await hashPassword(account.password);
	const id = await db
		.transaction()
		.execute((trx) => insertResearcher(trx, email, passwordHash, account.displayName?.trim() ?? ''));
	return { id, email };
}

/** While no account exists: stores a new one-time setup token (hashed) and returns it; otherwise undefined. */
export async function issueSetupToken(db: Kysely<Database>): Promise<string | undefined> {
	if ((await countResearchers(db)) > 0) return undefined;
	const token = randomToken();
	await db
		.insertInto('setup_tokens')
		.values({ token_hash: hashToken(token), expires_at: new Date(Date.now() + SETUP_TOKEN_LIFETIME_MS) })
		.execute();
	return token;
}

const invalidToken = () =>
	new AppError(
		404,
		'SETUP_TOKEN_INVALID',
		'This setup link is not valid (any more). Restart the server to get a new one.'
	);

/** Whether a setup token can still be used. */
export async function isSetupTokenValid(db: Kysely<Database>, token: string): Promise<boolean> {
	const row = await db
		.selectFrom('setup_tokens')
		.select('token_hash')
		.where('token_hash', '=', hashToken(token))
		.where('expires_at', '>', new Date())
		.executeTakeFirst();
	return row !== undefined && (await countResearchers(db)) === 0;
}

/** Creates the first account with a setup token. The token is single-use: every token is gone afterwards. */
export async function setupFirstAccount(
	db: Kysely<Database>,
	token: string,
	account: NewAccount
): Promise<{ id: string; email: string }> {
	const email = normalizeEmail(account.email);
	await assertPasswordAcceptable(account.password, [email, account.displayName ?? '']);
	const passwordHash = await hashPassword(account.password);
	const id = await db.transaction().execute(async (trx) => {
		// Two browsers racing with two valid links: the lock makes the second wait and then find no token.
		await sql`lock table setup_tokens in exclusive mode`.execute(trx);
		const row = await trx
			.deleteFrom('setup_tokens')
			.where('token_hash', '=', hashToken(token))
			.returning('expires_at')
			.executeTakeFirst();
		if (!row || new Date(row.expires_at).getTime() <= Date.now()) throw invalidToken();
		if ((await countResearchers(trx)) > 0) throw invalidToken();
		return insertResearcher(trx, email, passwordHash, account.displayName?.trim() ?? '');
	});
	return { id, email };
}

/**
 * Sets a new password for the account with this address (CLI `user set-password`): ends all its sessions and
 * forgets its failed logins, so it may log in again at once. 404 when no account uses the address.
 */
export async function resetPassword(db: Kysely<Database>, address: string, password: string): Promise<void> {
	const email = normalizeEmail(address);
	await assertPasswordAcceptable(password, [email]);
	const passwordHash = await hashPassword(password);
	const id = await setPasswordHashByEmail(db, email, passwordHash);
	if (!id) throw new AppError(404, 'ACCOUNT_NOT_FOUND', `No account uses the e-mail address ${email}.`);
	await deleteSessionsOf(db, id, 'all');
	await forgetLoginFailures(db, email, id);
}
