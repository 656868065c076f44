import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Creates the demo study when the database has no studies yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
	const existing = await db.selectFrom('studies').select('id').limit(1).executeTakeFirst();
	if (existing) return false;
	// The demo study's content is added by the foundation work (issue 2, item 5).
	return false;
}
