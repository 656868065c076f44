import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ResearchersTable } from '../db/schema.js';

// Reads and writes of single researcher rows for logging in and changing a password. Inside a transaction pass
// `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;
export type ResearcherRow = Selectable<ResearchersTable>;

/** The account with this (normalized) e-mail address, or undefined. */
export async function findResearcherByEmail(db: Executor, email: string): Promise<ResearcherRow | undefined> {
	return db.selectFrom('researchers').selectAll().where('email', '=', email).executeTakeFirst();
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
