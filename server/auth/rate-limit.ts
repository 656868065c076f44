import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// Failed logins are counted per e-mail address in Postgres, so every server process behind a load
// balancer sees the same count. After MAX_FAILURES failures within WINDOW_MS, further attempts for that
// address (even with the right password) get 429 until the oldest failure leaves the window.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/** Seconds until the address may try again, or 0 when it is not limited. */
export async function loginRetryAfter(db: Kysely<Database>, email: string, now = new Date()): Promise<number> {
	const since = new Date(now.getTime() - WINDOW_MS);
	const row = await db
		.selectFrom('login_attempts')
		.select([sql<string | number>`count(*)`.as('failures'), sql<Date | string | null>`min(attempted_at)`.as('oldest')])
		.where('email', '=', email)
		.where('attempted_at', '>', since)
		.executeTakeFirst();
	if (!row || Number(row.failures) < MAX_FAILURES || row.oldest === null) return 0;
	const oldest = new Date(row.oldest).getTime();
	return Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000));
}

export async function recordLoginFailure(db: Kysely<Database>, email: string): Promise<void> {
	await db.insertInto('login_attempts').values({ email }).execute();
	// Old rows are of no use to the window; dropping them keeps the table small.
	await db
		.deleteFrom('login_attempts')
		.where('attempted_at', '<', new Date(Date.now() - 2 * WINDOW_MS))
		.execute();
}

/** A successful login forgives the earlier failures of that address. */
export async function clearLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('email', '=', email).execute();
}
