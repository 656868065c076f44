import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, ResearchersTable } from '../db/schema.js';

// The repository of researcher accounts and their sessions (tables `researchers` and `researcher_sessions`,
// one aggregate): the only module that queries them (tests/lint/table-repositories.test.ts). Inside a
// transaction pass `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;
export type ResearcherRow = Selectable<ResearchersTable>;

/** What other parts show of an account: its address and name. */
export interface ResearcherName {
	email: string;
	displayName: string;
}

export async function countResearchers(db: Executor): Promise<number> {
	const row = await db
		.selectFrom('researchers')
		.select(sql<string | number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The id of the oldest account, or undefined while there is none. */
export async function oldestResearcherId(db: Executor): Promise<string | undefined> {
	const row = await db.selectFrom('researchers').select('id').orderBy('created_at').limit(1).executeTakeFirst();
	return row?.id;
}

/** The account with this (normalized) e-mail address, or undefined. */
export async function findResearcherByEmail(db: Executor, email: string): Promise<ResearcherRow | undefined> {
	return db.selectFrom('researchers').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Address and name of the accounts with these ids; an id without an account is missing from the map. */
export async function researcherNames(db: Executor, ids: readonly string[]): Promise<Map<string, ResearcherName>> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	const rows = await db
		.selectFrom('researchers')
		.select(['id', 'email', 'display_name'])
		.where('id', 'in', unique)
		.execute();
	return new Map(rows.map((r) => [r.id, { email: r.email, displayName: r.display_name }]));
}

/** The e-mail address of an account, or undefined when there is no such account. */
export async function emailOf(db: Executor, researcherId: string): Promise<string | undefined> {
	const row = await db.selectFrom('researchers').select('email').where('id', '=', researcherId).executeTakeFirst();
	return row?.email;
}

/** Adds an account and returns its id (the caller checked that the address is free). */
export async function insertResearcherRow(
	db: Executor,
	row: { email: string; passwordHash: string; displayName: string }
): Promise<string> {
	const { id } = await db
		.insertInto('researchers')
		.values({ email: row.email, password_hash: row.passwordHash, display_name: row.displayName })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** The stored password hash of an account that exists. */
export async function passwordHashOf(db: Executor, researcherId: string): Promise<string> {
	const row = await db
		.selectFrom('researchers')
		.select('password_hash')
		.where('id', '=', researcherId)
		.executeTakeFirstOrThrow();
	return row.password_hash;
}

/** Replaces an account's password hash. */
export async function setPasswordHash(db: Executor, researcherId: string, passwordHash: string): Promise<void> {
	await db.updateTable('researchers').set({ password_hash: passwordHash }).where('id', '=', researcherId).execute();
}

/** Replaces the password hash of the account with this address; its id, or undefined when there is none. */
export async function setPasswordHashByEmail(
	db: Executor,
	email: string,
	passwordHash: string
): Promise<string | undefined> {
	const row = await db
		.updateTable('researchers')
		.set({ password_hash: passwordHash })
		.where('email', '=', email)
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

// Sessions: only the hash of a session secret is stored.

export async function insertSession(
	db: Executor,
	session: { tokenHash: string; researcherId: string; expiresAt: Date }
): Promise<void> {
	await db
		.insertInto('researcher_sessions')
		.values({ token_hash: session.tokenHash, researcher_id: session.researcherId, expires_at: session.expiresAt })
		.execute();
}

/** The account behind a session hash and when the session expires, or undefined for an unknown hash. */
export async function findSessionRow(db: Executor, tokenHash: string) {
	return db
		.selectFrom('researcher_sessions as s')
		.innerJoin('researchers as r', 'r.id', 's.researcher_id')
		.select(['r.id', 'r.email', 'r.display_name', 's.expires_at'])
		.where('s.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export async function deleteSessionRow(db: Executor, tokenHash: string): Promise<void> {
	await db.deleteFrom('researcher_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Drops a researcher's sessions: the expired ones only, all but one (`keepTokenHash`), or all of them. */
export async function deleteSessionsOf(
	db: Executor,
	researcherId: string,
	which: { expiredBefore: Date } | { keepTokenHash: string } | 'all'
): Promise<void> {
	let query = db.deleteFrom('researcher_sessions').where('researcher_id', '=', researcherId);
	if (which !== 'all' && 'expiredBefore' in which) query = query.where('expires_at', '<', which.expiredBefore);
	if (which !== 'all' && 'keepTokenHash' in which) query = query.where('token_hash', '!=', which.keepTokenHash);
	await query.execute();
}
